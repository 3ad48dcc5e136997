import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import type { ActionFieldDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { localized } from '../../shared/localized';
import type { ChartSpec } from './chart-types';
import { decisionMatrix, stageColumns, stageCounts } from './outputs-model';
import { ResearchApi } from './research-api';
import { ResearchChart } from './research-chart';
import { formatNumber } from './research-format';
import { injectTranslate, translateOr } from './research-labels';

interface OutputRow {
  id: string;
  name: string;
  counts: number[];
  total: number;
}

/** Outputs: board cards per stage by working group and by action field; decisions by method and participation level. */
@Component({
  selector: 'alm-outputs-section',
  imports: [NgTemplateOutlet, MatButton, MatProgressSpinner, TranslocoDirective, ResearchChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outputs-section.html',
  styleUrl: './research-section.scss',
})
export class OutputsSection {
  readonly fields = input<ReadonlyMap<string, ActionFieldDto>>(new Map());

  private readonly api = inject(ResearchApi);
  protected readonly lang = inject(LanguageService).current;
  private readonly i18n = injectTranslate();

  protected readonly report = rxResource({ stream: () => this.api.outputs() });

  protected readonly view = computed(() => {
    if (!this.report.hasValue()) return null;
    this.i18n.loaded();
    const { t } = this.i18n;
    const lang = this.lang();
    const fields = this.fields();
    const report = this.report.value();
    const stages = stageColumns(report);
    const row = (id: string, name: string, s: Record<string, number>): OutputRow => ({ id, name, ...stageCounts(s, stages) });
    const byGroup = report.byGroup.map((g) => row(g.groupId ?? 'alliance', g.groupId ? g.name : g.name || t('research.outputs.allianceBoard'), g.stages));
    const byField = report.byActionField.map((f) => {
      const field = f.actionFieldId ? fields.get(f.actionFieldId) : undefined;
      const name = field ? localized(field, 'name', lang) : f.name || t('research.outputs.noActionField');
      return row(f.actionFieldId ?? 'none', name, f.stages);
    });
    const stageLabels = stages.map((s) => translateOr(t, `boards.stages.${s}`, s));
    const spec: ChartSpec = {
      kind: 'stackedBar',
      horizontal: true,
      series: { labels: byGroup.map((g) => g.name), datasets: stageLabels.map((label, i) => ({ label, data: byGroup.map((g) => g.counts[i]) })) },
      valueAxis: t('research.outputs.cardsAxis'),
    };
    return {
      stages: stageLabels,
      byGroup,
      byField,
      spec,
      height: `${Math.max(12, 4 + byGroup.length * 2.25)}rem`,
      summary: t('research.outputs.chartSummary', { count: byGroup.length, cards: formatNumber(byGroup.reduce((a, g) => a + g.total, 0), lang) }),
      decisions: decisionMatrix(report.decisions),
    };
  });

  protected readonly number = formatNumber;
}
