import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  type ActionFieldDto,
  type BoardCardDto,
  type BoardDto,
  type BoardFilter,
  type BoardSummaryDto,
  type CardAttachmentDto,
  type CardDto,
  type CardEventDto,
  type CreateCardRequest,
  type DirectoryPersonDto,
  type MoveCardRequest,
  type OrganisationDto,
  type Page,
  type SaveColumnLabelsRequest,
  type SaveStrategicGoalRequest,
  type StrategyDto,
  type UpdateCardRequest,
} from '@allmende/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { toHttpParams } from '../../shared/list-params';

/** Data access of boards, their cards and the strategy (Zukunftsplan). */
@Injectable({ providedIn: 'root' })
export class BoardsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  private board(id: string, path = ''): string {
    return `${this.base}/api/boards/${encodeURIComponent(id)}${path}`;
  }

  private card(id: string, path = ''): string {
    return `${this.base}/api/cards/${encodeURIComponent(id)}${path}`;
  }

  /* ---------- boards ---------- */

  list(): Observable<BoardSummaryDto[]> {
    return this.http.get<BoardSummaryDto[]>(`${this.base}/api/boards`);
  }

  get(id: string, filter: BoardFilter = {}): Observable<BoardDto> {
    return this.http.get<BoardDto>(this.board(id), { params: toHttpParams(filter) });
  }

  saveColumns(id: string, request: SaveColumnLabelsRequest): Observable<BoardDto> {
    return this.http.put<BoardDto>(this.board(id, '/columns'), request);
  }

  createCard(boardId: string, request: CreateCardRequest): Observable<CardDto> {
    return this.http.post<CardDto>(this.board(boardId, '/cards'), request);
  }

  /* ---------- cards ---------- */

  getCard(id: string): Observable<CardDto> {
    return this.http.get<CardDto>(this.card(id));
  }

  /** Sends only the changed fields with the version; 409 CARD_VERSION_CONFLICT when stale. */
  updateCard(id: string, request: UpdateCardRequest): Observable<CardDto> {
    return this.http.patch<CardDto>(this.card(id), request);
  }

  /** Answers the card as the board shows it. */
  moveCard(id: string, request: MoveCardRequest): Observable<BoardCardDto> {
    return this.http.post<BoardCardDto>(this.card(id, '/move'), request);
  }

  deleteCard(id: string): Observable<void> {
    return this.http.delete<void>(this.card(id));
  }

  /** Newest first. */
  history(id: string): Observable<CardEventDto[]> {
    return this.http.get<CardEventDto[]>(this.card(id, '/history'));
  }

  uploadAttachment(id: string, file: File): Observable<CardAttachmentDto> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<CardAttachmentDto>(this.card(id, '/attachments'), body);
  }

  /** The file itself, with the access token. */
  downloadAttachment(id: string, attachmentId: string): Observable<Blob> {
    return this.http.get(this.card(id, `/attachments/${encodeURIComponent(attachmentId)}`), { responseType: 'blob' });
  }

  deleteAttachment(id: string, attachmentId: string): Observable<void> {
    return this.http.delete<void>(this.card(id, `/attachments/${encodeURIComponent(attachmentId)}`));
  }

  /* ---------- strategy ---------- */

  strategy(): Observable<StrategyDto> {
    return this.http.get<StrategyDto>(`${this.base}/api/strategy`);
  }

  createGoal(request: SaveStrategicGoalRequest): Observable<StrategyDto> {
    return this.http.post<StrategyDto>(`${this.base}/api/strategy/goals`, request);
  }

  updateGoal(id: string, request: SaveStrategicGoalRequest): Observable<StrategyDto> {
    return this.http.put<StrategyDto>(`${this.base}/api/strategy/goals/${encodeURIComponent(id)}`, request);
  }

  deleteGoal(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/api/strategy/goals/${encodeURIComponent(id)}`);
  }

  /* ---------- reference lists ---------- */

  actionFields(): Observable<ActionFieldDto[]> {
    return this.http.get<ActionFieldDto[]>(`${this.base}${ApiRoutes.actionFields}`);
  }

  organisations(q: string): Observable<Page<OrganisationDto>> {
    return this.http.get<Page<OrganisationDto>>(`${this.base}/api/organisations`, { params: toHttpParams({ q, pageSize: 10 }) });
  }

  /** Persons from the member directory (those who consented to being listed). */
  persons(q: string): Observable<Page<DirectoryPersonDto>> {
    return this.http.get<Page<DirectoryPersonDto>>(`${this.base}/api/members`, { params: toHttpParams({ q, pageSize: 10 }) });
  }
}
