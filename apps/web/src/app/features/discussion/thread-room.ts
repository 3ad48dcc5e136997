import { Injectable, OnDestroy, computed, inject, signal } from '@angular/core';
import type { MessageDto, NamedRef, ThreadJoinResult } from '@allmende/contracts';
import { Observable, Subject, Subscription, filter } from 'rxjs';
import { SharedRealtime } from '../../core/realtime/shared-realtime';

/**
 * idle: not asked to join; connecting: connection or join under way; live: in the
 * thread's room, events arrive; offline: connection lost (socket.io keeps retrying);
 * refused: the server does not let this person in.
 */
export type ThreadRoomState = 'idle' | 'connecting' | 'live' | 'offline' | 'refused';

type RoomState = 'idle' | 'joining' | 'live' | 'refused';

/** Typing is told to the room at most this often. */
export const TYPING_THROTTLE_MS = 2000;

/** What a (re)join brought: the messages missed since the last one seen, and whether more follow. */
export interface ThreadReplay {
  missed: MessageDto[];
  hasMore: boolean;
  /** A join again after the connection came back (not the first one). */
  rejoin: boolean;
}

/**
 * The live room of one thread, over the app's shared connection (provide it in the
 * thread page: leaving the page leaves the room; the connection stays for the
 * notifications). Every (re)connect joins again with the highest message id the page
 * has, and `replay$` brings what was missed in between.
 */
@Injectable()
export class ThreadRoom implements OnDestroy {
  private readonly realtime = inject(SharedRealtime);

  private threadId: string | null = null;
  private lastSeen: () => number | null = () => null;
  private joinedOnce = false;
  private lastTyping = 0;
  private readonly room = signal<RoomState>('idle');
  private readonly replays = new Subject<ThreadReplay>();
  private readonly subscription = new Subscription();

  readonly state = computed<ThreadRoomState>(() => {
    const room = this.room();
    if (room === 'idle' || room === 'refused') return room;
    const connection = this.realtime.state();
    if (connection === 'refused') return 'refused';
    if (connection === 'offline') return 'offline';
    return room === 'live' && connection === 'connected' ? 'live' : 'connecting';
  });

  /** After each join: what was missed since the highest id the page had. */
  readonly replay$: Observable<ThreadReplay> = this.replays.asObservable();
  /** A new message in this thread (may also come with a replay or the answer to a post). */
  readonly message$ = this.realtime.on('thread:message').pipe(filter((m) => m.threadId === this.threadId));
  /** A message was edited, deleted, hidden or reacted to (reactions without anybody's own flag). */
  readonly updated$ = this.realtime.on('thread:message-updated').pipe(filter((m) => m.threadId === this.threadId));
  readonly typing$: Observable<NamedRef> = new Observable<NamedRef>((subscriber) =>
    this.realtime.on('thread:typing').subscribe((p) => {
      if (p.threadId === this.threadId) subscriber.next(p.person);
    }),
  );
  readonly presence$: Observable<NamedRef[]> = new Observable<NamedRef[]>((subscriber) =>
    this.realtime.on('thread:presence').subscribe((p) => {
      if (p.threadId === this.threadId) subscriber.next(p.readers);
    }),
  );
  readonly locked$ = this.realtime.on('thread:locked').pipe(filter((p) => p.threadId === this.threadId));

  constructor() {
    this.subscription.add(this.realtime.connected$.subscribe(() => this.enter()));
  }

  /**
   * Joins the thread's room (connecting first when needed). `lastSeen` tells, at every
   * (re)join, the highest message id the page has: the replay starts after it.
   */
  async join(threadId: string, lastSeen: () => number | null): Promise<void> {
    if (this.threadId && this.threadId !== threadId) this.leave();
    this.threadId = threadId;
    this.lastSeen = lastSeen;
    this.joinedOnce = false;
    this.room.set('joining');
    const socket = await this.realtime.open();
    // not connected yet: the connect event enters the room
    if (socket?.connected && this.threadId === threadId) this.enter();
  }

  /** Tells the room I am typing (at most every TYPING_THROTTLE_MS). */
  typing(now = Date.now()): void {
    const socket = this.realtime.current();
    if (!socket?.connected || !this.threadId || this.room() !== 'live') return;
    if (now - this.lastTyping < TYPING_THROTTLE_MS) return;
    this.lastTyping = now;
    socket.emit('thread:typing', this.threadId);
  }

  /** Leaves the room (the connection stays open). */
  leave(): void {
    const socket = this.realtime.current();
    if (socket?.connected && this.threadId) socket.emit('thread:leave', this.threadId);
    this.threadId = null;
    this.joinedOnce = false;
    this.room.set('idle');
  }

  ngOnDestroy(): void {
    this.leave();
    this.subscription.unsubscribe();
  }

  private enter(): void {
    const socket = this.realtime.current();
    const threadId = this.threadId;
    if (!socket || !threadId) return;
    this.room.set('joining');
    socket.emit('thread:join', { threadId, lastSeenId: this.lastSeen() ?? 0 }, (result: ThreadJoinResult) => {
      if (threadId !== this.threadId) return;
      if (!result?.ok) {
        this.room.set('refused');
        return;
      }
      this.room.set('live');
      this.replays.next({ missed: result.missed ?? [], hasMore: !!result.hasMore, rejoin: this.joinedOnce });
      this.joinedOnce = true;
    });
  }
}
