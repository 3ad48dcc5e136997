import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type { MeetingSummaryDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { map } from 'rxjs';
import { LanguageService } from '../../core/i18n/language-service';
import { meetingTimeParts } from '../meetings/berlin-time';
import { MeetingChips } from '../meetings/meeting-chips';
import { MeetingsApi } from '../meetings/meetings-api';

/** How many meetings each list shows. */
export const GROUP_MEETINGS_SHOWN = 5;

/**
 * The sessions of a working group: the next ones and the latest past ones, each linking
 * to its meeting page. Leads, co-leads and the office start a new session from here.
 */
@Component({
  selector: 'alm-group-meetings',
  imports: [MatAnchor, MatButton, MatProgressSpinner, RouterLink, TranslocoDirective, MeetingChips],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="section" aria-labelledby="group-meetings-heading" data-testid="group-meetings" *transloco="let t">
      <div class="section-title">
        <h2 id="group-meetings-heading" class="section-heading">{{ t('groups.meetings.heading') }}</h2>
        @if (canCreate()) {
          <a
            mat-flat-button
            routerLink="/meetings/new"
            [queryParams]="{ kind: 'group_session', group: groupId() }"
            data-testid="new-group-session"
          >
            {{ t('groups.meetings.new') }}
          </a>
        }
      </div>

      @for (list of lists(); track list.key) {
        <h3 class="sub-heading" [id]="'group-meetings-' + list.key">{{ t('groups.meetings.' + list.key) }}</h3>
        @if (list.resource.error()) {
          <div class="state state-error" role="alert" [attr.data-testid]="'group-meetings-' + list.key + '-error'">
            <p>{{ t('meetings.listError') }}</p>
            <button mat-button type="button" (click)="list.resource.reload()">{{ t('meetings.retry') }}</button>
          </div>
        } @else if (!list.resource.hasValue()) {
          <div class="state">
            <mat-progress-spinner mode="indeterminate" diameter="24" aria-hidden="true" />
            <p>{{ t('meetings.loading') }}</p>
          </div>
        } @else if (list.resource.value().length === 0) {
          <p [attr.data-testid]="'group-meetings-' + list.key + '-empty'">{{ t('groups.meetings.' + list.key + 'Empty') }}</p>
        } @else {
          <ul class="meetings" [attr.aria-labelledby]="'group-meetings-' + list.key" [attr.data-testid]="'group-meetings-' + list.key">
            @for (m of list.resource.value(); track m.id) {
              @let when = time(m);
              <li class="meeting" data-testid="group-meeting">
                <a class="meeting-title" [routerLink]="['/meetings', m.id]">{{ m.title }}</a>
                <span class="meta"><time [attr.datetime]="m.startsAt">{{ t(when.key, when.params) }}</time></span>
                <alm-meeting-chips [kind]="m.kind" [cancelled]="m.cancelled" [status]="m.myStatus" [position]="m.myWaitlistPosition" />
              </li>
            }
          </ul>
        }
      }
    </section>
  `,
  styleUrl: './group-meetings.scss',
})
export class GroupMeetings {
  private readonly api = inject(MeetingsApi);
  protected readonly lang = inject(LanguageService).current;

  readonly groupId = input.required<string>();
  /** Leads and co-leads of the group, and the office. */
  readonly canCreate = input(false);

  /** The moment the page opened: what ended before is past, the rest is coming (or running). */
  private readonly now = new Date().toISOString();

  private readonly upcoming = rxResource({
    params: () => this.groupId(),
    stream: ({ params }) => this.api.list({ group: params, from: this.now, pageSize: GROUP_MEETINGS_SHOWN }).pipe(map((page) => page.items)),
  });
  private readonly past = rxResource({
    params: () => this.groupId(),
    // newest first; a meeting running now is listed with the coming ones
    stream: ({ params }) =>
      this.api
        .list({ group: params, to: this.now, pageSize: GROUP_MEETINGS_SHOWN + 1 })
        .pipe(map((page) => page.items.filter((m) => Date.parse(m.endsAt) < Date.parse(this.now)).slice(0, GROUP_MEETINGS_SHOWN))),
  });
  protected readonly lists = computed(() => [
    { key: 'upcoming', resource: this.upcoming },
    { key: 'past', resource: this.past },
  ]);

  protected time(m: MeetingSummaryDto) {
    return meetingTimeParts(m.startsAt, m.endsAt, this.lang());
  }
}
