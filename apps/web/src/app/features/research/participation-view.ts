import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ACTOR_TYPES, ActionFieldDto, ParticipationReport, SECTORS } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import type { ChartSpec } from './chart-types';
import { DataTableView } from './data-table';
import { participationChart, participationModel, participationSummary, participationTable } from './participation-model';
import { ResearchChart } from './research-chart';
import type { ParticipationMeasure } from './research-filters';
import { categoryLabel, injectTranslate } from './research-labels';

/** Participation over time: a line per category, and the same figures as a table. */
@Component({
  selector: 'alm-participation-view',
  imports: [TranslocoDirective, ResearchChart, DataTableView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @let v = view();
      @if (v.model.periods.length === 0) {
        <p class="state" data-testid="participation-empty">{{ t('research.participation.empty') }}</p>
      } @else {
        <alm-research-chart [spec]="v.spec" [summary]="v.summary" />
        @if (v.model.suppressed > 0) {
          <p class="note" data-testid="participation-suppressed">{{ t('research.participation.suppressedNote', { count: v.model.suppressed }) }}</p>
        }
        <alm-data-table [caption]="v.caption" [corner]="t('research.participation.periodColumn')" [table]="v.table" />
      }
    </ng-container>
  `,
  styleUrl: './research-section.scss',
})
export class ParticipationView {
  readonly report = input.required<ParticipationReport>();
  readonly measure = input.required<ParticipationMeasure>();
  readonly fields = input<ReadonlyMap<string, ActionFieldDto>>(new Map());

  private readonly lang = inject(LanguageService).current;
  private readonly i18n = injectTranslate();

  protected readonly view = computed(() => {
    this.i18n.loaded();
    const { t } = this.i18n;
    const lang = this.lang();
    const report = this.report();
    const fields = this.fields();
    const order = report.groupBy === 'actorType' ? ACTOR_TYPES : report.groupBy === 'sector' ? SECTORS : [];
    const model = participationModel(report, this.measure(), (row) => categoryLabel(report.groupBy, row, t, fields, lang), order);
    const words = {
      measure: t(`research.measure.${this.measure()}`),
      period: t(`research.periodUnit.${report.period}`),
      groupBy: t(`research.groupByUnit.${report.groupBy}`),
    };
    const s = participationSummary(model, lang);
    const spec: ChartSpec = { kind: 'line', series: participationChart(model, lang), valueAxis: words.measure };
    return {
      model,
      spec,
      table: participationTable(model, lang),
      caption: t('research.participation.caption', words),
      summary: t('research.participation.chartSummary', { ...words, first: s.first, last: s.last, count: s.categories }),
    };
  });
}
