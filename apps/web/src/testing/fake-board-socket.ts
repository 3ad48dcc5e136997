import { signal } from '@angular/core';
import type { BoardChangesPayload } from '@allmende/contracts';
import { Subject } from 'rxjs';
import type { BoardRoomState } from '../app/features/boards/board-socket';

/** Stands in for BoardSocket: tests push room events by hand. */
export class FakeBoardSocket {
  readonly changes = new Subject<BoardChangesPayload>();
  readonly rejoins = new Subject<void>();
  readonly state = signal<BoardRoomState>('idle');
  readonly changes$ = this.changes.asObservable();
  readonly rejoined$ = this.rejoins.asObservable();
  readonly joined: string[] = [];
  left = 0;
  /** What the server answers to a join. */
  joinAnswer: BoardRoomState = 'live';

  join(boardId: string): Promise<void> {
    this.joined.push(boardId);
    this.state.set(this.joinAnswer);
    return Promise.resolve();
  }

  leave(): void {
    this.left++;
    this.state.set('idle');
  }
}
