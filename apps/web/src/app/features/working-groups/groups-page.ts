import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { GROUP_STATES } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { localized } from '../../shared/localized';
import {
  GROUP_PAGE_SIZES,
  GroupFilters,
  groupListQuery,
  groupQueryParams,
  hasActiveGroupFilters,
  readGroupFilters,
} from './group-filters';
import { GroupTags } from './group-tags';
import { GroupsApi } from './groups-api';

const sameFilters = (a: GroupFilters, b: GroupFilters) => JSON.stringify(a) === JSON.stringify(b);

interface FieldInfo {
  id: string;
  name: string;
  color: string;
}

/** The group directory: search, filters (kept in the URL) and pages of working groups. */
@Component({
  selector: 'alm-groups-page',
  imports: [
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatSlideToggle,
    MatPaginator,
    MatProgressSpinner,
    RouterLink,
    TranslocoDirective,
    GroupTags,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './groups-page.html',
  styleUrl: './groups-page.scss',
})
export class GroupsPage {
  private readonly api = inject(GroupsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);

  protected readonly lang = inject(LanguageService).current;
  protected readonly signedIn = this.auth.isSignedIn;
  protected readonly isOffice = this.auth.isOffice;
  protected readonly states = GROUP_STATES;
  protected readonly pageSizes = GROUP_PAGE_SIZES;

  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filters = computed(() => readGroupFilters(this.queryParams()), { equal: sameFilters });
  protected readonly filtered = computed(() => hasActiveGroupFilters(this.filters()));
  /** The text in the search box; follows the URL, sent on submit. */
  protected readonly searchText = linkedSignal(() => this.filters().q);

  protected readonly groups = rxResource({
    params: () => groupListQuery(this.filters(), this.signedIn()),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly page = computed(() => (this.groups.hasValue() ? this.groups.value() : null));

  private readonly fields = rxResource({ stream: () => this.api.actionFields() });
  protected readonly actionFields = computed<FieldInfo[]>(() =>
    this.fields.hasValue()
      ? this.fields
          .value()
          .filter((field) => !field.archived)
          .sort((a, b) => a.position - b.position)
          .map((field) => ({ id: field.id, name: localized(field, 'name', this.lang()), color: field.color }))
      : [],
  );
  private readonly fieldById = computed(
    () =>
      new Map(
        (this.fields.hasValue() ? this.fields.value() : []).map((field) => [
          field.id,
          { id: field.id, name: localized(field, 'name', this.lang()), color: field.color },
        ]),
      ),
  );

  protected fieldOf(id: string): FieldInfo | null {
    return this.fieldById().get(id) ?? null;
  }

  protected onSearchInput(event: Event): void {
    this.searchText.set((event.target as HTMLInputElement).value);
  }

  protected search(event: Event): void {
    event.preventDefault();
    this.apply({ q: this.searchText().trim() });
  }

  /** Changes filters and goes back to the first page. */
  protected apply(patch: Partial<GroupFilters>): void {
    this.navigate({ ...this.filters(), ...patch, page: 1 });
  }

  protected resetFilters(): void {
    this.navigate({ ...this.filters(), q: '', actionField: null, state: null, mine: false, page: 1 });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ ...this.filters(), page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected retry(): void {
    this.groups.reload();
  }

  private navigate(filters: GroupFilters): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: groupQueryParams(filters) });
  }
}
