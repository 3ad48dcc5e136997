import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { SmallGroupDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { meetingErrorKey } from './meeting-errors';
import { MeetingSocket } from './meeting-socket';
import { MeetingsApi } from './meetings-api';
import { SmallGroupCard } from './small-group-card';

interface Outcome {
  key: string;
  params?: Record<string, string>;
  error?: boolean;
}

/**
 * "My small group" for a participant: the small group(s) of the meeting I am in, with
 * the shared note to edit. Shows nothing when the meeting has no small groups or I am
 * in none. While shown, it follows changes through the meeting room.
 */
@Component({
  selector: 'alm-my-small-group',
  imports: [TranslocoDirective, SmallGroupCard],
  providers: [MeetingSocket],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (mine().length) {
      <section class="section" aria-labelledby="my-small-group-heading" data-testid="my-small-group" *transloco="let t">
        <h2 id="my-small-group-heading" class="section-heading">{{ t('meetings.smallGroups.mine') }}</h2>
        <p class="outcome" [class.outcome-error]="outcome()?.error" role="status" data-testid="my-small-group-outcome">
          @if (outcome(); as o) {
            {{ t(o.key, o.params ?? {}) }}
          }
        </p>
        @for (group of mine(); track group.id) {
          <alm-small-group-card [group]="group" [busy]="busy()" (noteSaved)="saveNote(group, $event)" />
        }
      </section>
    }
  `,
  styles: `
    .section {
      display: grid;
      gap: 0.75rem;
      margin-block: 1.5rem;
    }
    .section-heading {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .outcome {
      margin: 0;
    }
    .outcome:not(:empty) {
      padding: 0.5rem 0.75rem;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .outcome-error:not(:empty) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class MySmallGroup {
  private readonly api = inject(MeetingsApi);
  private readonly socket = inject(MeetingSocket);

  readonly meetingId = input.required<string>();

  protected readonly groups = signal<SmallGroupDto[]>([]);
  /** For a participant, the groups whose note they may edit are the ones they are in. */
  protected readonly mine = computed(() => this.groups().filter((g) => g.canEditNote));
  protected readonly busy = signal(false);
  protected readonly outcome = signal<Outcome | null>(null);

  constructor() {
    this.socket.smallGroupsChanged$.pipe(takeUntilDestroyed()).subscribe(() => this.load());
    this.socket.rejoined$.pipe(takeUntilDestroyed()).subscribe(() => this.load());
    effect(() => {
      this.meetingId();
      untracked(() => this.load());
    });
  }

  private load(): void {
    this.api.smallGroups(this.meetingId()).subscribe({
      next: (groups) => {
        this.groups.set(groups);
        // live only while there is a group to show
        if (this.mine().length > 0 && this.socket.state() === 'idle') void this.socket.join(this.meetingId());
      },
      // not in any group, or small groups not open to me: nothing to show
      error: () => undefined,
    });
  }

  protected saveNote(group: SmallGroupDto, note: string): void {
    this.busy.set(true);
    this.outcome.set(null);
    this.api.saveSmallGroup(this.meetingId(), group.id, { note }).subscribe({
      next: (groups) => {
        this.busy.set(false);
        this.groups.set(groups);
        this.outcome.set({ key: 'meetings.smallGroups.noteSaved', params: { name: group.name } });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.outcome.set({ key: meetingErrorKey(error), error: true });
      },
    });
  }
}
