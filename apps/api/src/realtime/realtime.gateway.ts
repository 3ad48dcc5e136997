import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { DataSource } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { SocketAuthError, type ClientToServerEvents, type MessageDto, type ServerToClientEvents, type ThreadJoinResult } from '@allmende/contracts';
import type { Server, Socket } from 'socket.io';
import type { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/domain-error';
import { DomainEventBus } from '../common/domain-events';
import { DiscussionService } from '../modules/discussion/discussion.service';
import { SocketPostDto } from '../modules/discussion/dto/discussion.dto';
import { threadAccess } from '../modules/discussion/thread-access';
import { AccessTokensService, isUuid } from '../modules/auth/access-tokens.service';
import { boardAccess } from '../modules/boards/board-access';
import { canRunMeeting, loadVisibleMeeting } from '../modules/meetings/meeting-access';

interface SocketData {
  user: AuthUser;
  /** Display name, looked up once (typing indicators). */
  name?: string;
}
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const personRoom = (personId: string) => `person:${personId}`;
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
export const boardRoom = (boardId: string) => `board:${boardId}`;
export const threadRoom = (threadId: string) => `thread:${threadId}`;
const REPLAY_LIMIT = 200;

/**
 * The one authenticated socket.io namespace. The handshake reuses the HTTP token
 * check (signature, algorithm, session still open); sockets of a session that
 * ends are told and closed. Later features add their rooms here.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() server!: AppServer;

  constructor(
    private readonly tokens: AccessTokensService,
    private readonly ds: DataSource,
    private readonly discussion: DiscussionService,
    events: DomainEventBus,
  ) {
    events.on('sessions.revoked', ({ sessionIds }) => this.endSessions(sessionIds, 'session_ended'));
    events.on('poll.updated', ({ poll }) => {
      this.server?.to(meetingRoom(poll.meetingId)).emit('poll:updated', poll);
    });
    events.on('meeting.checked_in', (payload) => {
      this.server?.to(meetingRoom(payload.meetingId)).emit('meeting:checked-in', payload);
    });
    events.on('board.changes', ({ payload }) => {
      this.server?.to(boardRoom(payload.boardId)).emit('board:changes', payload);
    });
    events.on('thread.message', ({ message, updated }) => {
      this.server?.to(threadRoom(message.threadId)).emit(updated ? 'thread:message-updated' : 'thread:message', message);
    });
    events.on('thread.locked', (payload) => {
      this.server?.to(threadRoom(payload.threadId)).emit('thread:locked', payload);
    });
    events.on('notification.created', ({ personId, notification, unread }) => {
      this.server?.to(personRoom(personId)).emit('notification:new', { notification, unread });
    });
    events.on('meeting.small_groups_changed', (payload) => {
      this.server?.to(meetingRoom(payload.meetingId)).emit('meeting:small-groups', payload);
    });
  }

  afterInit(server: AppServer): void {
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string' || !token) return next(new Error(SocketAuthError.Missing));
      this.tokens.verify(token).then(
        (user) => {
          socket.data.user = user;
          void socket.join([sessionRoom(user.sessionId), personRoom(user.id)]);
          next();
        },
        () => next(new Error(SocketAuthError.Invalid)),
      );
    });
  }

  @SubscribeMessage('session:whoami')
  whoami(client: AppSocket): { personId: string; roles: string[] } {
    return { personId: client.data.user.id, roles: client.data.user.roles };
  }

  /** Joins a meeting's room: registered participants and whoever runs the meeting. */
  @SubscribeMessage('meeting:join')
  async joinMeeting(@ConnectedSocket() client: AppSocket, @MessageBody() meetingId: unknown): Promise<{ ok: boolean; error?: string }> {
    if (!isUuid(meetingId)) return { ok: false, error: 'VALIDATION_FAILED' };
    const user = client.data.user;
    try {
      const meeting = await loadVisibleMeeting(this.ds, meetingId, user);
      const registered = await this.ds.query(
        `SELECT 1 FROM meeting_registration WHERE meeting_id = $1 AND person_id = $2 AND status = 'registered'`,
        [meetingId, user.id],
      );
      if (!registered.length && !(await canRunMeeting(this.ds, meeting, user))) return { ok: false, error: 'FORBIDDEN' };
    } catch {
      return { ok: false, error: 'NOT_FOUND' };
    }
    await client.join(meetingRoom(meetingId));
    return { ok: true };
  }

  @SubscribeMessage('meeting:leave')
  async leaveMeeting(@ConnectedSocket() client: AppSocket, @MessageBody() meetingId: unknown): Promise<void> {
    if (isUuid(meetingId)) await client.leave(meetingRoom(meetingId));
  }

  /** Joins a board's room: those who may edit the board (its group's members, the office). */
  @SubscribeMessage('board:join')
  async joinBoard(@ConnectedSocket() client: AppSocket, @MessageBody() boardId: unknown): Promise<{ ok: boolean; error?: string }> {
    if (!isUuid(boardId)) return { ok: false, error: 'VALIDATION_FAILED' };
    try {
      const access = await boardAccess(this.ds, boardId, client.data.user);
      if (!access.canEdit) return { ok: false, error: 'FORBIDDEN' };
    } catch {
      return { ok: false, error: 'NOT_FOUND' };
    }
    await client.join(boardRoom(boardId));
    return { ok: true };
  }

  @SubscribeMessage('board:leave')
  async leaveBoard(@ConnectedSocket() client: AppSocket, @MessageBody() boardId: unknown): Promise<void> {
    if (isUuid(boardId)) await client.leave(boardRoom(boardId));
  }

  /** Presence: when a socket goes, the threads it was reading hear who is left. */
  handleConnection(client: AppSocket): void {
    client.on('disconnecting', () => {
      const threads = [...client.rooms].filter((r) => r.startsWith('thread:')).map((r) => r.slice('thread:'.length));
      setImmediate(() => threads.forEach((t) => void this.sendPresence(t)));
    });
  }

  /**
   * Joins a thread's room (its readers only, checked against the database). With
   * `lastSeenId` the answer carries every message after it, in order: the replay after
   * a disconnect. The room is joined first, so nothing falls between replay and live
   * messages (a message may come both ways; clients keep one per id).
   */
  @SubscribeMessage('thread:join')
  async joinThread(@ConnectedSocket() client: AppSocket, @MessageBody() payload: unknown): Promise<ThreadJoinResult> {
    const { threadId, lastSeenId } = (payload ?? {}) as { threadId?: unknown; lastSeenId?: unknown };
    const validSeen = lastSeenId === undefined || lastSeenId === null || (Number.isSafeInteger(lastSeenId) && (lastSeenId as number) >= 0);
    if (!isUuid(threadId) || !validSeen) return { ok: false, error: 'VALIDATION_FAILED' };
    let canModerate: boolean;
    try {
      ({ canModerate } = await threadAccess(this.ds, threadId, client.data.user));
    } catch {
      return { ok: false, error: 'NOT_FOUND' };
    }
    await client.join(threadRoom(threadId));
    void this.sendPresence(threadId);
    if (typeof lastSeenId !== 'number') return { ok: true };
    const page = await this.discussion.page(this.ds, threadId, { after: lastSeenId, limit: REPLAY_LIMIT }, client.data.user.id, canModerate);
    return { ok: true, missed: page.items, hasMore: page.hasMore };
  }

  @SubscribeMessage('thread:leave')
  async leaveThread(@ConnectedSocket() client: AppSocket, @MessageBody() threadId: unknown): Promise<void> {
    if (!isUuid(threadId)) return;
    await client.leave(threadRoom(threadId));
    void this.sendPresence(threadId);
  }

  @SubscribeMessage('thread:typing')
  async typing(@ConnectedSocket() client: AppSocket, @MessageBody() threadId: unknown): Promise<void> {
    if (!isUuid(threadId) || !client.rooms.has(threadRoom(threadId))) return;
    client.data.name ??= (await this.ds.query(`SELECT display_name FROM person WHERE id = $1`, [client.data.user.id]))[0]?.display_name ?? '';
    client.to(threadRoom(threadId)).emit('thread:typing', { threadId, person: { id: client.data.user.id, name: client.data.name ?? '' } });
  }

  /** Posts over the socket, validated like the HTTP body; the ack comes after the commit. */
  @SubscribeMessage('thread:post')
  async post(
    @ConnectedSocket() client: AppSocket,
    @MessageBody() payload: unknown,
  ): Promise<{ ok: true; message: MessageDto } | { ok: false; error: string; message?: string }> {
    const dto = plainToInstance(SocketPostDto, payload ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) return { ok: false, error: 'VALIDATION_FAILED', message: errors.map((e) => e.property).join(', ') };
    try {
      const { threadId, ...post } = dto;
      const { message } = await this.discussion.post(threadId, post, client.data.user);
      return { ok: true, message };
    } catch (err) {
      if (err instanceof DomainError) return { ok: false, error: err.code, message: err.message };
      this.logger.error({ err }, 'Posting over the socket failed');
      return { ok: false, error: 'INTERNAL_ERROR' };
    }
  }

  /** Tells a thread's room who is reading it (across instances with the Redis adapter). */
  private async sendPresence(threadId: string): Promise<void> {
    if (!this.server) return;
    const sockets = await this.server.in(threadRoom(threadId)).fetchSockets();
    const ids = [...new Set(sockets.map((s) => s.data.user.id))];
    const readers: { id: string; name: string }[] = ids.length
      ? await this.ds.query(`SELECT id, display_name AS name FROM person WHERE id = ANY($1::uuid[]) ORDER BY display_name`, [ids])
      : [];
    this.server.to(threadRoom(threadId)).emit('thread:presence', { threadId, readers });
  }

  endSessions(sessionIds: string[], reason: string): void {
    if (!sessionIds.length || !this.server) return;
    const rooms = sessionIds.map(sessionRoom);
    this.server.to(rooms).emit('session:ended', { reason });
    this.server.in(rooms).disconnectSockets(true);
    this.logger.debug(`Closed sockets of ${sessionIds.length} ended session(s)`);
  }
}
