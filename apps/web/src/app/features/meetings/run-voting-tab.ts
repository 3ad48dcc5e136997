import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { PARTICIPATION_LEVELS, type ClosePollRequest, type ParticipationLevel, type PollDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { focusFirstInvalid } from '../../core/auth/forms';
import { meetingErrorKey } from './meeting-errors';
import { MeetingSocket } from './meeting-socket';
import { MeetingsApi } from './meetings-api';
import { PollResults } from './poll-results';
import { mergePoll, replacePoll } from './poll-state';

const MAX_OPTIONS = 30;

/** Open a dot vote (Punktabfrage), watch the results arrive live, close it (optionally with a decision). */
@Component({
  selector: 'alm-run-voting-tab',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    MatOption,
    MatSelect,
    TranslocoDirective,
    PollResults,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './run-voting-tab.html',
  styleUrl: './run-tab.scss',
})
export class RunVotingTab {
  private readonly api = inject(MeetingsApi);
  private readonly socket = inject(MeetingSocket);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly meetingId = input.required<string>();

  protected readonly levels = PARTICIPATION_LEVELS;
  protected readonly maxOptions = MAX_OPTIONS;
  protected readonly polls = signal<PollDto[]>([]);
  protected readonly loadError = signal(false);
  protected readonly openPolls = computed(() => this.polls().filter((p) => p.status === 'open'));
  protected readonly closedPolls = computed(() => this.polls().filter((p) => p.status === 'closed'));
  protected readonly busy = signal(false);
  protected readonly outcome = signal<{ key: string; error?: boolean } | null>(null);
  /** The poll whose close form is shown. */
  protected readonly closing = signal<string | null>(null);

  protected readonly pollForm = this.fb.group({
    question: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(500)]],
    options: this.fb.array([this.option(), this.option()]),
    dotsPerPerson: new FormControl<number>(3, { nonNullable: true, validators: [Validators.required, Validators.min(1), Validators.max(20)] }),
  });

  /** Closing a poll; the decision's fields are required only when a decision is recorded. */
  protected readonly closeForm = this.fb.group({
    record: [false],
    text: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(5000)]],
    participationLevel: ['co_decide' as ParticipationLevel],
    outcome: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(2000)]],
  });

  constructor() {
    this.socket.pollUpdated$.pipe(takeUntilDestroyed()).subscribe((poll) => this.polls.update((list) => mergePoll(list, poll)));
    this.socket.rejoined$.pipe(takeUntilDestroyed()).subscribe(() => this.load());
    effect(() => {
      this.meetingId();
      untracked(() => this.load());
    });
  }

  protected get options(): FormArray<FormControl<string>> {
    return this.pollForm.controls.options;
  }

  protected addOption(): void {
    if (this.options.length >= MAX_OPTIONS) return;
    this.options.push(this.option());
    focusLast(this.host, this.injector);
  }

  protected removeOption(index: number): void {
    if (this.options.length > 2) this.options.removeAt(index);
  }

  protected openPoll(): void {
    if (this.pollForm.invalid) {
      this.pollForm.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const v = this.pollForm.getRawValue();
    this.busy.set(true);
    this.outcome.set(null);
    this.api
      .openPoll(this.meetingId(), { question: v.question.trim(), options: v.options.map((o) => o.trim()), dotsPerPerson: v.dotsPerPerson })
      .subscribe({
        next: (poll) => {
          this.busy.set(false);
          this.polls.update((list) => replacePoll(list, poll));
          this.pollForm.reset();
          while (this.options.length > 2) this.options.removeAt(this.options.length - 1);
          this.outcome.set({ key: 'voting.opened' });
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  protected startClosing(poll: PollDto): void {
    this.closeForm.reset({ record: false, text: poll.question, participationLevel: 'co_decide', outcome: '' });
    this.closing.set(poll.id);
  }

  protected closePoll(poll: PollDto): void {
    const v = this.closeForm.getRawValue();
    if (v.record && this.closeForm.invalid) {
      this.closeForm.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const request: ClosePollRequest = v.record
      ? { decision: { text: v.text.trim(), participationLevel: v.participationLevel, outcome: v.outcome.trim() } }
      : {};
    this.busy.set(true);
    this.outcome.set(null);
    this.api.closePoll(poll.id, request).subscribe({
      next: (closed) => {
        this.busy.set(false);
        this.closing.set(null);
        this.polls.update((list) => replacePoll(list, closed));
        this.outcome.set({ key: v.record ? 'voting.closedWithDecision' : 'voting.closed' });
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected resultText(poll: PollDto): string {
    const best = Math.max(0, ...poll.options.map((o) => o.dots));
    return poll.options
      .filter((o) => o.dots === best && best > 0)
      .map((o) => o.label)
      .join(', ');
  }

  private load(): void {
    this.api.polls(this.meetingId()).subscribe({
      next: (polls) => {
        this.loadError.set(false);
        this.polls.set(polls);
      },
      error: () => this.loadError.set(true),
    });
  }

  private option(): FormControl<string> {
    return this.fb.control('', [Validators.required, Validators.maxLength(200)]);
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.outcome.set({ key: meetingErrorKey(error), error: true });
  }
}

/** Focus the newest option field after it is rendered. */
function focusLast(host: ElementRef<HTMLElement>, injector: Injector): void {
  afterNextRender(() => [...host.nativeElement.querySelectorAll<HTMLInputElement>('[data-testid="poll-option"]')].at(-1)?.focus(), {
    injector,
  });
}
