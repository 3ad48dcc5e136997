import { Injectable, OnDestroy, inject, signal } from '@angular/core';
import { SOCKET_PATH, SocketAuthError, type ClientToServerEvents, type ServerToClientEvents } from '@allmende/contracts';
import type { Socket } from 'socket.io-client';
import { Observable, Subject } from 'rxjs';
import { API_BASE_URL } from '../api/api-base-url';
import { AuthStore } from '../auth/auth-store';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * idle: not opened; connecting: library loading or handshake under way; connected: up;
 * offline: no connection (socket.io keeps retrying); refused: the server does not accept
 * this session (token invalid even after a refresh, or the session ended).
 */
export type RealtimeState = 'idle' | 'connecting' | 'connected' | 'offline' | 'refused';

type ServerEvent = keyof ServerToClientEvents;

/**
 * One authenticated socket.io connection (namespace `/`, path SOCKET_PATH); the app has
 * one, owned by SharedRealtime. socket.io-client is loaded on first use only, which keeps
 * it out of every other bundle. The handshake reads
 * the current access token at every (re)connect; an expired token is refreshed over HTTP
 * and the connection tried again (twice at most).
 *
 * Rooms are RealtimeRoom's business: it listens to `connected$` (fired after every
 * (re)connect) to join its room again, since socket.io does not keep rooms across
 * connections.
 */
@Injectable()
export class RealtimeConnection implements OnDestroy {
  private readonly auth = inject(AuthStore);
  private readonly base = inject(API_BASE_URL);

  private socket: AppSocket | null = null;
  private opening: Promise<AppSocket | null> | null = null;
  private destroyed = false;
  /** Bumped by `close`, so an `open` still loading the library does not connect afterwards. */
  private generation = 0;
  private readonly listeners: [ServerEvent, (...args: never[]) => void][] = [];
  private readonly connects = new Subject<AppSocket>();
  private readonly stateSignal = signal<RealtimeState>('idle');

  /** Where the connection stands. */
  readonly state = this.stateSignal.asReadonly();
  /** Fires after every successful (re)connect, with the socket. */
  readonly connected$: Observable<AppSocket> = this.connects.asObservable();

  /** The open socket, when there is one. */
  current(): AppSocket | null {
    return this.socket;
  }

  /** Registers a handler for a server event (kept across reconnects; registered before or after `open`). */
  listen<E extends ServerEvent>(event: E, handler: ServerToClientEvents[E]): void {
    this.listeners.push([event, handler as (...args: never[]) => void]);
    this.socket?.on(event, handler as never);
  }

  /** Opens the connection (once; overlapping calls share it). Resolves to null once closed. */
  open(): Promise<AppSocket | null> {
    if (this.socket) return Promise.resolve(this.socket);
    this.opening ??= this.connect().finally(() => (this.opening = null));
    return this.opening;
  }

  /** Closes the connection; `open` may be called again later. */
  close(): void {
    this.generation++;
    if (this.socket) {
      this.socket.removeAllListeners();
      this.socket.disconnect();
    }
    this.socket = null;
    this.stateSignal.set('idle');
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.close();
  }

  private async connect(): Promise<AppSocket | null> {
    const generation = this.generation;
    this.stateSignal.set('connecting');
    const { io } = await import('socket.io-client');
    if (this.destroyed || generation !== this.generation) return null;
    if (this.socket) return this.socket;
    const options = {
      path: SOCKET_PATH,
      // read at every (re)connect, so a refreshed access token is used
      auth: (cb: (data: object) => void) => cb({ token: this.auth.accessToken() ?? '' }),
      transports: ['websocket', 'polling'],
    };
    const socket: AppSocket = this.base ? io(this.base, options) : io(options);
    this.socket = socket;
    let authRetries = 0;
    socket.on('connect', () => {
      authRetries = 0;
      this.stateSignal.set('connected');
      this.connects.next(socket);
    });
    socket.on('disconnect', () => {
      if (!this.destroyed && this.stateSignal() !== 'refused') this.stateSignal.set('offline');
    });
    socket.on('connect_error', (error) => {
      const authError = error.message === SocketAuthError.Invalid || error.message === SocketAuthError.Missing;
      if (!authError) {
        this.stateSignal.set('offline'); // socket.io retries by itself
        return;
      }
      // an expired access token: refresh it over HTTP and try again (twice at most)
      if (authRetries++ >= 2) {
        this.stateSignal.set('refused');
        return;
      }
      this.stateSignal.set('offline');
      void this.auth.refresh().then((ok) => {
        if (this.destroyed || this.socket !== socket) return;
        if (ok) socket.connect();
        else this.stateSignal.set('refused');
      });
    });
    socket.on('session:ended', () => this.stateSignal.set('refused'));
    for (const [event, handler] of this.listeners) socket.on(event, handler as never);
    return socket;
  }
}
