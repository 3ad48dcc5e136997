import { Injectable, OnDestroy, inject } from '@angular/core';
import type { BoardChangesPayload } from '@allmende/contracts';
import { Observable, filter } from 'rxjs';
import { RealtimeRoom, type RoomState } from '../../core/realtime/realtime-room';
import { SharedRealtime } from '../../core/realtime/shared-realtime';

/** Where a board page's live room stands (see RoomState). */
export type BoardRoomState = RoomState;

/**
 * The live room of one board page, on the app's shared connection (provide it in the
 * page component, so leaving the page leaves the room). After a reconnect the room is
 * joined again and `rejoined$` tells the page to reload what it may have missed.
 */
@Injectable()
export class BoardSocket implements OnDestroy {
  private readonly realtime = inject(SharedRealtime);
  private readonly room = new RealtimeRoom(this.realtime, 'board');

  readonly state = this.room.state;
  /** 'board:changes' of the joined board. */
  readonly changes$: Observable<BoardChangesPayload> = this.realtime.on('board:changes').pipe(filter((p) => p.boardId === this.room.current));
  /** The room was joined again after the connection dropped: reload the board over HTTP. */
  readonly rejoined$ = this.room.rejoined$;

  /** Connects (once) and joins the board's room, leaving the room of another board first. */
  join(boardId: string): Promise<void> {
    return this.room.join(boardId);
  }

  /** Leaves the room (the connection stays open). */
  leave(): void {
    this.room.leave();
  }

  ngOnDestroy(): void {
    this.room.destroy();
  }
}
