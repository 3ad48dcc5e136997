import { Logger } from '@nestjs/common';
import { OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { SocketAuthError, type ClientToServerEvents, type ServerToClientEvents } from '@allmende/contracts';
import type { Server, Socket } from 'socket.io';
import type { AuthUser } from '../common/auth/auth-user';
import { DomainEventBus } from '../common/domain-events';
import { AccessTokensService } from '../modules/auth/access-tokens.service';

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: AuthUser }>;
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: AuthUser }>;

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const personRoom = (personId: string) => `person:${personId}`;

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
    events: DomainEventBus,
  ) {
    events.on('sessions.revoked', ({ sessionIds }) => this.endSessions(sessionIds, 'session_ended'));
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

  endSessions(sessionIds: string[], reason: string): void {
    if (!sessionIds.length || !this.server) return;
    const rooms = sessionIds.map(sessionRoom);
    this.server.to(rooms).emit('session:ended', { reason });
    this.server.in(rooms).disconnectSockets(true);
    this.logger.debug(`Closed sockets of ${sessionIds.length} ended session(s)`);
  }
}
