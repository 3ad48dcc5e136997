import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type { PollDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { focusAfterRender } from '../../core/auth/forms';
import { apiErrorStatus } from '../../shared/api-error';
import type { Dots } from './dot-distribution';
import { meetingErrorKey } from './meeting-errors';
import { MeetingSocket } from './meeting-socket';
import { MeetingsApi } from './meetings-api';
import { PollResults } from './poll-results';
import { mergePoll, replacePoll } from './poll-state';
import { PollVoteCard } from './poll-vote-card';

interface Notice {
  key: string;
  error?: boolean;
}

/**
 * Dot voting on a phone: the open polls of a meeting, my dots per option, live totals.
 * Joins the meeting's room, so new polls and everyone's dots arrive without reloading.
 */
@Component({
  selector: 'alm-meeting-vote-page',
  imports: [MatButton, MatProgressSpinner, RouterLink, TranslocoDirective, PollVoteCard, PollResults],
  providers: [MeetingSocket],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-vote-page.html',
  styleUrl: './meeting-vote-page.scss',
})
export class MeetingVotePage {
  private readonly api = inject(MeetingsApi);
  private readonly auth = inject(AuthStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly socket = inject(MeetingSocket);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly meeting = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly detail = computed(() => (this.meeting.hasValue() ? this.meeting.value() : null));
  /** Office members may vote without checking in (the API allows it). */
  protected readonly mayVote = computed(() => {
    const m = this.detail();
    return !!m && (m.myCheckedIn || this.auth.isOffice());
  });

  protected readonly polls = signal<PollDto[]>([]);
  protected readonly pollsLoaded = signal(false);
  protected readonly openPolls = computed(() => this.polls().filter((p) => p.status === 'open'));
  protected readonly closedPolls = computed(() => this.polls().filter((p) => p.status === 'closed'));
  protected readonly busy = signal<string | null>(null);
  protected readonly notice = signal<Notice | null>(null);

  constructor() {
    this.socket.pollUpdated$.pipe(takeUntilDestroyed()).subscribe((poll) => this.polls.update((list) => mergePoll(list, poll)));
    this.socket.rejoined$.pipe(takeUntilDestroyed()).subscribe(() => this.loadPolls());
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.loadPolls();
        void this.socket.join(id);
      });
    });
  }

  protected loadErrorKey(error: unknown): string {
    return apiErrorStatus(error) === 404 ? 'meetings.notFound' : 'meetings.loadError';
  }

  protected cast(poll: PollDto, dots: Dots): void {
    this.busy.set(poll.id);
    this.notice.set(null);
    // only options with dots: an empty object withdraws my dots
    const body = Object.fromEntries(Object.entries(dots).filter(([, n]) => n > 0));
    this.api.castDots(poll.id, body).subscribe({
      next: (saved) => {
        this.busy.set(null);
        this.polls.update((list) => replacePoll(list, saved));
        this.notice.set({ key: Object.keys(body).length ? 'voting.saved' : 'voting.withdrawn' });
        this.focusNotice();
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.notice.set({ key: meetingErrorKey(error), error: true });
        this.focusNotice();
        // a closed poll or stale counts: show the current state
        this.loadPolls();
      },
    });
  }

  private loadPolls(): void {
    this.api.polls(this.id()).subscribe({
      next: (polls) => {
        this.polls.set(polls);
        this.pollsLoaded.set(true);
      },
      error: () => this.pollsLoaded.set(true),
    });
  }

  private focusNotice(): void {
    focusAfterRender(this.host, '[data-testid="vote-notice"]', this.injector);
  }
}
