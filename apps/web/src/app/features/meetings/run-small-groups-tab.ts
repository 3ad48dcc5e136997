import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import type { CheckInListEntryDto, SmallGroupDto } from '@allmende/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Observable, debounceTime, filter, switchMap } from 'rxjs';
import { focusFirstInvalid } from '../../core/auth/forms';
import { openConfirmDialog } from '../../shared/confirm-dialog';
import { meetingErrorKey } from './meeting-errors';
import { MeetingSocket } from './meeting-socket';
import { MeetingsApi } from './meetings-api';
import { SMALL_GROUP_NAME_MAX, SmallGroupCard } from './small-group-card';

interface Outcome {
  key: string;
  params?: Record<string, string | number>;
  error?: boolean;
}

export const MAX_SMALL_GROUPS = 50;

const notBlank = (control: AbstractControl<string>): ValidationErrors | null => ((control.value ?? '').trim() ? null : { required: true });

/** Checked-in attendees first, then by name; cancelled registrations are left out. */
export function attendeeOrder(entries: readonly CheckInListEntryDto[]): CheckInListEntryDto[] {
  return entries
    .filter((e) => e.status !== 'cancelled')
    .sort((a, b) => Number(b.checkedInAt !== null) - Number(a.checkedInAt !== null) || a.name.localeCompare(b.name, 'de'));
}

/**
 * Small groups (Kleingruppen) of a meeting: create, rename and delete them, spread the
 * checked-in attendees over N groups, put single persons into a group, keep each group's
 * note. Changes made elsewhere (other devices, members editing their note) arrive
 * through the meeting room.
 */
