import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ActionFieldDto, RESEARCH_GROUP_BYS, RESEARCH_PERIODS } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { localized } from '../../shared/localized';
import { CompositionSection } from './composition-section';
import { ContinuitySection } from './continuity-section';
import { OutputsSection } from './outputs-section';
import { ParticipationView } from './participation-view';
import { ResearchApi } from './research-api';
import {
  DEFAULT_RESEARCH_FILTERS,
  PARTICIPATION_MEASURES,
  ResearchFilters,
  participationQuery,
  readResearchFilters,
  researchQueryParams,
  validPeriod,
} from './research-filters';
import { formatNumber, isIsoDate } from './research-format';

const sameFilters = (a: ResearchFilters, b: ResearchFilters) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The researchers' dashboard: participation over time, continuity, composition and outputs.
 * Only persons with research consent are counted; small cells are hidden ("< 5").
 */
@Component({
  selector: 'alm-research-page',
  imports: [
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressSpinner,
    RouterLink,
    TranslocoDirective,
    ParticipationView,
    ContinuitySection,
    CompositionSection,
    OutputsSection,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './research-page.html',
  styleUrl: './research-page.scss',
})
export class ResearchPage {
  private readonly api = inject(ResearchApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly lang = inject(LanguageService).current;
  protected readonly groupBys = RESEARCH_GROUP_BYS;
  protected readonly periods = RESEARCH_PERIODS;
  protected readonly measures = PARTICIPATION_MEASURES;

  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filters = computed(() => readResearchFilters(this.queryParams()), { equal: sameFilters });
  protected readonly periodValid = computed(() => validPeriod(this.filters().from, this.filters().to));
  protected readonly filtered = computed(() => {
    const f = this.filters();
    const d = DEFAULT_RESEARCH_FILTERS;
    return f.from !== null || f.to !== null || f.actionField !== null || f.group !== null || f.groupBy !== d.groupBy || f.period !== d.period || f.measure !== d.measure;
  });

  /** Only what the API is asked changes the request (not the measure shown, nor k and n). */
  private readonly participationParams = computed(() => participationQuery(this.filters()) ?? undefined, {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  protected readonly participation = rxResource({
    params: () => this.participationParams(),
    stream: ({ params }) => this.api.participation(params),
  });
  protected readonly report = computed(() => (this.participation.hasValue() ? this.participation.value() : null));

  private readonly actionFieldList = rxResource({ stream: () => this.api.actionFields() });
  private readonly groupList = rxResource({ stream: () => this.api.groups() });
  protected readonly actionFields = computed(() => {
    const lang = this.lang();
    const fields = this.actionFieldList.hasValue() ? this.actionFieldList.value() : [];
    return fields.map((f) => ({ id: f.id, name: localized(f, 'name', lang) })).sort((a, b) => a.name.localeCompare(b.name));
  });
  protected readonly fieldMap = computed<ReadonlyMap<string, ActionFieldDto>>(
    () => new Map((this.actionFieldList.hasValue() ? this.actionFieldList.value() : []).map((f) => [f.id, f])),
  );
  protected readonly groups = computed(() => {
    const page = this.groupList.hasValue() ? this.groupList.value() : null;
    const field = this.filters().actionField;
    return (page?.items ?? [])
      .filter((g) => !field || g.actionFieldId === field || g.id === this.filters().group)
      .map((g) => ({ id: g.id, name: g.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  protected readonly number = formatNumber;

  protected apply(patch: Partial<ResearchFilters>): void {
    this.navigate({ ...this.filters(), ...patch });
  }

  /** A date input changed: an empty or complete date is taken; anything else waits. */
  protected applyDate(key: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value === '') this.apply({ [key]: null });
    else if (isIsoDate(value)) this.apply({ [key]: value });
  }

  protected resetFilters(): void {
    const { k, n } = this.filters();
    this.navigate({ ...DEFAULT_RESEARCH_FILTERS, k, n });
  }

  protected continuityChanged(change: { k: number; n: number }): void {
    this.apply(change);
  }

  private navigate(filters: ResearchFilters): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: researchQueryParams(filters), replaceUrl: false });
  }
}
