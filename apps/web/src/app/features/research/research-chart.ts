import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterRenderEffect, inject, input, signal, viewChild } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ChartHandle } from './chart-loader';
import type { ChartSpec } from './chart-types';

/**
 * A chart drawn with Chart.js, which is loaded on first use. The canvas is an image with
 * a summary as its accessible name; the figures themselves stand in a table next to it.
 */
@Component({
  selector: 'alm-research-chart',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="chart-box" [style.height]="height()">
      <canvas #canvas role="img" [attr.aria-label]="summary()" data-testid="chart-canvas"></canvas>
    </div>
    @if (failed()) {
      <p class="chart-failed" *transloco="let t">{{ t('research.chartFailed') }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .chart-box {
      position: relative;
      width: 100%;
      min-height: 12rem;
    }
    .chart-failed {
      margin: 0.5rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ResearchChart {
  readonly spec = input.required<ChartSpec>();
  /** The canvas's accessible name: what the chart shows, in a sentence. */
  readonly summary = input.required<string>();
  readonly height = input('20rem');

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  protected readonly failed = signal(false);

  private handle: ChartHandle | null = null;
  private latest: ChartSpec | null = null;
  private destroyed = false;

  constructor() {
    afterRenderEffect(() => {
      const spec = this.spec();
      void this.draw(this.canvas().nativeElement, spec);
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.handle?.destroy();
      this.handle = null;
    });
  }

  private async draw(canvas: HTMLCanvasElement, spec: ChartSpec): Promise<void> {
    this.latest = spec;
    try {
      const { drawChart } = await import('./chart-loader');
      if (this.destroyed || this.latest !== spec) return; // a newer figure set is on its way
      if (this.handle) this.handle.update(spec);
      else this.handle = drawChart(canvas, spec);
      this.failed.set(false);
    } catch {
      this.failed.set(true); // the table next to the chart still has every figure
    }
  }
}
