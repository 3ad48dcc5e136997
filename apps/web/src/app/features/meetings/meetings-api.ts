import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgendaItemDto,
  CancelMeetingRequest,
  CheckInListEntryDto,
  CheckInRequest,
  ClosePollRequest,
  DecisionDto,
  GuestRegistrationRequest,
  MeetingDetailDto,
  MeetingDocumentDto,
  MeetingListQuery,
  MeetingPage,
  OpenPollRequest,
  OrganisationDto,
  Page,
  PollDto,
  RegistrationResponse,
  SaveAgendaItemRequest,
  SaveDecisionRequest,
  SaveMeetingRequest,
  SaveSmallGroupRequest,
  SmallGroupDto,
  WorkingGroupPage,
} from '@allmende/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { toHttpParams } from '../../shared/list-params';

/** Data access of meetings (Treffen): list, detail, registration, calendar, running a meeting, dot voting. */
@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  private meeting(id: string, path = ''): string {
    return `${this.base}/api/meetings/${encodeURIComponent(id)}${path}`;
  }

  list(query: MeetingListQuery): Observable<MeetingPage> {
    return this.http.get<MeetingPage>(`${this.base}/api/meetings`, { params: toHttpParams(query) });
  }

  get(id: string): Observable<MeetingDetailDto> {
    return this.http.get<MeetingDetailDto>(this.meeting(id));
  }

  create(request: SaveMeetingRequest): Observable<MeetingDetailDto> {
    return this.http.post<MeetingDetailDto>(`${this.base}/api/meetings`, request);
  }

  update(id: string, request: SaveMeetingRequest): Observable<MeetingDetailDto> {
    return this.http.put<MeetingDetailDto>(this.meeting(id), request);
  }

  /** Calls the meeting off (who runs it); registered and waiting persons are mailed. */
  cancelMeeting(id: string, request: CancelMeetingRequest): Observable<MeetingDetailDto> {
    return this.http.post<MeetingDetailDto>(this.meeting(id, '/cancel'), request);
  }

  /* ---------- documents ---------- */

  documents(id: string): Observable<MeetingDocumentDto[]> {
    return this.http.get<MeetingDocumentDto[]>(this.meeting(id, '/documents'));
  }

  /** Uploads a document (multipart field `file`), for the meeting or one of its agenda items. */
  uploadDocument(id: string, file: File, agendaItemId: string | null): Observable<MeetingDocumentDto> {
    const body = new FormData();
    body.append('file', file, file.name);
    if (agendaItemId) body.append('agendaItemId', agendaItemId);
    return this.http.post<MeetingDocumentDto>(this.meeting(id, '/documents'), body);
  }

  /** The file itself (with the access token: members' meetings are not public). */
  downloadDocument(id: string, documentId: string): Observable<Blob> {
    return this.http.get(this.meeting(id, `/documents/${encodeURIComponent(documentId)}`), { responseType: 'blob' });
  }

  deleteDocument(id: string, documentId: string): Observable<void> {
    return this.http.delete<void>(this.meeting(id, `/documents/${encodeURIComponent(documentId)}`));
  }

  /* ---------- small groups (Kleingruppen) ---------- */

  smallGroups(id: string): Observable<SmallGroupDto[]> {
    return this.http.get<SmallGroupDto[]>(this.meeting(id, '/small-groups'));
  }

  addSmallGroup(id: string, name: string): Observable<SmallGroupDto[]> {
    return this.http.post<SmallGroupDto[]>(this.meeting(id, '/small-groups'), { name });
  }

  /** Renames a small group (who runs the meeting) or saves its note (also its members). */
  saveSmallGroup(id: string, groupId: string, request: SaveSmallGroupRequest): Observable<SmallGroupDto[]> {
    return this.http.put<SmallGroupDto[]>(this.meeting(id, `/small-groups/${encodeURIComponent(groupId)}`), request);
  }

  deleteSmallGroup(id: string, groupId: string): Observable<void> {
    return this.http.delete<void>(this.meeting(id, `/small-groups/${encodeURIComponent(groupId)}`));
  }

  /** Sets who is in a small group; they leave any other small group of the meeting. */
  setSmallGroupMembers(id: string, groupId: string, registrationIds: string[]): Observable<SmallGroupDto[]> {
    return this.http.put<SmallGroupDto[]>(this.meeting(id, `/small-groups/${encodeURIComponent(groupId)}/members`), { registrationIds });
  }

  /** Spreads the checked-in attendees not yet in a small group over `count` groups. */
  distributeSmallGroups(id: string, count: number): Observable<SmallGroupDto[]> {
    return this.http.post<SmallGroupDto[]>(this.meeting(id, '/small-groups/distribute'), { count });
  }

  /* ---------- registration ---------- */

  register(id: string): Observable<RegistrationResponse> {
    return this.http.post<RegistrationResponse>(this.meeting(id, '/registrations'), null);
  }

  cancelRegistration(id: string): Observable<void> {
    return this.http.delete<void>(this.meeting(id, '/registrations/me'));
  }

  /** Outsiders at a public conference; answered with 202, confirmed by the mailed link. */
  registerGuest(id: string, request: GuestRegistrationRequest): Observable<unknown> {
    return this.http.post(this.meeting(id, '/guest-registrations'), request);
  }

  confirmGuest(token: string): Observable<RegistrationResponse & { meetingId: string }> {
    return this.http.post<RegistrationResponse & { meetingId: string }>(`${this.base}/api/meeting-registrations/confirm`, { token });
  }

  cancelGuest(token: string): Observable<void> {
    return this.http.post<void>(`${this.base}/api/meeting-registrations/cancel`, { token });
  }

  /* ---------- calendar ---------- */

  /** The meeting as an .ics file (with the token: members' meetings are not public). */
  ics(id: string): Observable<Blob> {
    return this.http.get(this.meeting(id, '/ics'), { responseType: 'blob' });
  }

  /** Creates or renews my secret feed address; the old one stops working. */
  renewFeed(): Observable<{ url: string }> {
    return this.http.post<{ url: string }>(`${this.base}/api/me/calendar-feed`, null);
  }

  revokeFeed(): Observable<void> {
    return this.http.delete<void>(`${this.base}/api/me/calendar-feed`);
  }

  /** The public feed of conferences, as an absolute address to subscribe to. */
  conferenceFeedUrl(origin: string): string {
    return `${this.base || origin}/api/calendar/conferences.ics`;
  }

  /* ---------- running a meeting ---------- */

  checkIns(id: string, q: string): Observable<CheckInListEntryDto[]> {
    return this.http.get<CheckInListEntryDto[]>(this.meeting(id, '/check-ins'), { params: toHttpParams({ q }) });
  }

  checkIn(id: string, request: CheckInRequest): Observable<CheckInListEntryDto> {
    return this.http.post<CheckInListEntryDto>(this.meeting(id, '/check-ins'), request);
  }

  addAgendaItem(id: string, request: SaveAgendaItemRequest): Observable<AgendaItemDto[]> {
    return this.http.post<AgendaItemDto[]>(this.meeting(id, '/agenda'), request);
  }

  updateAgendaItem(id: string, itemId: string, request: SaveAgendaItemRequest): Observable<AgendaItemDto[]> {
    return this.http.put<AgendaItemDto[]>(this.meeting(id, `/agenda/${encodeURIComponent(itemId)}`), request);
  }

  deleteAgendaItem(id: string, itemId: string): Observable<void> {
    return this.http.delete<void>(this.meeting(id, `/agenda/${encodeURIComponent(itemId)}`));
  }

  decisions(id: string): Observable<DecisionDto[]> {
    return this.http.get<DecisionDto[]>(this.meeting(id, '/decisions'));
  }

  addDecision(id: string, request: SaveDecisionRequest): Observable<DecisionDto> {
    return this.http.post<DecisionDto>(this.meeting(id, '/decisions'), request);
  }

  /* ---------- dot voting ---------- */

  polls(id: string): Observable<PollDto[]> {
    return this.http.get<PollDto[]>(this.meeting(id, '/polls'));
  }

  openPoll(id: string, request: OpenPollRequest): Observable<PollDto> {
    return this.http.post<PollDto>(this.meeting(id, '/polls'), request);
  }

  castDots(pollId: string, dots: Record<string, number>): Observable<PollDto> {
    return this.http.post<PollDto>(`${this.base}/api/polls/${encodeURIComponent(pollId)}/dots`, { dots });
  }

  closePoll(pollId: string, request: ClosePollRequest): Observable<PollDto> {
    return this.http.post<PollDto>(`${this.base}/api/polls/${encodeURIComponent(pollId)}/close`, request);
  }

  /* ---------- choices for the meeting form ---------- */

  /** Working groups for group sessions and decisions (the API caps a page at 100); `mine`: only the caller's groups. */
  workingGroups(mine = false): Observable<WorkingGroupPage> {
    const query = mine ? { mine: true, pageSize: 100 } : { pageSize: 100 };
    return this.http.get<WorkingGroupPage>(`${this.base}/api/working-groups`, { params: toHttpParams(query) });
  }

  organisations(q: string): Observable<Page<OrganisationDto>> {
    return this.http.get<Page<OrganisationDto>>(`${this.base}/api/organisations`, { params: toHttpParams({ q, pageSize: 10 }) });
  }
}
