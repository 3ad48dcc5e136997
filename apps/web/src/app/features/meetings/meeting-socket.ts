import { Injectable, OnDestroy, inject } from '@angular/core';
import type { PollDto } from '@allmende/contracts';
import { Observable, filter, map } from 'rxjs';
import { RealtimeRoom, type RoomState } from '../../core/realtime/realtime-room';
import { SharedRealtime } from '../../core/realtime/shared-realtime';

/** A poll as the meeting room broadcasts it: everyone's counts, without anybody's own dots. */
export type SharedPoll = Omit<PollDto, 'myDots'>;

/** Where a meeting page's live room stands (see RoomState; refused: not registered, or not running it). */
export type MeetingRoomState = RoomState;

/**
 * The live room of one meeting page, on the app's shared connection (provide it in the
 * page component, so leaving the page leaves the room). After a reconnect the room is
 * joined again and `rejoined$` tells the page to reload what it may have missed
 * (socket.io does not buffer events for a disconnected client).
 */
@Injectable()
export class MeetingSocket implements OnDestroy {
  private readonly realtime = inject(SharedRealtime);
  private readonly room = new RealtimeRoom(this.realtime, 'meeting');
  private readonly ofThisMeeting = <T extends { meetingId: string }>(source: Observable<T>) =>
    source.pipe(filter((payload) => payload.meetingId === this.room.current));

  /** Where the connection stands (for a status line). */
  readonly state = this.room.state;
  /** 'poll:updated' of the joined meeting. */
  readonly pollUpdated$: Observable<SharedPoll> = this.realtime.on('poll:updated').pipe(this.ofThisMeeting);
  /** 'meeting:checked-in' of the joined meeting: the number checked in so far. */
  readonly checkedIn$: Observable<number> = this.realtime.on('meeting:checked-in').pipe(this.ofThisMeeting, map((p) => p.count));
  /** 'meeting:small-groups' of the joined meeting: small groups changed, reload them. */
  readonly smallGroupsChanged$: Observable<void> = this.realtime.on('meeting:small-groups').pipe(this.ofThisMeeting, map(() => undefined));
  /** The room was joined again after the connection dropped: reload state over HTTP. */
  readonly rejoined$ = this.room.rejoined$;

  /** Connects (once) and joins the meeting's room. */
  join(meetingId: string): Promise<void> {
    return this.room.join(meetingId);
  }

  ngOnDestroy(): void {
    this.room.destroy();
  }
}
