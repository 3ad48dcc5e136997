import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ActorType,
  AffiliationRole,
  JoinOrganisationRequest,
  OrganisationDetailDto,
  OrganisationDto,
  Page,
  SaveOrganisationRequest,
  Sector,
} from '@allmende/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { toHttpParams } from '../../shared/list-params';

export interface OrganisationListQuery {
  q?: string;
  actorType?: ActorType;
  sector?: Sector;
  page?: number;
  pageSize?: number;
}

/** Data access of organisations and the persons who belong to them. */
@Injectable({ providedIn: 'root' })
export class OrganisationsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  private url(path = ''): string {
    return `${this.base}/api/organisations${path}`;
  }

  list(query: OrganisationListQuery): Observable<Page<OrganisationDto>> {
    return this.http.get<Page<OrganisationDto>>(this.url(), { params: toHttpParams(query) });
  }

  get(id: string): Observable<OrganisationDetailDto> {
    return this.http.get<OrganisationDetailDto>(this.url(`/${encodeURIComponent(id)}`));
  }

  create(request: SaveOrganisationRequest): Observable<OrganisationDetailDto> {
    return this.http.post<OrganisationDetailDto>(this.url(), request);
  }

  update(id: string, request: SaveOrganisationRequest): Observable<OrganisationDetailDto> {
    return this.http.put<OrganisationDetailDto>(this.url(`/${encodeURIComponent(id)}`), request);
  }

  /** Asks to belong to the organisation; a representative (or the office) confirms. */
  join(id: string, role: AffiliationRole): Observable<OrganisationDetailDto> {
    const body: JoinOrganisationRequest = { role };
    return this.http.post<OrganisationDetailDto>(this.url(`/${encodeURIComponent(id)}/affiliations`), body);
  }

  confirm(id: string, affiliationId: string): Observable<OrganisationDetailDto> {
    return this.http.post<OrganisationDetailDto>(
      this.url(`/${encodeURIComponent(id)}/affiliations/${encodeURIComponent(affiliationId)}/confirm`),
      null,
    );
  }

  removeAffiliation(id: string, affiliationId: string): Observable<void> {
    return this.http.delete<void>(this.url(`/${encodeURIComponent(id)}/affiliations/${encodeURIComponent(affiliationId)}`));
  }
}
