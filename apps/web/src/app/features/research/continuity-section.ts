import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { RetentionCell, quarterOf, retentionTable } from './continuity-model';
import { ResearchApi } from './research-api';
import { CONTINUITY_MAX } from './research-filters';
import { NO_VALUE_TEXT, formatCell, formatDay, formatPeriod, formatShare } from './research-format';

/** Continuity: the share of people at ≥ k of the last n plenaries, and retention by the quarter people joined. */
@Component({
  selector: 'alm-continuity-section',
  imports: [MatButton, MatFormField, MatLabel, MatInput, MatProgressSpinner, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './continuity-section.html',
  styleUrl: './research-section.scss',
})
export class ContinuitySection {
  readonly k = input.required<number>();
  readonly n = input.required<number>();
  /** New k and n, once valid and applied. */
  readonly changed = output<{ k: number; n: number }>();

  private readonly api = inject(ResearchApi);
  protected readonly lang = inject(LanguageService).current;
  protected readonly max = CONTINUITY_MAX;

  protected readonly kDraft = linkedSignal(() => String(this.k()));
  protected readonly nDraft = linkedSignal(() => String(this.n()));
  /** Translation key of what is wrong with the draft, or null. */
  protected readonly draftError = computed(() => {
    const k = Number(this.kDraft());
    const n = Number(this.nDraft());
    const ok = (v: number) => Number.isInteger(v) && v >= 1 && v <= CONTINUITY_MAX;
    if (!ok(k) || !ok(n)) return 'research.continuity.rangeError';
    return k > n ? 'research.continuity.kAboveN' : null;
  });

  protected readonly report = rxResource({
    params: () => ({ k: this.k(), n: this.n() }),
    stream: ({ params }) => this.api.continuity(params.k, params.n),
  });
  protected readonly data = computed(() => (this.report.hasValue() ? this.report.value() : null));
  protected readonly retention = computed(() => {
    const report = this.data();
    return report ? retentionTable(report.cohorts, quarterOf(new Date())) : null;
  });

  protected apply(event: Event): void {
    event.preventDefault();
    if (this.draftError()) return;
    const k = Number(this.kDraft());
    const n = Number(this.nDraft());
    if (k === this.k() && n === this.n()) this.report.reload();
    else this.changed.emit({ k, n });
  }

  protected readonly cell = formatCell;
  protected readonly share = formatShare;
  protected readonly quarter = formatPeriod;
  protected readonly day = formatDay;
  protected readonly noValue = NO_VALUE_TEXT;

  protected retentionText(cell: RetentionCell): string {
    return cell.kind === 'share' ? formatShare(cell.share, this.lang()) : cell.kind === 'hidden' ? NO_VALUE_TEXT : '';
  }

  protected inputValue(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
