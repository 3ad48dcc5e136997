import { Injectable } from '@nestjs/common';
import type { DigestFrequency, NotificationDto, NotificationKind, NotificationPage } from '@allmende/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainEventBus } from '../../common/domain-events';
import { notificationLink, notificationText, type NotificationData } from './notification-text';

export interface NewNotification {
  kind: NotificationKind;
  threadId?: string | null;
  messageId?: number | null;
  meetingId?: string | null;
  data: NotificationData;
}

interface NotificationRow {
  id: string;
  person_id: string;
  kind: NotificationKind;
  thread_id: string | null;
  message_id: string | null;
  meeting_id: string | null;
  data: NotificationData;
  created_at: Date;
  read_at: Date | null;
  locale?: 'de' | 'en';
}

export function toNotificationDto(r: NotificationRow, locale: 'de' | 'en'): NotificationDto {
  return {
    id: String(r.id),
    kind: r.kind,
    text: notificationText(r.kind, r.data, locale),
    link: notificationLink(r.kind, r),
    createdAt: new Date(r.created_at).toISOString(),
    read: !!r.read_at,
  };
}

/**
 * In-app notifications: written in the transaction of what caused them, pushed live
 * to the person's sockets after commit, summed up in the e-mail digest.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  /** Inside the caller's transaction; pass the answer to `publish` after commit. */
  async notify(em: EntityManager, personIds: string[], n: NewNotification): Promise<string[]> {
    const unique = [...new Set(personIds)];
    if (!unique.length) return [];
    const rows: { id: string }[] = await em.query(
      `INSERT INTO notification (person_id, kind, thread_id, message_id, meeting_id, data)
       SELECT p.id, $2, $3, $4, $5, $6 FROM person p WHERE p.id = ANY($1::uuid[]) AND p.deleted_at IS NULL RETURNING id`,
      [unique, n.kind, n.threadId ?? null, n.messageId ?? null, n.meetingId ?? null, JSON.stringify(n.data)],
    );
    return rows.map((r) => String(r.id));
  }

  /** Tells each recipient's sockets, with their unread count. */
  async publish(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const rows: (NotificationRow & { locale: 'de' | 'en'; unread: string })[] = await this.ds.query(
      `SELECT n.*, p.locale, (SELECT count(*) FROM notification u WHERE u.person_id = n.person_id AND u.read_at IS NULL) AS unread
         FROM notification n JOIN person p ON p.id = n.person_id WHERE n.id = ANY($1::bigint[])`,
      [ids],
    );
    for (const r of rows) {
      this.events.emit('notification.created', { personId: r.person_id, notification: toNotificationDto(r, r.locale), unread: Number(r.unread) });
    }
  }

  async list(user: AuthUser): Promise<NotificationPage> {
    const rows: (NotificationRow & { locale: 'de' | 'en' })[] = await this.ds.query(
      `SELECT n.*, p.locale FROM notification n JOIN person p ON p.id = n.person_id WHERE n.person_id = $1 ORDER BY n.id DESC LIMIT 50`,
      [user.id],
    );
    const [{ unread }] = await this.ds.query(`SELECT count(*) AS unread FROM notification WHERE person_id = $1 AND read_at IS NULL`, [user.id]);
    return { items: rows.map((r) => toNotificationDto(r, r.locale)), unread: Number(unread) };
  }

  /** Marks the given notifications (or all) as read. */
  async markRead(user: AuthUser, ids: string[] | undefined): Promise<void> {
    await this.ds.query(
      `UPDATE notification SET read_at = now() WHERE person_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
      [user.id, ids ?? null],
    );
  }

  async settings(user: AuthUser): Promise<{ digest: DigestFrequency }> {
    const [row] = await this.ds.query(`SELECT digest FROM person WHERE id = $1`, [user.id]);
    return { digest: row.digest };
  }

  async saveSettings(user: AuthUser, digest: DigestFrequency): Promise<{ digest: DigestFrequency }> {
    await this.ds.query(`UPDATE person SET digest = $2 WHERE id = $1`, [user.id, digest]);
    return { digest };
  }
}
