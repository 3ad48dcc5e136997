import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { MEETING_KINDS, MeetingKind, type MeetingDetailDto, type SaveMeetingRequest, type WorkingGroupPage } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { Observable, catchError, map, of, switchMap } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { meetingErrorKey } from './meeting-errors';
import { GroupOption, MeetingForm } from './meeting-form';
import { emptyMeetingForm, meetingFormFrom } from './meeting-form-model';
import { MeetingsApi } from './meetings-api';

function toOptions(page: WorkingGroupPage, leadOnly = false): GroupOption[] {
  return page.items
    .filter((g) => !leadOnly || g.myRole === 'lead' || g.myRole === 'co_lead')
    .map((g): GroupOption => ({ id: g.id, name: g.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Working groups to choose for a group session (empty when they cannot be loaded). */
function groupOptions(api: MeetingsApi) {
  return rxResource({
    stream: () => api.workingGroups().pipe(map((page) => toOptions(page)), catchError(() => of([] as GroupOption[]))),
  });
}

/**
 * A new meeting. The office creates any kind (plenaries get the next number of the
 * series); the leads and co-leads of a working group create sessions of their groups.
 * `?kind=group_session&group=<id>` presets the form (from a group's page).
 */
@Component({
  selector: 'alm-meeting-new-page',
  imports: [MeetingForm, MatButton, MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <p class="back">
        @if (fromGroup(); as groupId) {
          <a [routerLink]="['/groups', groupId]">{{ t('meetings.backToGroup') }}</a>
        } @else {
          <a routerLink="/meetings">{{ t('meetings.backToList') }}</a>
        }
      </p>
      <h1 class="heading">{{ t('meetings.form.newHeading') }}</h1>
      @if (isOffice()) {
        <alm-meeting-form
          [initial]="initial()"
          [groups]="groups.hasValue() ? groups.value() : []"
          [busy]="busy()"
          [errorKey]="errorKey()"
          [submitLabel]="t('meetings.form.create')"
          (saved)="save($event)"
          (cancelled)="back()"
        />
      } @else if (groups.error()) {
        <div class="state state-error" role="alert">
          <p>{{ t('meetings.form.groupsError') }}</p>
          <button mat-flat-button type="button" (click)="groups.reload()">{{ t('meetings.retry') }}</button>
        </div>
      } @else if (!groups.hasValue()) {
        <div class="state">
          <mat-progress-spinner mode="indeterminate" diameter="32" aria-hidden="true" />
          <p>{{ t('meetings.loading') }}</p>
        </div>
      } @else if (groups.value().length === 0) {
        <p class="state state-error" role="alert" data-testid="new-forbidden">{{ t('meetings.form.noGroupToLead') }}</p>
      } @else {
        <alm-meeting-form
          [initial]="initial()"
          [kinds]="leadKinds"
          [groups]="groups.value()"
          [busy]="busy()"
          [errorKey]="errorKey()"
          [submitLabel]="t('meetings.form.create')"
          (saved)="save($event)"
          (cancelled)="back()"
        />
      }
    </ng-container>
  `,
  styleUrl: './meeting-pages.scss',
})
export class MeetingNewPage {
  private readonly api = inject(MeetingsApi);
  private readonly router = inject(Router);
  protected readonly isOffice = inject(AuthStore).isOffice;

  /** Query parameters `?kind=` and `?group=` (component input binding). */
  readonly kind = input<string>();
  readonly group = input<string>();

  protected readonly leadKinds: readonly MeetingKind[] = [MeetingKind.GroupSession];

  /** The office chooses among all groups; everyone else among the groups they lead. */
  protected readonly groups = rxResource({
    params: () => this.isOffice(),
    stream: ({ params: office }): Observable<GroupOption[]> =>
      office
        ? this.api.workingGroups().pipe(map((page) => toOptions(page)), catchError(() => of([] as GroupOption[])))
        : this.api.workingGroups(true).pipe(map((page) => toOptions(page, true))),
  });

  protected readonly initial = computed(() => {
    const office = this.isOffice();
    const wanted = this.kind();
    const kind = office ? (MEETING_KINDS.find((k) => k === wanted) ?? MeetingKind.Plenary) : MeetingKind.GroupSession;
    const value = emptyMeetingForm(kind);
    const group = this.group();
    if (group && kind === MeetingKind.GroupSession) {
      // a lead may only pick a group they lead
      const allowed = office || (this.groups.hasValue() && this.groups.value().some((g) => g.id === group));
      if (allowed) value.groupId = group;
    }
    return value;
  });
  /** The group whose page led here, to go back to. */
  protected readonly fromGroup = computed(() => this.group() || null);

  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected save(request: SaveMeetingRequest): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.create(request).subscribe({
      next: (meeting) => void this.router.navigate(['/meetings', meeting.id], { state: { notice: 'meetings.notices.created' } }),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(meetingErrorKey(error));
      },
    });
  }

  protected back(): void {
    const group = this.fromGroup();
    void this.router.navigate(group ? ['/groups', group] : ['/meetings']);
  }
}

/** Edit a meeting (whoever runs it). */
@Component({
  selector: 'alm-meeting-edit-page',
  imports: [MeetingForm, MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <p class="back"><a [routerLink]="['/meetings', id()]">{{ t('meetings.backToMeeting') }}</a></p>
      <h1 class="heading">{{ t('meetings.form.editHeading') }}</h1>
      @if (meeting.error(); as error) {
        <div class="state state-error" role="alert">
          <p>{{ t(errorOf(error)) }}</p>
        </div>
      } @else if (meeting.hasValue()) {
        @if (meeting.value().detail.permissions.canManage) {
          <alm-meeting-form
            [initial]="initial()"
            [editing]="true"
            [groups]="groups.hasValue() ? groups.value() : []"
            [busy]="busy()"
            [errorKey]="errorKey()"
            [submitLabel]="t('meetings.form.save')"
            (saved)="save($event)"
            (cancelled)="back()"
          />
        } @else {
          <p class="state state-error" role="alert" data-testid="edit-forbidden">{{ t('meetings.forbidden') }}</p>
        }
      } @else {
        <div class="state">
          <mat-progress-spinner mode="indeterminate" diameter="32" aria-hidden="true" />
          <p>{{ t('meetings.loading') }}</p>
        </div>
      }
    </ng-container>
  `,
  styleUrl: './meeting-pages.scss',
})
export class MeetingEditPage {
  private readonly api = inject(MeetingsApi);
  private readonly router = inject(Router);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  /**
   * The meeting, and its venue organisation found by name (the detail names the venue
   * but not its id; saving without it would remove the venue).
   */
  protected readonly meeting = rxResource({
    params: () => this.id(),
    stream: ({ params }) =>
      this.api.get(params).pipe(
        switchMap((detail: MeetingDetailDto) =>
          detail.venueName
            ? this.api.organisations(detail.venueName).pipe(
                map((page) => page.items.find((o) => o.name === detail.venueName) ?? null),
                catchError(() => of(null)),
                map((venue) => ({ detail, venue: venue ? { id: venue.id, name: venue.name } : null })),
              )
            : of({ detail, venue: null }),
        ),
      ),
  });
  protected readonly initial = computed(() => (this.meeting.hasValue() ? meetingFormFrom(this.meeting.value().detail, this.meeting.value().venue) : null));
  protected readonly groups = groupOptions(this.api);
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected errorOf(error: unknown): string {
    return meetingErrorKey(error) === 'membership.errors.NOT_FOUND' ? 'meetings.notFound' : 'meetings.loadError';
  }

  protected save(request: SaveMeetingRequest): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.update(this.id(), request).subscribe({
      next: () => void this.router.navigate(['/meetings', this.id()], { state: { notice: 'meetings.notices.saved' } }),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(meetingErrorKey(error));
      },
    });
  }

  protected back(): void {
    void this.router.navigate(['/meetings', this.id()]);
  }
}
