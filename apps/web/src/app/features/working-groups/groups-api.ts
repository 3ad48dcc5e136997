import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ActionFieldDto,
  ApiRoutes,
  DirectoryPersonDto,
  GroupRole,
  GroupTransitionRequest,
  InviteToGroupRequest,
  JoinGroupRequest,
  Page,
  ProposeGroupRequest,
  SetGroupRoleRequest,
  UpdateGroupRequest,
  WorkingGroupDetailDto,
  WorkingGroupListQuery,
  WorkingGroupPage,
} from '@allmende/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { toHttpParams } from '../../shared/list-params';

/** Data access of working groups (Arbeitsgruppen): list, detail, lifecycle, memberships. */
@Injectable({ providedIn: 'root' })
export class GroupsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  private url(path = ''): string {
    return `${this.base}/api/working-groups${path}`;
  }

  private group(id: string, path = ''): string {
    return this.url(`/${encodeURIComponent(id)}${path}`);
  }

  /** `GET /api/working-groups`: public; `myRole` is the caller's role when signed in. */
  list(query: WorkingGroupListQuery): Observable<WorkingGroupPage> {
    return this.http.get<WorkingGroupPage>(this.url(), { params: toHttpParams(query) });
  }

  get(id: string): Observable<WorkingGroupDetailDto> {
    return this.http.get<WorkingGroupDetailDto>(this.group(id));
  }

  /** Signatories (and the office) propose a group; the proposer leads it. */
  propose(request: ProposeGroupRequest): Observable<WorkingGroupDetailDto> {
    return this.http.post<WorkingGroupDetailDto>(this.url(), request);
  }

  update(id: string, request: UpdateGroupRequest): Observable<WorkingGroupDetailDto> {
    return this.http.patch<WorkingGroupDetailDto>(this.group(id), request);
  }

  /** The office moves the group through its lifecycle. */
  transition(id: string, request: GroupTransitionRequest): Observable<WorkingGroupDetailDto> {
    return this.http.post<WorkingGroupDetailDto>(this.group(id, '/transitions'), request);
  }

  /** Joins an open group, asks to join a closed one, or accepts an invitation. */
  join(id: string, organisationId: string | null): Observable<WorkingGroupDetailDto> {
    const body: JoinGroupRequest = organisationId ? { organisationId } : {};
    return this.http.post<WorkingGroupDetailDto>(this.group(id, '/members'), body);
  }

  /** Leaves the group, withdraws my request or declines my invitation. */
  leave(id: string): Observable<void> {
    return this.http.delete<void>(this.group(id, '/members/me'));
  }

  removeMember(id: string, personId: string): Observable<void> {
    return this.http.delete<void>(this.group(id, `/members/${encodeURIComponent(personId)}`));
  }

  setRole(id: string, personId: string, role: GroupRole): Observable<WorkingGroupDetailDto> {
    const body: SetGroupRoleRequest = { role };
    return this.http.put<WorkingGroupDetailDto>(this.group(id, `/members/${encodeURIComponent(personId)}/role`), body);
  }

  acceptRequest(id: string, personId: string): Observable<WorkingGroupDetailDto> {
    return this.http.post<WorkingGroupDetailDto>(this.group(id, `/requests/${encodeURIComponent(personId)}/accept`), null);
  }

  /** Declines a request or withdraws an invitation. */
  endRequest(id: string, personId: string): Observable<void> {
    return this.http.delete<void>(this.group(id, `/requests/${encodeURIComponent(personId)}`));
  }

  invite(id: string, personId: string): Observable<WorkingGroupDetailDto> {
    const body: InviteToGroupRequest = { personId };
    return this.http.post<WorkingGroupDetailDto>(this.group(id, '/invitations'), body);
  }

  /** Persons to invite, from the member directory (`GET /api/members?q=`). */
  searchPeople(q: string): Observable<Page<DirectoryPersonDto>> {
    return this.http.get<Page<DirectoryPersonDto>>(`${this.base}/api/members`, { params: toHttpParams({ q, pageSize: 10 }) });
  }

  /** `GET /api/action-fields` (not archived), for filters, the form and labels. */
  actionFields(): Observable<ActionFieldDto[]> {
    return this.http.get<ActionFieldDto[]>(`${this.base}${ApiRoutes.actionFields}`);
  }
}
