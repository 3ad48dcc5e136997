import { signal } from '@angular/core';
import { Subject } from 'rxjs';
import type { PollDto } from '@allmende/contracts';
import type { MeetingRoomState, SharedPoll } from '../app/features/meetings/meeting-socket';

/** Stands in for MeetingSocket: tests push room events by hand. */
export class FakeMeetingSocket {
  readonly polls = new Subject<SharedPoll>();
  readonly checkIns = new Subject<number>();
  readonly rejoins = new Subject<void>();
  readonly smallGroups = new Subject<void>();
  readonly state = signal<MeetingRoomState>('idle');
  readonly pollUpdated$ = this.polls.asObservable();
  readonly checkedIn$ = this.checkIns.asObservable();
  readonly rejoined$ = this.rejoins.asObservable();
  readonly smallGroupsChanged$ = this.smallGroups.asObservable();
  readonly joined: string[] = [];
  disconnected = 0;

  join(meetingId: string): Promise<void> {
    this.joined.push(meetingId);
    this.state.set('live');
    return Promise.resolve();
  }

  disconnect(): void {
    this.disconnected++;
    this.state.set('idle');
  }
}

/** A poll as the room broadcasts it: without anybody's own dots. */
export function broadcast(poll: PollDto): SharedPoll {
  const copy: Partial<PollDto> = { ...poll };
  delete copy.myDots;
  return copy as SharedPoll;
}
