import { Injectable, Logger } from '@nestjs/common';

/** Domain events, emitted by services after their transaction committed. */
import type { BoardChangesPayload, MessageDto, NotificationDto, PollDto } from '@allmende/contracts';

export interface DomainEvents {
  'sessions.revoked': { sessionIds: string[] };
  'poll.updated': { poll: Omit<PollDto, 'myDots'> };
  'meeting.checked_in': { meetingId: string; count: number };
  'meeting.small_groups_changed': { meetingId: string };
  'board.changes': { payload: BoardChangesPayload };
  /** A message was posted (`updated` false) or changed; the payload is the readers' view. */
  'thread.message': { message: MessageDto; updated: boolean };
  'thread.locked': { threadId: string; locked: boolean; reason: string | null };
  'notification.created': { personId: string; notification: NotificationDto; unread: number };
}

type Listener<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => void | Promise<void>;

/** A small typed in-process event bus: services emit, listeners (e.g. the realtime gateway) react. */
@Injectable()
export class DomainEventBus {
  private readonly logger = new Logger('DomainEvents');
  private readonly listeners = new Map<keyof DomainEvents, Listener<keyof DomainEvents>[]>();

  on<K extends keyof DomainEvents>(event: K, listener: Listener<K>): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as Listener<keyof DomainEvents>);
    this.listeners.set(event, list);
  }

  emit<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      Promise.resolve()
        .then(() => listener(payload))
        .catch((err) => this.logger.error({ err, event }, 'Domain event listener failed'));
    }
  }
}
