import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SearchKind, SearchResult } from '@allmende/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { toHttpParams } from '../../shared/list-params';

export interface SearchQuery {
  q: string;
  kind?: SearchKind;
  page?: number;
  pageSize?: number;
}

/** `GET /api/search`: public; with a token it also finds discussions and what only members may read. */
@Injectable({ providedIn: 'root' })
export class SearchApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  search(query: SearchQuery): Observable<SearchResult> {
    return this.http.get<SearchResult>(`${this.base}/api/search`, { params: toHttpParams(query) });
  }
}
