import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { SharedPoll } from './meeting-socket';

/**
 * The counts of a dot vote as a bar chart of plain CSS bars. Every bar has its number
 * as text; the bars only repeat it. The summary line is a live region, so screen
 * readers hear new totals without the whole list being read again.
 */
@Component({
  selector: 'alm-poll-results',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <p class="summary" role="status" data-testid="poll-summary">
        {{
          t('voting.summary', {
            dots: t(total() === 1 ? 'voting.dotsOne' : 'voting.dots', { count: total() }),
            voters: t(poll().voters === 1 ? 'voting.votersOne' : 'voting.voters', { count: poll().voters })
          })
        }}
      </p>
      <ul class="bars" data-testid="poll-results">
        @for (row of rows(); track row.id) {
          <li class="row" data-testid="poll-result">
            <span class="label">{{ row.label }}</span>
            <span class="bar" aria-hidden="true"><span class="fill" [style.width.%]="row.percent"></span></span>
            <span class="value" data-testid="poll-result-value">{{ t(row.dots === 1 ? 'voting.dotsOne' : 'voting.dots', { count: row.dots }) }}</span>
          </li>
        }
      </ul>
    </ng-container>
  `,
  styles: `
    .summary {
      margin: 0 0 0.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .bars {
      display: grid;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: grid;
      grid-template-columns: minmax(6rem, 14rem) 1fr auto;
      align-items: center;
      gap: 0.5rem 0.75rem;
    }
    .bar {
      height: 1.25rem;
      border-radius: var(--mat-sys-corner-extra-small);
      background: var(--mat-sys-surface-container-high);
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      background: var(--mat-sys-primary);
      transition: width 0.3s ease-out;
    }
    .value {
      min-width: 5.5rem;
      font-variant-numeric: tabular-nums;
      text-align: end;
    }
    @media (max-width: 30rem) {
      .row {
        grid-template-columns: 1fr auto;
      }
      .bar {
        grid-column: 1 / -1;
        grid-row: 2;
      }
    }
  `,
})
export class PollResults {
  readonly poll = input.required<SharedPoll>();

  protected readonly total = computed(() => this.poll().options.reduce((sum, o) => sum + o.dots, 0));
  protected readonly rows = computed(() => {
    const max = Math.max(1, ...this.poll().options.map((o) => o.dots));
    return this.poll().options.map((o) => ({ id: o.id, label: o.label, dots: o.dots, percent: Math.round((o.dots / max) * 100) }));
  });
}
