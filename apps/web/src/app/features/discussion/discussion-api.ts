import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateThreadRequest,
  EditMessageRequest,
  GroupMuteDto,
  HideMessageRequest,
  LockThreadRequest,
  MessageAttachmentDto,
  MessageDto,
  MessageListQuery,
  MessagePage,
  MessageRevisionDto,
  ModerationLogEntryDto,
  MuteRequest,
  NamedRef,
  PostMessageRequest,
  ReactRequest,
  ReportDto,
  ReportMessageRequest,
  ThreadDto,
  ThreadListQuery,
} from '@allmende/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';

/** Data access of the discussion: threads, messages, reactions, attachments and moderation. */
@Injectable({ providedIn: 'root' })
export class DiscussionApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  private thread(id: string, path = ''): string {
    return `${this.base}/api/threads/${encodeURIComponent(id)}${path}`;
  }

  private message(id: number, path = ''): string {
    return `${this.base}/api/messages/${encodeURIComponent(String(id))}${path}`;
  }

  /** Threads I may read; by subject, or all of them without a query. */
  threads(query: ThreadListQuery = {}): Observable<ThreadDto[]> {
    let params = new HttpParams();
    if (query.subjectType) params = params.set('subjectType', query.subjectType);
    if (query.subjectId) params = params.set('subjectId', query.subjectId);
    return this.http.get<ThreadDto[]>(`${this.base}/api/threads`, { params });
  }

  createThread(request: CreateThreadRequest): Observable<{ thread: ThreadDto; message: MessageDto }> {
    return this.http.post<{ thread: ThreadDto; message: MessageDto }>(`${this.base}/api/threads`, request);
  }

  getThread(id: string): Observable<ThreadDto> {
    return this.http.get<ThreadDto>(this.thread(id));
  }

  /** No query: the newest page (oldest first); `before` scrolls back, `after` resumes. */
  messages(threadId: string, query: MessageListQuery = {}): Observable<MessagePage> {
    let params = new HttpParams();
    if (query.after !== undefined) params = params.set('after', query.after);
    if (query.before !== undefined) params = params.set('before', query.before);
    if (query.limit !== undefined) params = params.set('limit', query.limit);
    return this.http.get<MessagePage>(this.thread(threadId, '/messages'), { params });
  }

  /** 201 for a new message, 200 with the stored one when the client id was seen before. */
  post(threadId: string, request: PostMessageRequest): Observable<MessageDto> {
    return this.http.post<MessageDto>(this.thread(threadId, '/messages'), request);
  }

  markRead(threadId: string, lastReadId: number): Observable<void> {
    return this.http.post<void>(this.thread(threadId, '/read'), { lastReadId });
  }

  mentionable(threadId: string, q: string): Observable<NamedRef[]> {
    return this.http.get<NamedRef[]>(this.thread(threadId, '/mentionable'), { params: { q } });
  }

  upload(threadId: string, file: File): Observable<MessageAttachmentDto> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<MessageAttachmentDto>(this.thread(threadId, '/attachments'), body);
  }

  download(messageId: number, attachmentId: string): Observable<Blob> {
    return this.http.get(this.message(messageId, `/attachments/${encodeURIComponent(attachmentId)}`), { responseType: 'blob' });
  }

  edit(messageId: number, body: string): Observable<MessageDto> {
    const request: EditMessageRequest = { body };
    return this.http.patch<MessageDto>(this.message(messageId), request);
  }

  remove(messageId: number): Observable<void> {
    return this.http.delete<void>(this.message(messageId));
  }

  revisions(messageId: number): Observable<MessageRevisionDto[]> {
    return this.http.get<MessageRevisionDto[]>(this.message(messageId, '/revisions'));
  }

  /** Toggles my reaction. */
  react(messageId: number, emoji: string): Observable<MessageDto> {
    const request: ReactRequest = { emoji };
    return this.http.put<MessageDto>(this.message(messageId, '/reactions'), request);
  }

  /* ---------- moderation ---------- */

  report(messageId: number, reason: string): Observable<void> {
    const request: ReportMessageRequest = { reason };
    return this.http.post<void>(this.message(messageId, '/reports'), request);
  }

  hide(messageId: number, hidden: boolean, reason: string | null): Observable<MessageDto> {
    const request: HideMessageRequest = { hidden, reason };
    return this.http.put<MessageDto>(this.message(messageId, '/hidden'), request);
  }

  lock(threadId: string, locked: boolean, reason: string | null): Observable<ThreadDto> {
    const request: LockThreadRequest = { locked, reason };
    return this.http.put<ThreadDto>(this.thread(threadId, '/lock'), request);
  }

  private mutesOf(groupId: string, path = ''): string {
    return `${this.base}/api/working-groups/${encodeURIComponent(groupId)}/mutes${path}`;
  }

  /** The group's mutes still in force, newest first (group leads and the office). */
  mutes(groupId: string): Observable<GroupMuteDto[]> {
    return this.http.get<GroupMuteDto[]>(this.mutesOf(groupId));
  }

  mute(groupId: string, request: MuteRequest): Observable<void> {
    return this.http.post<void>(this.mutesOf(groupId), request);
  }

  /** Lifts a mute before its end. */
  unmute(groupId: string, personId: string): Observable<void> {
    return this.http.delete<void>(this.mutesOf(groupId, `/${encodeURIComponent(personId)}`));
  }

  reports(): Observable<ReportDto[]> {
    return this.http.get<ReportDto[]>(`${this.base}/api/moderation/reports`);
  }

  resolveReport(id: string): Observable<void> {
    return this.http.post<void>(`${this.base}/api/moderation/reports/${encodeURIComponent(id)}/resolve`, null);
  }

  moderationLog(): Observable<ModerationLogEntryDto[]> {
    return this.http.get<ModerationLogEntryDto[]>(`${this.base}/api/moderation/log`);
  }
}
