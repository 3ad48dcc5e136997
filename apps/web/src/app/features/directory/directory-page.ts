import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader } from '@angular/material/card';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ACTOR_TYPES, SECTORS } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { localized } from '../../shared/localized';
import { DirectoryApi } from './directory-api';
import {
  DIRECTORY_PAGE_SIZES,
  DirectoryFilters,
  directoryQuery,
  directoryQueryParams,
  hasActiveFilters,
  readDirectoryFilters,
} from './directory-filters';

const sameFilters = (a: DirectoryFilters, b: DirectoryFilters) => JSON.stringify(a) === JSON.stringify(b);

/** The public member directory: search, filters (kept in the URL) and pages of persons. */
@Component({
  selector: 'alm-directory-page',
  imports: [
    MatButton,
    MatCard,
    MatCardHeader,
    MatCardContent,
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
  templateUrl: './directory-page.html',
  styleUrl: './directory-page.scss',
})
export class DirectoryPage {
  private readonly api = inject(DirectoryApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly lang = inject(LanguageService).current;
  protected readonly actorTypes = ACTOR_TYPES;
  protected readonly sectors = SECTORS;
  protected readonly pageSizes = DIRECTORY_PAGE_SIZES;

  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filters = computed(() => readDirectoryFilters(this.queryParams()), { equal: sameFilters });
  protected readonly filtered = computed(() => hasActiveFilters(this.filters()));
  /** The text in the search box; follows the URL, sent on submit. */
  protected readonly searchText = linkedSignal(() => this.filters().q);

  protected readonly people = rxResource({
    params: () => directoryQuery(this.filters()),
    stream: ({ params }) => this.api.members(params),
  });
  protected readonly page = computed(() => (this.people.hasValue() ? this.people.value() : null));

  private readonly fields = rxResource({ stream: () => this.api.actionFields() });
  protected readonly actionFields = computed(() =>
    this.fields.hasValue()
      ? this.fields
          .value()
          .filter((field) => !field.archived)
          .sort((a, b) => a.position - b.position)
          .map((field) => ({ id: field.id, name: localized(field, 'name', this.lang()) }))
      : [],
  );
  private readonly fieldNames = computed(
    () =>
      new Map(
        (this.fields.hasValue() ? this.fields.value() : []).map((field) => [field.id, localized(field, 'name', this.lang())]),
      ),
  );

  protected interestNames(ids: readonly string[]): string {
    const names = this.fieldNames();
    return ids
      .map((id) => names.get(id))
      .filter((name): name is string => !!name)
      .join(', ');
  }

  protected onSearchInput(event: Event): void {
    this.searchText.set((event.target as HTMLInputElement).value);
  }

  protected search(event: Event): void {
    event.preventDefault();
    this.apply({ q: this.searchText().trim() });
  }

  /** Changes filters and goes back to the first page. */
  protected apply(patch: Partial<DirectoryFilters>): void {
    this.navigate({ ...this.filters(), ...patch, page: 1 });
  }

  protected resetFilters(): void {
    this.navigate({ ...this.filters(), q: '', actorType: null, sector: null, actionField: null, page: 1 });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ ...this.filters(), page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected retry(): void {
    this.people.reload();
  }

  private navigate(filters: DirectoryFilters): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: directoryQueryParams(filters) });
  }
}
