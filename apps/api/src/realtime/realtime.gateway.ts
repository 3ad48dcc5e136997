import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { DataSource } from 'typeorm';
import { SocketAuthError, type ClientToServerEvents, type ServerToClientEvents } from '@allmende/contracts';
import type { Server, Socket } from 'socket.io';
import type { AuthUser } from '../common/auth/auth-user';
import { DomainEventBus } from '../common/domain-events';
import { AccessTokensService, isUuid } from '../modules/auth/access-tokens.service';
import { boardAccess } from '../modules/boards/board-access';
import { canRunMeeting, loadVisibleMeeting } from '../modules/meetings/meeting-access';

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: AuthUser }>;
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: AuthUser }>;

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const personRoom = (personId: string) => `person:${personId}`;
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
export const boardRoom = (boardId: string) => `board:${boardId}`;

/**
 * The one authenticated socket.io namespace. The handshake reuses the HTTP token
 * check (signature, algorithm, session still open); sockets of a session that
 * ends are told and closed. Later features add their rooms here.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() server!: AppServer;

  constructor(
    private readonly tokens: AccessTokensService,
    private readonly ds: DataSource,
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

  endSessions(sessionIds: string[], reason: string): void {
    if (!sessionIds.length || !this.server) return;
    const rooms = sessionIds.map(sessionRoom);
    this.server.to(rooms).emit('session:ended', { reason });
    this.server.in(rooms).disconnectSockets(true);
    this.logger.debug(`Closed sockets of ${sessionIds.length} ended session(s)`);
  }
}
