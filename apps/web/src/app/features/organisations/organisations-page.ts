import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ACTOR_TYPES, SECTORS } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  ORGANISATION_PAGE_SIZES,
  OrganisationFilters,
  organisationQuery,
  organisationQueryParams,
  readOrganisationFilters,
} from './organisation-filters';
import { OrganisationsApi } from './organisations-api';

const sameFilters = (a: OrganisationFilters, b: OrganisationFilters) => JSON.stringify(a) === JSON.stringify(b);

/** All organisations of the alliance, searchable and filtered by actor type and sector. */
@Component({
  selector: 'alm-organisations-page',
  imports: [
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatPaginator,
    MatProgressSpinner,
    RouterLink,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organisations-page.html',
  styleUrl: './organisations-page.scss',
})
export class OrganisationsPage {
  private readonly api = inject(OrganisationsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly actorTypes = ACTOR_TYPES;
  protected readonly sectors = SECTORS;
  protected readonly pageSizes = ORGANISATION_PAGE_SIZES;

  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filters = computed(() => readOrganisationFilters(this.queryParams()), { equal: sameFilters });
  protected readonly filtered = computed(() => {
    const f = this.filters();
    return !!(f.q || f.actorType || f.sector);
  });
  protected readonly searchText = linkedSignal(() => this.filters().q);

  protected readonly organisations = rxResource({
    params: () => organisationQuery(this.filters()),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly page = computed(() => (this.organisations.hasValue() ? this.organisations.value() : null));

  protected onSearchInput(event: Event): void {
    this.searchText.set((event.target as HTMLInputElement).value);
  }

  protected search(event: Event): void {
    event.preventDefault();
    this.apply({ q: this.searchText().trim() });
  }

  protected apply(patch: Partial<OrganisationFilters>): void {
    this.navigate({ ...this.filters(), ...patch, page: 1 });
  }

  protected resetFilters(): void {
    this.navigate({ ...this.filters(), q: '', actorType: null, sector: null, page: 1 });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ ...this.filters(), page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected retry(): void {
    this.organisations.reload();
  }

  private navigate(filters: OrganisationFilters): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: organisationQueryParams(filters) });
  }
}
