import { Injectable, OnDestroy, inject } from '@angular/core';
import type { MessageDto, NamedRef, ThreadJoinResult } from '@allmende/contracts';
import { Observable, filter, map } from 'rxjs';
import { RealtimeRoom, type RoomState } from '../../core/realtime/realtime-room';
import { SharedRealtime } from '../../core/realtime/shared-realtime';

/** Where a thread page's live room stands (see RoomState). */
export type ThreadRoomState = RoomState;

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
  private lastSeen: () => number | null = () => null;
  private lastTyping = 0;
  private readonly room = new RealtimeRoom<ThreadJoinResult>(this.realtime, 'thread', (threadId) => ({
    threadId,
    lastSeenId: this.lastSeen() ?? 0,
  }));
  private readonly ofThisThread = <T extends { threadId: string }>(source: Observable<T>) =>
    source.pipe(filter((payload) => payload.threadId === this.room.current));

  readonly state = this.room.state;
  /** After each join: what was missed since the highest id the page had. */
  readonly replay$: Observable<ThreadReplay> = this.room.joined$.pipe(
    map(({ result, rejoin }) => ({ missed: result.missed ?? [], hasMore: !!result.hasMore, rejoin })),
  );
  /** A new message in this thread (may also come with a replay or the answer to a post). */
  readonly message$ = this.realtime.on('thread:message').pipe(this.ofThisThread);
  /** A message was edited, deleted, hidden or reacted to (reactions without anybody's own flag). */
  readonly updated$ = this.realtime.on('thread:message-updated').pipe(this.ofThisThread);
  readonly typing$: Observable<NamedRef> = this.realtime.on('thread:typing').pipe(this.ofThisThread, map((p) => p.person));
  readonly presence$: Observable<NamedRef[]> = this.realtime.on('thread:presence').pipe(this.ofThisThread, map((p) => p.readers));
  readonly locked$ = this.realtime.on('thread:locked').pipe(this.ofThisThread);

  /**
   * Joins the thread's room (connecting first when needed). `lastSeen` tells, at every
   * (re)join, the highest message id the page has: the replay starts after it.
   */
  join(threadId: string, lastSeen: () => number | null): Promise<void> {
    this.lastSeen = lastSeen;
    return this.room.join(threadId);
  }

  /** Tells the room I am typing (at most every TYPING_THROTTLE_MS). */
  typing(now = Date.now()): void {
    const socket = this.realtime.current();
    const threadId = this.room.current;
    if (!socket?.connected || !threadId || this.room.state() !== 'live') return;
    if (now - this.lastTyping < TYPING_THROTTLE_MS) return;
    this.lastTyping = now;
    socket.emit('thread:typing', threadId);
  }

  /** Leaves the room (the connection stays open). */
  leave(): void {
    this.room.leave();
  }

  ngOnDestroy(): void {
    this.room.destroy();
  }
}
