/** socket.io: one authenticated namespace `/`, path `/socket.io`; token in `handshake.auth.token`. */
export const SOCKET_PATH = '/socket.io';

import type { BoardClientEvents, BoardServerEvents } from './boards';
import type { ThreadClientEvents, ThreadServerEvents } from './discussion';
import type { MeetingClientEvents, MeetingServerEvents } from './meetings';

export interface ServerToClientEvents extends MeetingServerEvents, BoardServerEvents, ThreadServerEvents {
  /** The session behind this socket ended (logout, password change, deletion); the socket closes next. */
  'session:ended': (payload: { reason: string }) => void;
}

export interface ClientToServerEvents extends MeetingClientEvents, BoardClientEvents, ThreadClientEvents {
  /** Who am I, as the server sees this socket. */
  'session:whoami': (ack: (payload: { personId: string; roles: string[] }) => void) => void;
}

/** Error messages a refused handshake carries (`connect_error`). */
export const SocketAuthError = {
  Missing: 'AUTH_REQUIRED',
  Invalid: 'AUTH_INVALID',
} as const;
