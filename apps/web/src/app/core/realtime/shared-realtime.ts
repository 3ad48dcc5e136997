import { Injectable, effect, inject, untracked } from '@angular/core';
import type { ServerToClientEvents } from '@allmende/contracts';
import { Observable, Subject } from 'rxjs';
import { AuthStore } from '../auth/auth-store';
import { AppSocket, RealtimeConnection } from './realtime-connection';

type ServerEvent = keyof ServerToClientEvents;
/** The (single) payload of a server event. */
export type ServerEventPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/**
 * The app-wide realtime connection of the signed-in person: one socket for every
 * feature (notifications, discussion threads, and the rooms of board and meeting pages
 * through RealtimeRoom). It is opened on first use only (socket.io-client stays a lazy
 * chunk) and closed when the session ends.
 *
 * `on(event)` hands out an observable per server event; the handler behind it is
 * registered once, so subscribing and unsubscribing per page leaks nothing.
 */
@Injectable({ providedIn: 'root' })
export class SharedRealtime {
  private readonly auth = inject(AuthStore);
  // constructed here (an injection context), not provided: nobody else may close it
  private readonly connection = new RealtimeConnection();
  private readonly streams = new Map<ServerEvent, Subject<unknown>>();

  /** Where the connection stands. */
  readonly state = this.connection.state;
  /** Fires after every successful (re)connect: rooms must be joined again then. */
  readonly connected$ = this.connection.connected$;

  constructor() {
    // the session ended (sign-out, another person signs in next): drop its connection
    effect(() => {
      if (!this.auth.isSignedIn()) untracked(() => this.connection.close());
    });
  }

  /** Opens the connection (once; signed-in persons only). Resolves to the socket, or null. */
  open(): Promise<AppSocket | null> {
    if (!this.auth.isSignedIn()) return Promise.resolve(null);
    return this.connection.open();
  }

  /** The socket, when one is open. */
  current(): AppSocket | null {
    return this.connection.current();
  }

  /** The payloads of one server event (hot: only what arrives while subscribed). */
  on<E extends ServerEvent>(event: E): Observable<ServerEventPayload<E>> {
    let stream = this.streams.get(event);
    if (!stream) {
      const subject = new Subject<unknown>();
      stream = subject;
      this.streams.set(event, subject);
      this.connection.listen(event, ((payload: unknown) => subject.next(payload)) as ServerToClientEvents[E]);
    }
    return stream.asObservable() as Observable<ServerEventPayload<E>>;
  }
}
