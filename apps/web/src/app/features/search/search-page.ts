import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink, UrlTree } from '@angular/router';
import type { SearchGroup, SearchHit, SearchKind } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { apiErrorStatus } from '../../shared/api-error';
import { SearchApi } from './search-api';
import {
  SEARCH_MIN_LENGTH,
  SEARCH_PAGE_SIZES,
  SearchParams,
  readSearchParams,
  sameSearchParams,
  searchQueryParams,
} from './search-params';

/** A hit with its link parsed once (links may carry a query string, e.g. `/boards/…?card=…`). */
export interface ShownHit extends SearchHit {
  url: UrlTree;
}
export interface ShownGroup extends Omit<SearchGroup, 'items'> {
  items: ShownHit[];
}

/**
 * The search page: `/search?q=…` shows the hits grouped by kind (a few each, with a link to
 * all of a kind); `&kind=…` shows one kind, page by page. Works signed out; signed in it
 * also finds discussions and what only members may read.
 */
@Component({
  selector: 'alm-search-page',
  imports: [MatButton, MatFormField, MatLabel, MatInput, MatPaginator, MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-page.html',
  styleUrl: './search-page.scss',
})
export class SearchPage {
  private readonly api = inject(SearchApi);
  protected readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly auth = inject(AuthStore);

  protected readonly pageSizes = SEARCH_PAGE_SIZES;

  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly params = computed(() => readSearchParams(this.queryParams()), { equal: sameSearchParams });
  /** The text in the search field; follows the URL, sent on submit. */
  protected readonly text = linkedSignal(() => this.params().q);
  protected readonly tooShort = computed(() => {
    const q = this.params().q;
    return q.length > 0 && q.length < SEARCH_MIN_LENGTH;
  });

  protected readonly result = rxResource({
    params: () => {
      const p = this.params();
      // signing in or out changes what the search may show
      return p.q.length >= SEARCH_MIN_LENGTH ? { ...p, signedIn: this.auth.isSignedIn() } : undefined;
    },
    stream: ({ params }) =>
      this.api.search(
        params.kind
          ? { q: params.q, kind: params.kind, page: params.page, pageSize: params.pageSize }
          : { q: params.q },
      ),
  });
  /** A 400 means the API rejects the query itself (e.g. only punctuation): shown as a hint, not as a failure. */
  protected readonly rejected = computed(() => apiErrorStatus(this.result.error()) === 400);

  protected readonly groups = computed<ShownGroup[]>(() =>
    this.result.hasValue()
      ? this.result.value().groups.map((group) => ({
          ...group,
          items: group.items.map((hit) => ({ ...hit, url: this.router.parseUrl(hit.link) })),
        }))
      : [],
  );
  /** All hits over all kinds (without `kind`), or the hits of the one kind. */
  protected readonly total = computed(() => this.groups().reduce((sum, group) => sum + group.total, 0));
  /** With `kind`: its group (undefined when a page past the end comes back empty). */
  protected readonly kindGroup = computed(() => {
    const kind = this.params().kind;
    return kind ? this.groups().find((group) => group.kind === kind) : undefined;
  });

  protected onInput(event: Event): void {
    this.text.set((event.target as HTMLInputElement).value);
  }

  /** A new search shows all kinds again. */
  protected submit(event: Event): void {
    event.preventDefault();
    this.navigate({ q: this.text().trim(), kind: null, page: 1, pageSize: this.params().pageSize });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ ...this.params(), page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected allOf(kind: SearchKind) {
    return searchQueryParams({ ...this.params(), kind, page: 1 });
  }

  protected retry(): void {
    this.result.reload();
  }

  private navigate(params: SearchParams): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: searchQueryParams(params) });
  }
}
