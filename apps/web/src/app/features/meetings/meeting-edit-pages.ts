import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import type { MeetingDetailDto, SaveMeetingRequest } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { catchError, map, of, switchMap } from 'rxjs';
import { meetingErrorKey } from './meeting-errors';
import { GroupOption, MeetingForm } from './meeting-form';
import { meetingFormFrom } from './meeting-form-model';
import { MeetingsApi } from './meetings-api';

/** Working groups to choose for a group session (empty when they cannot be loaded). */
function groupOptions(api: MeetingsApi) {
  return rxResource({
    stream: () =>
      api.workingGroups().pipe(
        map((page) => page.items.map((g): GroupOption => ({ id: g.id, name: g.name })).sort((a, b) => a.name.localeCompare(b.name))),
        catchError(() => of([] as GroupOption[])),
      ),
  });
}

/** A new meeting (the office). Plenaries get the next number of the series. */
@Component({
  selector: 'alm-meeting-new-page',
  imports: [MeetingForm, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <p class="back"><a routerLink="/meetings">{{ t('meetings.backToList') }}</a></p>
      <h1 class="heading">{{ t('meetings.form.newHeading') }}</h1>
      <alm-meeting-form
        [groups]="groups.hasValue() ? groups.value() : []"
        [busy]="busy()"
        [errorKey]="errorKey()"
        [submitLabel]="t('meetings.form.create')"
        (saved)="save($event)"
        (cancelled)="back()"
      />
    </ng-container>
  `,
  styleUrl: './meeting-pages.scss',
})
export class MeetingNewPage {
  private readonly api = inject(MeetingsApi);
  private readonly router = inject(Router);

  protected readonly groups = groupOptions(this.api);
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
    void this.router.navigate(['/meetings']);
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
