import { computed, signal } from '@angular/core';
import { Observable, Subject, Subscription, filter, map } from 'rxjs';
import { SharedRealtime } from './shared-realtime';

/**
 * idle: not asked to join; connecting: connection or room join under way; live: in the
 * room, its events arrive; offline: connection lost (socket.io keeps retrying); refused:
 * the server does not let this person into the room (or nobody is signed in).
 */
export type RoomState = 'idle' | 'connecting' | 'live' | 'offline' | 'refused';

/** The rooms a page can be in; each is joined with `<kind>:join` (acknowledged) and left with `<kind>:leave`. */
export type RoomKind = 'board' | 'meeting' | 'thread';

/** The acknowledgement of a join; a room may answer more (a thread: the messages missed). */
export interface JoinResult {
  ok: boolean;
  error?: string;
}

/** A successful join: the server's answer, and whether it was a join again after a reconnect. */
export interface Joined<R extends JoinResult> {
  result: R;
  rejoin: boolean;
}

type Membership = 'idle' | 'joining' | 'live' | 'refused';

/**
 * One socket.io room of a page (a board, a meeting) on the app's shared connection. It
 * is joined again after every reconnect, since socket.io does not keep rooms across
 * connections, and `rejoined$` then tells the page to reload what it may have missed.
 * Leaving the page leaves the room (`destroy`); the connection stays for the rest of the
 * app (notifications, threads, the next page's room).
 */
export class RealtimeRoom<R extends JoinResult = JoinResult> {
  private id: string | null = null;
  private joinedOnce = false;
  private readonly membership = signal<Membership>('idle');
  private readonly joins = new Subject<Joined<R>>();
  private readonly reconnects: Subscription;

  readonly state = computed<RoomState>(() => {
    const membership = this.membership();
    if (membership === 'idle' || membership === 'refused') return membership;
    const connection = this.realtime.state();
    if (connection === 'refused') return 'refused';
    if (connection === 'offline') return 'offline';
    return membership === 'live' && connection === 'connected' ? 'live' : 'connecting';
  });
  /** Every successful join, with the server's answer. */
  readonly joined$: Observable<Joined<R>> = this.joins.asObservable();
  /** The room was joined again after the connection dropped: reload over HTTP. */
  readonly rejoined$: Observable<void> = this.joined$.pipe(
    filter((j) => j.rejoin),
    map(() => undefined),
  );

  /**
   * `joinArgument` is what `<kind>:join` sends, worked out at every (re)join; the room's
   * id by default.
   */
  constructor(
    private readonly realtime: SharedRealtime,
    private readonly kind: RoomKind,
    private readonly joinArgument: (id: string) => unknown = (id) => id,
  ) {
    this.reconnects = realtime.connected$.subscribe(() => this.enter());
  }

  /** The id of the room joined or being joined. */
  get current(): string | null {
    return this.id;
  }

  /**
   * Connects (once, shared) and joins the room, leaving another room of this page first;
   * the same room again joins again (a reloaded page asks for what it missed).
   */
  async join(id: string): Promise<void> {
    if (this.id && this.id !== id) this.leave();
    this.id = id;
    this.joinedOnce = false;
    this.membership.set('joining');
    const socket = await this.realtime.open();
    if (this.id !== id) return;
    if (!socket) this.membership.set('refused');
    // not yet connected: the connect event enters the room
    else if (socket.connected) this.enter();
  }

  /** Leaves the room; the connection stays open. */
  leave(): void {
    const socket = this.realtime.current();
    if (socket?.connected && this.id) socket.emit(`${this.kind}:leave`, this.id);
    this.id = null;
    this.joinedOnce = false;
    this.membership.set('idle');
  }

  /** Leaves the room and stops following reconnects (the page is gone). */
  destroy(): void {
    this.leave();
    this.reconnects.unsubscribe();
  }

  private enter(): void {
    const socket = this.realtime.current();
    const id = this.id;
    if (!socket || !id) return;
    this.membership.set('joining');
    const ack = (result: R) => {
      if (id !== this.id) return;
      if (!result?.ok) {
        this.membership.set('refused');
        return;
      }
      this.membership.set('live');
      const rejoin = this.joinedOnce;
      this.joinedOnce = true;
      this.joins.next({ result, rejoin });
    };
    // the event's argument and answer depend on the kind; the contracts type each one
    const untyped = socket as unknown as { emit(event: string, argument: unknown, ack: (result: R) => void): void };
    untyped.emit(`${this.kind}:join`, this.joinArgument(id), ack);
  }
}