@Component({
  selector: 'alm-run-small-groups-tab',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    MatOption,
    MatProgressSpinner,
    MatSelect,
    TranslocoDirective,
    SmallGroupCard,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './run-small-groups-tab.html',
  styleUrl: './run-tab.scss',
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .assign {
      width: 14rem;
    }
  `,
})
export class RunSmallGroupsTab {
  private readonly api = inject(MeetingsApi);
  private readonly socket = inject(MeetingSocket);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly meetingId = input.required<string>();

  protected readonly nameMax = SMALL_GROUP_NAME_MAX;
  protected readonly maxGroups = MAX_SMALL_GROUPS;
  protected readonly groups = signal<SmallGroupDto[]>([]);
  protected readonly groupsState = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly entries = signal<CheckInListEntryDto[]>([]);
  protected readonly entriesError = signal(false);
  protected readonly busy = signal(false);
  protected readonly outcome = signal<Outcome | null>(null);
  /** Bumped after a failed move, so the selects show the server's state again. */
  protected readonly version = signal(0);

  protected readonly attendees = computed(() => attendeeOrder(this.entries()));
  protected readonly checkedIn = computed(() => this.attendees().filter((e) => e.checkedInAt !== null).length);
  /** registrationId → small group id. */
  protected readonly groupOf = computed(() => {
    const map = new Map<string, string>();
    for (const g of this.groups()) for (const m of g.members) map.set(m.registrationId, g.id);
    return map;
  });

  protected readonly createForm = this.fb.group({ name: ['', [notBlank, Validators.maxLength(SMALL_GROUP_NAME_MAX)]] });
  protected readonly distributeForm = this.fb.group({
    count: new FormControl<number | null>(4, [Validators.required, Validators.min(1), Validators.max(MAX_SMALL_GROUPS)]),
  });

  constructor() {
    this.socket.smallGroupsChanged$.pipe(takeUntilDestroyed()).subscribe(() => this.loadGroups());
    // someone checked in: they can now be spread over the groups
    this.socket.checkedIn$.pipe(debounceTime(500), takeUntilDestroyed()).subscribe(() => this.loadEntries());
    this.socket.rejoined$.pipe(takeUntilDestroyed()).subscribe(() => {
      this.loadGroups();
      this.loadEntries();
    });
    effect(() => {
      this.meetingId();
      untracked(() => {
        this.loadGroups();
        this.loadEntries();
      });
    });
  }

  protected loadGroups(): void {
    this.api.smallGroups(this.meetingId()).subscribe({
      next: (groups) => {
        this.groups.set(groups);
        this.groupsState.set('ready');
      },
      error: () => this.groupsState.set('error'),
    });
  }

  protected loadEntries(): void {
    this.api.checkIns(this.meetingId(), '').subscribe({
      next: (entries) => {
        this.entries.set(entries);
        this.entriesError.set(false);
      },
      error: () => this.entriesError.set(true),
    });
  }

  protected create(): void {
    if (this.createForm.invalid) {
      this.createForm.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const name = this.createForm.getRawValue().name.trim();
    this.run(this.api.addSmallGroup(this.meetingId(), name), { key: 'meetings.smallGroups.created', params: { name } }, () =>
      this.createForm.reset(),
    );
  }

  protected distribute(): void {
    if (this.distributeForm.invalid) {
      this.distributeForm.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const count = this.distributeForm.getRawValue().count ?? 1;
    this.run(this.api.distributeSmallGroups(this.meetingId(), count), { key: 'meetings.smallGroups.distributed', params: { count } });
  }

  protected rename(group: SmallGroupDto, name: string): void {
    if (!name) {
      this.outcome.set({ key: 'meetings.smallGroups.nameRequired', error: true });
      return;
    }
    if (name === group.name) return;
    this.run(this.api.saveSmallGroup(this.meetingId(), group.id, { name }), { key: 'meetings.smallGroups.renamed', params: { name } });
  }

  protected saveNote(group: SmallGroupDto, note: string): void {
    this.run(this.api.saveSmallGroup(this.meetingId(), group.id, { note }), { key: 'meetings.smallGroups.noteSaved', params: { name: group.name } });
  }

  protected remove(group: SmallGroupDto): void {
    const t = (key: string) => this.transloco.translate<string>(`meetings.smallGroups.removeDialog.${key}`, { name: group.name });
    openConfirmDialog(this.dialog, { title: t('title'), message: t('text'), confirm: t('confirm'), cancel: this.transloco.translate('meetings.cancel') })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          this.outcome.set(null);
          return this.api.deleteSmallGroup(this.meetingId(), group.id);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.groups.update((groups) => groups.filter((g) => g.id !== group.id));
          this.outcome.set({ key: 'meetings.smallGroups.removed', params: { name: group.name } });
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  /** Puts a person into a group ('' takes them out of theirs); they leave any other group. */
  protected assign(entry: CheckInListEntryDto, groupId: string): void {
    const current = this.groupOf().get(entry.registrationId) ?? '';
    if (groupId === current) return;
    if (groupId) {
      const target = this.groups().find((g) => g.id === groupId);
      if (!target) return;
      const ids = [...target.members.map((m) => m.registrationId), entry.registrationId];
      this.run(this.api.setSmallGroupMembers(this.meetingId(), target.id, ids), {
        key: 'meetings.smallGroups.assigned',
        params: { name: entry.name, group: target.name },
      });
    } else {
      const from = this.groups().find((g) => g.id === current);
      if (!from) return;
      const ids = from.members.map((m) => m.registrationId).filter((id) => id !== entry.registrationId);
      this.run(this.api.setSmallGroupMembers(this.meetingId(), from.id, ids), {
        key: 'meetings.smallGroups.unassigned',
        params: { name: entry.name, group: from.name },
      });
    }
  }

  private run(request: Observable<SmallGroupDto[]>, outcome: Outcome, done?: () => void): void {
    this.busy.set(true);
    this.outcome.set(null);
    request.subscribe({
      next: (groups) => {
        this.busy.set(false);
        this.groups.set(groups);
        this.groupsState.set('ready');
        this.outcome.set(outcome);
        done?.();
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.outcome.set({ key: meetingErrorKey(error), error: true });
    this.version.update((v) => v + 1);
    this.loadGroups();
  }
}
