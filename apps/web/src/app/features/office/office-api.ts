import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AdminRolesRequest,
  CharterVersionDto,
  MembershipAdminDto,
  MembershipDto,
  MembershipHistoryEntryDto,
  MembershipStatus,
  MembershipTransitionRequest,
  Page,
  PublishCharterRequest,
  Role,
} from '@allmende/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { toHttpParams } from '../../shared/list-params';

/** `awaiting_approval` is the approval queue; the others filter by membership status. */
export type MembershipListStatus = MembershipStatus | 'awaiting_approval';

export interface MembershipListQuery {
  status?: MembershipListStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

/**
 * A row of the office's member list. The API may include the person's platform roles
 * (`roles`); the roles editor starts from them when present.
 */
export type OfficeMember = MembershipAdminDto & { roles?: Role[] };

/** Moves the office may make (mirrors the API; `interested → signatory` happens only by approving). */
export const OFFICE_MOVES: Readonly<Record<MembershipStatus, readonly MembershipStatus[]>> = {
  interested: ['left'],
  signatory: ['active', 'dormant', 'left'],
  active: ['dormant', 'left'],
  dormant: ['active', 'left'],
  left: [],
};

/** Data access of the office (Geschäftsstelle): memberships, approvals, roles, charter versions. */
@Injectable({ providedIn: 'root' })
export class OfficeApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  private member(personId: string, path: string): string {
    return `${this.base}/api/memberships/${encodeURIComponent(personId)}${path}`;
  }

  memberships(query: MembershipListQuery): Observable<Page<OfficeMember>> {
    return this.http.get<Page<OfficeMember>>(`${this.base}/api/memberships`, { params: toHttpParams(query) });
  }

  /** Approves a signature: the person becomes a signatory. */
  approve(personId: string): Observable<MembershipDto> {
    return this.http.post<MembershipDto>(this.member(personId, '/approve'), null);
  }

  transition(personId: string, request: MembershipTransitionRequest): Observable<MembershipDto> {
    return this.http.post<MembershipDto>(this.member(personId, '/transitions'), request);
  }

  history(personId: string): Observable<MembershipHistoryEntryDto[]> {
    return this.http.get<MembershipHistoryEntryDto[]>(this.member(personId, '/history'));
  }

  /** Admins only. */
  setRoles(personId: string, roles: Role[]): Observable<Role[]> {
    const body: AdminRolesRequest = { roles };
    return this.http.put<Role[]>(this.member(personId, '/roles'), body);
  }

  charterVersions(): Observable<CharterVersionDto[]> {
    return this.http.get<CharterVersionDto[]>(`${this.base}/api/charter/versions`);
  }

  publishCharter(request: PublishCharterRequest): Observable<CharterVersionDto> {
    return this.http.post<CharterVersionDto>(`${this.base}/api/charter/versions`, request);
  }
}
