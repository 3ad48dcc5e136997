import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import type { PollDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { Dots, addDot, dotsLeft, dotsUsed, normaliseDots, removeDot, sameDots } from './dot-distribution';
import { PollResults } from './poll-results';

/**
 * One open dot vote on a phone: +/− per option, a counter of the dots left, submit.
 * The + buttons stop at the poll's limit, so the form can never hold more dots than a
 * person has. Live totals of everyone follow below.
 */
@Component({
  selector: 'alm-poll-vote-card',
  imports: [MatButton, MatIconButton, TranslocoDirective, PollResults],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="card" [attr.aria-labelledby]="'q-' + poll().id" data-testid="vote-poll" *transloco="let t">
      <h2 class="question" [id]="'q-' + poll().id">{{ poll().question }}</h2>
      <p class="left" role="status" data-testid="dots-left">
        {{ t('voting.left', { left: left(), total: poll().dotsPerPerson }) }}
      </p>
      <ul class="options">
        @for (option of poll().options; track option.id) {
          <li class="option" data-testid="vote-option">
            <span class="label">{{ option.label }}</span>
            <span class="controls">
              <button
                mat-icon-button
                type="button"
                class="step"
                [disabled]="busy() || (dots()[option.id] ?? 0) === 0"
                (click)="less(option.id)"
                data-testid="dot-minus"
              >
                <span aria-hidden="true">−</span>
                <span class="alm-visually-hidden">{{ t('voting.less', { option: option.label }) }}</span>
              </button>
              <span class="mine" data-testid="my-dots">
                {{ dots()[option.id] ?? 0 }}<span class="alm-visually-hidden"> {{ t('voting.myDotsFor', { option: option.label }) }}</span>
              </span>
              <button
                mat-icon-button
                type="button"
                class="step"
                [disabled]="busy() || left() === 0"
                (click)="more(option.id)"
                data-testid="dot-plus"
              >
                <span aria-hidden="true">+</span>
                <span class="alm-visually-hidden">{{ t('voting.more', { option: option.label }) }}</span>
              </button>
            </span>
          </li>
        }
      </ul>
      <div class="actions">
        <button mat-flat-button type="button" [disabled]="busy() || !changed()" (click)="cast.emit(dots())" data-testid="vote-submit">
          {{ t(saved() ? 'voting.change' : 'voting.submit') }}
        </button>
        <button mat-button type="button" [disabled]="busy() || used() === 0" (click)="clear()" data-testid="vote-clear">{{ t('voting.clear') }}</button>
      </div>
      <h3 class="totals-heading">{{ t('voting.totals') }}</h3>
      <alm-poll-results [poll]="poll()" />
    </article>
  `,
  styles: `
    .card {
      padding: 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-large);
    }
    .question {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    .left {
      margin: 0 0 0.75rem;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    .options {
      display: grid;
      gap: 0.5rem;
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
    }
    .option {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
      padding: 0.25rem 0.25rem 0.25rem 0.75rem;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    .label {
      flex: 1 1 auto;
      overflow-wrap: anywhere;
    }
    .controls {
      display: flex;
      flex: none;
      align-items: center;
      gap: 0.25rem;
    }
    .step {
      width: 3rem;
      height: 3rem;
      border: 1px solid var(--mat-sys-outline);
      font-size: 1.5rem;
      line-height: 1;
    }
    .mine {
      min-width: 2rem;
      font: var(--mat-sys-title-large);
      font-variant-numeric: tabular-nums;
      text-align: center;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-end: 1rem;
    }
    .actions button {
      min-height: 3rem;
    }
    .totals-heading {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-small);
    }
  `,
})
export class PollVoteCard {
  readonly poll = input.required<PollDto>();
  readonly busy = input(false);
  readonly cast = output<Dots>();

  /** My dots as stored at the API (changes only when I cast, not with every broadcast). */
  private readonly stored = computed(
    () => {
      const poll = this.poll();
      return normaliseDots(
        poll.myDots,
        poll.options.map((o) => o.id),
        poll.dotsPerPerson,
      );
    },
    { equal: sameDots },
  );
  /** The distribution being edited; starts from (and returns to) what is stored. */
  protected readonly dots = linkedSignal<Dots>(() => this.stored());
  protected readonly used = computed(() => dotsUsed(this.dots()));
  protected readonly left = computed(() => dotsLeft(this.dots(), this.poll().dotsPerPerson));
  protected readonly saved = computed(() => dotsUsed(this.stored()) > 0);
  protected readonly changed = computed(() => !sameDots(this.dots(), this.stored()));

  protected more(optionId: string): void {
    this.dots.update((d) => addDot(d, optionId, this.poll().dotsPerPerson));
  }

  protected less(optionId: string): void {
    this.dots.update((d) => removeDot(d, optionId));
  }

  protected clear(): void {
    this.dots.set({});
  }
}
