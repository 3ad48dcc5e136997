import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import type { ChartSpec } from './chart-types';
import { compositionChart, compositionModel, compositionTable } from './composition-model';
import { DataTableView } from './data-table';
import { ResearchApi } from './research-api';
import { ResearchChart } from './research-chart';
import { actorTypeLabel, injectTranslate } from './research-labels';

/** Composition: the actor types of each working group against the whole alliance. */
@Component({
  selector: 'alm-composition-section',
  imports: [MatButton, MatProgressSpinner, TranslocoDirective, ResearchChart, DataTableView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 class="section-heading" id="composition-heading">{{ t('research.composition.heading') }}</h2>
      <p class="intro">{{ t('research.composition.intro') }}</p>
      <div role="status" class="count">
        @if (report.isLoading()) {
          {{ t('research.loading') }}
        }
      </div>
      @if (report.error()) {
        <div class="state state-error" role="alert">
          <p>{{ t('research.loadError') }}</p>
          <button mat-flat-button type="button" (click)="report.reload()">{{ t('research.retry') }}</button>
        </div>
      } @else if (report.isLoading()) {
        <div class="state"><mat-progress-spinner mode="indeterminate" diameter="32" aria-hidden="true" /></div>
      } @else if (view(); as v) {
        @if (v.model.actorTypes.length === 0) {
          <p class="state" data-testid="composition-empty">{{ t('research.composition.empty') }}</p>
        } @else {
          <alm-research-chart [spec]="v.spec" [summary]="v.summary" [height]="v.height" />
          @if (v.model.suppressed > 0) {
            <p class="note">{{ t('research.composition.suppressedNote', { count: v.model.suppressed }) }}</p>
          }
          <alm-data-table [caption]="t('research.composition.caption')" [corner]="t('research.composition.groupColumn')" [table]="v.table" />
        }
      }
    </ng-container>
  `,
  styleUrl: './research-section.scss',
})
export class CompositionSection {
  private readonly api = inject(ResearchApi);
  private readonly lang = inject(LanguageService).current;
  private readonly i18n = injectTranslate();

  protected readonly report = rxResource({ stream: () => this.api.composition() });

  protected readonly view = computed(() => {
    if (!this.report.hasValue()) return null;
    this.i18n.loaded();
    const { t } = this.i18n;
    const model = compositionModel(this.report.value(), t('research.composition.alliance'));
    const label = (type: string) => actorTypeLabel(t, type);
    const spec: ChartSpec = {
      kind: 'stackedBar',
      horizontal: true,
      percent: true,
      series: compositionChart(model, label),
      valueAxis: t('research.composition.axis'),
    };
    return {
      model,
      spec,
      table: compositionTable(model, label, this.lang()),
      summary: t('research.composition.chartSummary', { count: model.rows.length - 1 }),
      height: `${Math.max(12, 4 + model.rows.length * 2.25)}rem`,
    };
  });
}
