import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ActionFieldDto, ApiRoutes, DirectoryPersonDto, DirectoryQuery, Page } from '@allmende/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { toHttpParams } from '../../shared/list-params';

/** Data access of the member directory. */
@Injectable({ providedIn: 'root' })
export class DirectoryApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** `GET /api/members`: persons who consented to being listed. */
  members(query: DirectoryQuery): Observable<Page<DirectoryPersonDto>> {
    return this.http.get<Page<DirectoryPersonDto>>(`${this.base}/api/members`, { params: toHttpParams(query) });
  }

  /** `GET /api/action-fields`, for the "interested in" filter. */
  actionFields(): Observable<ActionFieldDto[]> {
    return this.http.get<ActionFieldDto[]>(`${this.base}${ApiRoutes.actionFields}`);
  }
}
