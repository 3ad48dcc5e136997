import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ActionFieldDto, ApiRoutes, SaveActionFieldRequest } from '@allmende/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';

/** The office's administration of action fields (Handlungsfelder). */
@Injectable({ providedIn: 'root' })
export class ActionFieldsAdminApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** All fields, archived ones too. */
  list(): Observable<ActionFieldDto[]> {
    return this.http.get<ActionFieldDto[]>(`${this.base}${ApiRoutes.actionFields}`, { params: { includeArchived: 'true' } });
  }

  create(request: SaveActionFieldRequest): Observable<ActionFieldDto> {
    return this.http.post<ActionFieldDto>(`${this.base}${ApiRoutes.actionFields}`, request);
  }

  update(id: string, request: SaveActionFieldRequest): Observable<ActionFieldDto> {
    return this.http.put<ActionFieldDto>(`${this.base}${ApiRoutes.actionFields}/${encodeURIComponent(id)}`, request);
  }
}
