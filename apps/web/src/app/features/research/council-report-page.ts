import { ChangeDetectionStrategy, Component, DOCUMENT, ViewEncapsulation, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router } from '@angular/router';
import { ACTOR_TYPES } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { LocalizedDatePipe } from '../../shared/localized-date-pipe';
import { councilQuery, councilView, readCouncilPeriod } from './council-report-model';
import { ResearchApi } from './research-api';
import { validPeriod } from './research-filters';
import { formatDay, formatNumber, isIsoDate, today } from './research-format';

/**
 * The office's report for the city council over a period, laid out to be printed: the app bar,
 * navigation, buttons and the period form are left out of the print (see the stylesheet).
 */
@Component({
  selector: 'alm-council-report-page',
  imports: [MatButton, MatFormField, MatLabel, MatInput, MatProgressSpinner, TranslocoDirective, LocalizedDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // not encapsulated: the print rules also hide the app frame around the page; every rule is scoped to this element
  encapsulation: ViewEncapsulation.None,
  templateUrl: './council-report-page.html',
  styleUrl: './council-report-page.scss',
})
export class CouncilReportPage {
  private readonly api = inject(ResearchApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);

  protected readonly lang = inject(LanguageService).current;
  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly period = computed(() => readCouncilPeriod(this.queryParams(), today()), {
    equal: (a, b) => a.from === b.from && a.to === b.to,
  });

  protected readonly fromDraft = linkedSignal(() => this.period().from);
  protected readonly toDraft = linkedSignal(() => this.period().to);
  protected readonly draftError = signal(false);

  protected readonly report = rxResource({
    params: () => councilQuery(this.period()),
    stream: ({ params }) => this.api.councilReport(params.from, params.to),
  });
  protected readonly view = computed(() => (this.report.hasValue() ? councilView(this.report.value()) : null));

  protected readonly number = formatNumber;
  protected readonly day = formatDay;
  protected readonly knownActorTypes: readonly string[] = ACTOR_TYPES;

  protected setDraft(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    (which === 'from' ? this.fromDraft : this.toDraft).set(value);
  }

  protected show(event: Event): void {
    event.preventDefault();
    const from = this.fromDraft();
    const to = this.toDraft();
    const ok = isIsoDate(from) && isIsoDate(to) && validPeriod(from, to);
    this.draftError.set(!ok);
    if (!ok) return;
    if (from === this.period().from && to === this.period().to) this.report.reload();
    else void this.router.navigate([], { relativeTo: this.route, queryParams: { from, to } });
  }

  protected print(): void {
    this.document.defaultView?.print();
  }
}
