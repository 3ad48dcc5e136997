import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorStatus } from '../../shared/api-error';
import { meetingTimeParts } from './berlin-time';
import { RunAgendaTab } from './run-agenda-tab';
import { RunCheckInTab } from './run-check-in-tab';
import { RunDecisionsTab } from './run-decisions-tab';
import { RunSmallGroupsTab } from './run-small-groups-tab';
import { RunVotingTab } from './run-voting-tab';
import { MeetingSocket } from './meeting-socket';
import { MeetingsApi } from './meetings-api';

/**
 * Running a meeting (the office; group leads for their sessions): check-in, agenda and
 * minutes, decisions, dot voting and small groups. Who may run it comes from the meeting itself
 * (`permissions.canManage`), so group leads get in while other members see a refusal.
 */
@Component({
  selector: 'alm-meeting-run-page',
  imports: [
    MatButton,
    MatProgressSpinner,
    MatTabGroup,
    MatTab,
    RouterLink,
    TranslocoDirective,
    RunCheckInTab,
    RunAgendaTab,
    RunDecisionsTab,
    RunVotingTab,
    RunSmallGroupsTab,
  ],
  providers: [MeetingSocket],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-run-page.html',
  styleUrl: './meeting-run-page.scss',
})
export class MeetingRunPage {
  private readonly api = inject(MeetingsApi);
  protected readonly socket = inject(MeetingSocket);
  protected readonly lang = inject(LanguageService).current;

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly meeting = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly detail = computed(() => (this.meeting.hasValue() ? this.meeting.value() : null));
  /** The agenda as edited on this page (the decisions tab links decisions to its items). */
  protected readonly agenda = linkedSignal(() => this.detail()?.agenda ?? []);
  protected readonly canManage = computed(() => this.detail()?.permissions.canManage ?? false);
  protected readonly time = computed(() => {
    const m = this.detail();
    return m ? meetingTimeParts(m.startsAt, m.endsAt, this.lang()) : null;
  });

  constructor() {
    // join the room once we know this person runs the meeting
    effect(() => {
      const m = this.detail();
      if (m?.permissions.canManage) untracked(() => void this.socket.join(m.id));
    });
  }

  protected loadErrorKey(error: unknown): string {
    return apiErrorStatus(error) === 404 ? 'meetings.notFound' : 'meetings.loadError';
  }
}
