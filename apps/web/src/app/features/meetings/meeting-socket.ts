import { Injectable, OnDestroy, inject, signal } from '@angular/core';
import { SOCKET_PATH, SocketAuthError, type ClientToServerEvents, type PollDto, type ServerToClientEvents } from '@allmende/contracts';
import type { Socket } from 'socket.io-client';
import { Observable, Subject } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { AuthStore } from '../../core/auth/auth-store';

/** A poll as the meeting room broadcasts it: everyone's counts, without anybody's own dots. */
export type SharedPoll = Omit<PollDto, 'myDots'>;

/**
 * idle: not asked to join; connecting: socket or room join under way; live: in the room,
 * events arrive; offline: no connection (socket.io keeps retrying); refused: the server
 * does not let this person into the room (not registered, or not running it).
 */
export type MeetingRoomState = 'idle' | 'connecting' | 'live' | 'offline' | 'refused';

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The realtime connection of one meeting page (provide it in the page component, so
 * leaving the page closes it). socket.io-client is loaded on first use only, so it
 * stays out of every other bundle. The handshake carries the access token; after a
 * reconnect the room is joined again and `rejoined` tells the page to reload what it
 * may have missed (socket.io does not buffer events for a disconnected client).
 */
@Injectable()
export class MeetingSocket implements OnDestroy {
  private readonly auth = inject(AuthStore);
  private readonly base = inject(API_BASE_URL);

  private socket: AppSocket | null = null;
  private connecting: Promise<void> | null = null;
  private meetingId: string | null = null;
  private joinedOnce = false;
  private destroyed = false;

  private readonly polls = new Subject<SharedPoll>();
  private readonly checkIns = new Subject<number>();
  private readonly smallGroups = new Subject<void>();
  private readonly rejoins = new Subject<void>();
  private readonly stateSignal = signal<MeetingRoomState>('idle');

  /** Where the connection stands (for a status line). */
  readonly state = this.stateSignal.asReadonly();
  /** 'poll:updated' of the joined meeting. */
  readonly pollUpdated$: Observable<SharedPoll> = this.polls.asObservable();
  /** 'meeting:checked-in' of the joined meeting: the number checked in so far. */
  readonly checkedIn$: Observable<number> = this.checkIns.asObservable();
  /** 'meeting:small-groups' of the joined meeting: small groups changed, reload them. */
  readonly smallGroupsChanged$: Observable<void> = this.smallGroups.asObservable();
  /** The room was joined again after the connection dropped: reload state over HTTP. */
  readonly rejoined$: Observable<void> = this.rejoins.asObservable();

  /** Connects (once) and joins the meeting's room. */
  join(meetingId: string): Promise<void> {
    this.meetingId = meetingId;
    this.stateSignal.set('connecting');
    if (this.socket) {
      if (this.socket.connected) this.enterRoom();
      return Promise.resolve();
    }
    // one connection even when joins overlap while the library loads
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const { io } = await import('socket.io-client');
    if (this.destroyed || this.socket) return;
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
      this.enterRoom();
    });
    socket.on('disconnect', () => {
      if (!this.destroyed) this.stateSignal.set('offline');
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
    socket.on('poll:updated', (poll) => {
      if (poll.meetingId === this.meetingId) this.polls.next(poll);
    });
    socket.on('meeting:checked-in', (payload) => {
      if (payload.meetingId === this.meetingId) this.checkIns.next(payload.count);
    });
    socket.on('meeting:small-groups', (payload) => {
      if (payload.meetingId === this.meetingId) this.smallGroups.next();
    });
    socket.on('session:ended', () => this.stateSignal.set('refused'));
  }

  /** Leaves the room and closes the connection. */
  disconnect(): void {
    if (this.socket) {
      if (this.meetingId && this.socket.connected) this.socket.emit('meeting:leave', this.meetingId);
      this.socket.removeAllListeners();
      this.socket.disconnect();
    }
    this.socket = null;
    this.meetingId = null;
    this.joinedOnce = false;
    this.stateSignal.set('idle');
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.disconnect();
  }

  private enterRoom(): void {
    const socket = this.socket;
    const meetingId = this.meetingId;
    if (!socket || !meetingId) return;
    this.stateSignal.set('connecting');
    socket.emit('meeting:join', meetingId, (result) => {
      if (this.destroyed || meetingId !== this.meetingId) return;
      if (!result?.ok) {
        this.stateSignal.set('refused');
        return;
      }
      this.stateSignal.set('live');
      if (this.joinedOnce) this.rejoins.next();
      this.joinedOnce = true;
    });
  }
}
