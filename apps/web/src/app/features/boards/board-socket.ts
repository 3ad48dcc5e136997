import { Injectable, OnDestroy, computed, inject, signal } from '@angular/core';
import type { BoardChangesPayload } from '@allmende/contracts';
import { Observable, Subject } from 'rxjs';
import { RealtimeConnection } from '../../core/realtime/realtime-connection';

/**
 * idle: not asked to join; connecting: connection or room join under way; live: in the
 * board's room, changes arrive; offline: connection lost (socket.io keeps retrying);
 * refused: the server does not let this person into the room (readers, not editors).
 */
export type BoardRoomState = 'idle' | 'connecting' | 'live' | 'offline' | 'refused';

type RoomState = 'idle' | 'joining' | 'live' | 'refused';

/**
 * The live room of one board page (provide it with RealtimeConnection in the page
 * component, so leaving the page leaves the room and closes the connection). After a
 * reconnect the room is joined again and `rejoined$` tells the page to reload what it
 * may have missed.
 */
@Injectable()
export class BoardSocket implements OnDestroy {
  private readonly connection = inject(RealtimeConnection);

  private boardId: string | null = null;
  private joinedOnce = false;
  private readonly room = signal<RoomState>('idle');
  private readonly changes = new Subject<BoardChangesPayload>();
  private readonly rejoins = new Subject<void>();

  readonly state = computed<BoardRoomState>(() => {
    const room = this.room();
    if (room === 'idle' || room === 'refused') return room;
    const connection = this.connection.state();
    if (connection === 'refused') return 'refused';
    if (connection === 'offline') return 'offline';
    return room === 'live' && connection === 'connected' ? 'live' : 'connecting';
  });
  /** 'board:changes' of the joined board. */
  readonly changes$: Observable<BoardChangesPayload> = this.changes.asObservable();
  /** The room was joined again after the connection dropped: reload the board over HTTP. */
  readonly rejoined$: Observable<void> = this.rejoins.asObservable();

  constructor() {
    this.connection.listen('board:changes', (payload) => {
      if (payload.boardId === this.boardId) this.changes.next(payload);
    });
    this.connection.connected$.subscribe(() => this.enterRoom());
  }

  /** Connects (once) and joins the board's room, leaving the room of another board first. */
  async join(boardId: string): Promise<void> {
    if (this.boardId === boardId && this.room() !== 'idle') return;
    if (this.boardId) this.leave();
    this.boardId = boardId;
    this.joinedOnce = false;
    this.room.set('joining');
    const socket = await this.connection.open();
    // not yet connected: the 'connect' event enters the room
    if (socket?.connected && this.boardId === boardId) this.enterRoom();
  }

  /** Leaves the room (the connection stays open for another board). */
  leave(): void {
    const socket = this.connection.current();
    if (socket?.connected && this.boardId) socket.emit('board:leave', this.boardId);
    this.boardId = null;
    this.joinedOnce = false;
    this.room.set('idle');
  }

  ngOnDestroy(): void {
    this.leave();
    this.connection.close();
  }

  private enterRoom(): void {
    const socket = this.connection.current();
    const boardId = this.boardId;
    if (!socket || !boardId) return;
    this.room.set('joining');
    socket.emit('board:join', boardId, (result) => {
      if (boardId !== this.boardId) return;
      if (!result?.ok) {
        this.room.set('refused');
        return;
      }
      this.room.set('live');
      if (this.joinedOnce) this.rejoins.next();
      this.joinedOnce = true;
    });
  }
}
