import { Injectable } from '@nestjs/common';
import {
  REACTIONS,
  type CreateThreadRequest,
  type MessageAttachmentDto,
  type MessageDto,
  type MessageListQuery,
  type MessagePage,
  type MessageRevisionDto,
  type NamedRef,
  type PostMessageRequest,
  type ThreadDto,
  type ThreadListQuery,
} from '@allmende/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { DomainEventBus } from '../../common/domain-events';
import { checkUpload, type UploadedDocument } from '../../common/uploads';
import { NotificationsService } from '../notifications/notifications.service';
import { participationInsert } from '../participation/participation';
import { loadMessage, mentionedIds, MESSAGE_FROM, messageColumns, toMessageDto, type MessageRow } from './message-view';
import { canModerateThread, canReadThread, requireSubjectAccess, threadAccess, THREAD_GROUP, type ThreadAccess } from './thread-access';

export const DiscussionErrors = {
  Locked: 'THREAD_LOCKED',
  Muted: 'MUTED',
  RateLimited: 'RATE_LIMITED',
  ClientIdReused: 'CLIENT_ID_REUSED',
  UnknownParent: 'UNKNOWN_PARENT',
  UnknownAttachment: 'UNKNOWN_ATTACHMENT',
  NotAuthor: 'NOT_AUTHOR',
  UnknownReaction: 'UNKNOWN_REACTION',
} as const;

/** Posting limits per person, across all threads and instances (counted in the database). */
export const POST_LIMITS = [
  { seconds: 10, max: 8 },
  { seconds: 600, max: 120 },
];

/** 403 with the end of the mute in `until`, so the composer can say when posting is possible again. */
const mutedError = (until: string | Date) => {
  const end = new Date(until).toISOString();
  return new DomainError(DiscussionErrors.Muted, 403, `You are muted in this group until ${end}`, undefined, { until: end });
};

/** 429 when the author's recent messages (`posted.w<i>`, counted per POST_LIMITS window) reach a limit. */
function checkRate(posted: Record<string, number | string>): void {
  const hit = POST_LIMITS.find((l, i) => Number(posted[`w${i}`]) >= l.max);
  if (hit) {
    throw new DomainError(DiscussionErrors.RateLimited, 429, `At most ${hit.max} messages per ${hit.seconds} seconds; please wait a moment`, undefined, {
      retryAfterSeconds: hit.seconds,
    });
  }
}

interface ThreadListRow {
  id: string;
  subject_type: ThreadDto['subjectType'];
  subject_id: string | null;
  subject_title: string | null;
  title: string;
  created_by: string | null;
  creator_name: string | null;
  created_at: Date;
  last_message_at: Date | null;
  message_count: number;
  unread: string;
  locked_at: Date | null;
  lock_reason: string | null;
  can_moderate: boolean;
}

const SUBJECT_TITLE = `CASE t.subject_type WHEN 'group' THEN (SELECT name FROM working_group WHERE id = t.subject_id)
                                         WHEN 'meeting' THEN (SELECT title FROM meeting WHERE id = t.subject_id)
                                         WHEN 'card' THEN (SELECT title FROM card WHERE id = t.subject_id) END`;

/**
 * Threads and messages. Every write is one transaction that also records the
 * participation event and the notifications; the room hears of it after commit.
 */
@Injectable()
export class DiscussionService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: DomainEventBus,
    private readonly notifications: NotificationsService,
  ) {}

  /* ---------- threads ---------- */

  private async threadRows(user: AuthUser, where: string, params: unknown[]): Promise<ThreadDto[]> {
    const office = isOffice(user);
    const rows: ThreadListRow[] = await this.ds.query(
      `SELECT t.*, ${SUBJECT_TITLE} AS subject_title, p.display_name AS creator_name,
              (SELECT count(*) FROM message m WHERE m.thread_id = t.id AND m.deleted_at IS NULL
                 AND m.id > coalesce((SELECT last_read_id FROM thread_read r WHERE r.thread_id = t.id AND r.person_id = $1), 0)) AS unread,
              ${office ? 'true' : canModerateThread('$1::uuid')} AS can_moderate
         FROM thread t LEFT JOIN person p ON p.id = t.created_by
        WHERE ${office ? 'true' : canReadThread('$1::uuid')} AND ${where}
        ORDER BY coalesce(t.last_message_at, t.created_at) DESC LIMIT 200`,
      [user.id, ...params],
    );
    return rows.map((r) => ({
      id: r.id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      subjectTitle: r.subject_title,
      title: r.title,
      createdBy: r.created_by ? { id: r.created_by, name: r.creator_name ?? '' } : null,
      createdAt: new Date(r.created_at).toISOString(),
      lastMessageAt: r.last_message_at ? new Date(r.last_message_at).toISOString() : null,
      messageCount: r.message_count,
      unread: Number(r.unread),
      locked: !!r.locked_at,
      lockReason: r.lock_reason,
      permissions: { canPost: !r.locked_at, canModerate: r.can_moderate },
    }));
  }

  list(query: ThreadListQuery, user: AuthUser): Promise<ThreadDto[]> {
    return this.threadRows(user, `($2::text IS NULL OR t.subject_type = $2) AND ($3::uuid IS NULL OR t.subject_id = $3)`, [
      query.subjectType ?? null,
      query.subjectId ?? null,
    ]);
  }

  async get(threadId: string, user: AuthUser): Promise<ThreadDto> {
    await threadAccess(this.ds, threadId, user);
    const [thread] = await this.threadRows(user, `t.id = $2`, [threadId]);
    return thread;
  }

  /**
   * Opens a thread with its first message. The same client id again (a double click, a
   * resent request) answers the thread it opened, also when both arrive at once.
   */
  async create(req: CreateThreadRequest, user: AuthUser): Promise<{ thread: ThreadDto; message: MessageDto; created: boolean }> {
    const subjectId = req.subjectType === 'alliance' ? null : (req.subjectId ?? null);
    if (req.subjectType !== 'alliance' && !subjectId) throw DomainError.badRequest('A thread about a group, meeting or card names it', 'SUBJECT_REQUIRED');
    const { threadId, notified, message, created } = await this.ds.transaction(async (em) => {
      const subjectTitle = await requireSubjectAccess(em, req.subjectType, subjectId, user);
      const [t] = await em.query(`INSERT INTO thread (subject_type, subject_id, title, created_by) VALUES ($1,$2,$3,$4) RETURNING id`, [
        req.subjectType, subjectId, req.title, user.id,
      ]);
      const access: ThreadAccess = { thread: { id: t.id, subject_type: req.subjectType, subject_id: subjectId, title: req.title, locked_at: null, group_id: null }, canModerate: false };
      const posted = await this.insertMessage(em, access, { clientId: req.clientId, body: req.body }, user);
      if (!posted.created) {
        // the same start again (earlier, or at the same time): the first one stored the message, this thread stays empty and goes
        await em.query(`DELETE FROM thread WHERE id = $1`, [t.id]);
        return { threadId: posted.message.threadId, notified: [], message: posted.message, created: false };
      }
      // the members of a group hear of a new topic there
      const notified = [...posted.notified];
      if (req.subjectType === 'group') {
        const members: { person_id: string }[] = await em.query(
          `SELECT person_id FROM group_membership WHERE group_id = $1 AND ended_at IS NULL AND status = 'member' AND person_id <> $2`,
          [subjectId, user.id],
        );
        notified.push(
          ...(await this.notifications.notify(em, members.map((m) => m.person_id), {
            kind: 'new_thread',
            threadId: t.id,
            data: { threadTitle: req.title, groupName: subjectTitle ?? '' },
          })),
        );
      }
      return { threadId: t.id as string, notified, message: posted.message, created: true };
    });
    await this.notifications.publish(notified);
    return { thread: await this.get(threadId, user), message, created };
  }

  /* ---------- messages ---------- */

  async messages(threadId: string, query: MessageListQuery, user: AuthUser): Promise<MessagePage> {
    const { canModerate } = await threadAccess(this.ds, threadId, user);
    return this.page(this.ds, threadId, query, user.id, canModerate);
  }

  /** Messages after `after` (oldest first) or before `before` (the newest page when neither). */
  async page(em: EntityManager | DataSource, threadId: string, query: MessageListQuery, viewer: string, moderator: boolean): Promise<MessagePage> {
    const limit = Math.min(query.limit ?? 50, 200);
    const forward = query.after !== undefined;
    const rows: MessageRow[] = await em.query(
      `SELECT ${messageColumns('$2')} ${MESSAGE_FROM}
        WHERE m.thread_id = $1 AND ($3::bigint IS NULL OR m.id > $3) AND ($4::bigint IS NULL OR m.id < $4)
        ORDER BY m.id ${forward ? 'ASC' : 'DESC'} LIMIT $5`,
      [threadId, viewer, query.after ?? null, query.before ?? null, limit + 1],
    );
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    if (!forward) page.reverse();
    return { items: page.map((r) => toMessageDto(r, moderator)), hasMore };
  }

  /** Posts a message; the same client id again answers the stored message without a second one. */
  async post(threadId: string, req: PostMessageRequest, user: AuthUser): Promise<{ message: MessageDto; created: boolean }> {
    const result = await this.ds.transaction(async (em) => {
      const access = await threadAccess(em, threadId, user);
      const result = await this.insertMessage(em, access, req, user);
      if (!result.created && result.message.threadId !== threadId) {
        throw DomainError.conflict('This client id was used for another message', DiscussionErrors.ClientIdReused);
      }
      return result;
    });
    if (result.created) {
      this.events.emit('thread.message', { message: result.message, updated: false });
      await this.notifications.publish(result.notified);
    }
    return { message: result.message, created: result.created };
  }

  private async insertMessage(
    em: EntityManager,
    { thread, canModerate }: ThreadAccess,
    req: PostMessageRequest,
    user: AuthUser,
  ): Promise<{ message: MessageDto; created: boolean; notified: string[] }> {
    // everything the post depends on, in one statement: an earlier post with this client id, a mute, the rate, the parent
    const [pre] = await em.query(
      `SELECT (SELECT json_build_object('id', m.id, 'threadId', m.thread_id) FROM message m WHERE m.author_id = $1 AND m.client_id = $2) AS existing,
              (SELECT gm.until FROM thread t JOIN group_mute gm ON gm.group_id = ${THREAD_GROUP}
                WHERE t.id = $3 AND gm.person_id = $1 AND gm.until > now() ORDER BY gm.until DESC LIMIT 1) AS muted_until,
              (SELECT json_build_object(${POST_LIMITS.map((l, i) => `'w${i}', count(*) FILTER (WHERE m.created_at > now() - make_interval(secs => ${l.seconds}))`).join(', ')})
                 FROM message m WHERE m.author_id = $1 AND m.created_at > now() - make_interval(secs => $5)) AS posted,
              (SELECT json_build_object('author', m.author_id) FROM message m WHERE m.id = $4 AND m.thread_id = $3) AS parent,
              (SELECT p.display_name FROM person p WHERE p.id = $1) AS actor`,
      [user.id, req.clientId, thread.id, req.parentId ?? null, Math.max(...POST_LIMITS.map((l) => l.seconds))],
    );
    // the caller decides what an earlier post in another thread means
    if (pre.existing) {
      return { message: await loadMessage(em, pre.existing.id, user.id, canModerate), created: false, notified: [] };
    }
    if (thread.locked_at) throw DomainError.conflict('The thread is locked', DiscussionErrors.Locked);
    if (pre.muted_until) throw mutedError(pre.muted_until);
    checkRate(pre.posted);
    if (req.parentId && !pre.parent) throw DomainError.badRequest('The message replied to is not in this thread', DiscussionErrors.UnknownParent);
    const parentAuthor: string | null = pre.parent?.author ?? null;
    // the message, the thread's counters, the author's read mark and the participation event in one statement;
    // ON CONFLICT: two concurrent retries of one post store it once
    const inserted: { id: string }[] = await em.query(
      `WITH posted AS (
         INSERT INTO message (thread_id, author_id, client_id, parent_id, body) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id),
       counted AS (UPDATE thread SET last_message_at = now(), message_count = message_count + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM posted)),
       read_mark AS (
         INSERT INTO thread_read (thread_id, person_id, last_read_id) SELECT $1, $2, id FROM posted
         ON CONFLICT (thread_id, person_id) DO UPDATE SET last_read_id = greatest(thread_read.last_read_id, EXCLUDED.last_read_id)),
       participation AS (${participationInsert(
         { person: '$2::uuid', kind: `'message_posted'`, subjectType: `'thread'`, subjectId: '$1::uuid', data: '$6::jsonb' },
         'posted',
       )})
       SELECT id FROM posted`,
      [
        thread.id, user.id, req.clientId, req.parentId ?? null, req.body,
        JSON.stringify({ subjectType: thread.subject_type, subjectId: thread.subject_id, reply: !!req.parentId }),
      ],
    );
    if (!inserted.length) {
      const [again] = await em.query(`SELECT id FROM message WHERE author_id = $1 AND client_id = $2`, [user.id, req.clientId]);
      return { message: await loadMessage(em, again.id, user.id, canModerate), created: false, notified: [] };
    }
    const id = inserted[0].id;
    if (req.attachmentIds?.length) {
      const [rows] = await em.query(
        `UPDATE message_attachment SET message_id = $1 WHERE id = ANY($2::uuid[]) AND thread_id = $3 AND uploaded_by = $4 AND message_id IS NULL RETURNING id`,
        [id, req.attachmentIds, thread.id, user.id],
      );
      if ((rows?.length ?? 0) !== new Set(req.attachmentIds).size) throw DomainError.badRequest('Unknown attachment', DiscussionErrors.UnknownAttachment);
    }

    // mentions notify only those who may read the thread
    const actor: string = pre.actor;
    const candidates = mentionedIds(req.body).filter((p) => p !== user.id);
    const readers: { id: string }[] = candidates.length
      ? await em.query(
          `SELECT p.id FROM person p, thread t WHERE t.id = $1 AND p.id = ANY($2::uuid[]) AND p.deleted_at IS NULL
              AND (${canReadThread('p.id')} OR p.roles && ARRAY['moderator','admin']::text[])`,
          [thread.id, candidates],
        )
      : [];
    const mentioned = readers.map((r) => r.id);
    if (mentioned.length) await em.query(`INSERT INTO message_mention (message_id, person_id) SELECT $1, unnest($2::uuid[])`, [id, mentioned]);
    const data = { actor, threadTitle: thread.title };
    const notified = [
      ...(await this.notifications.notify(em, mentioned, { kind: 'mention', threadId: thread.id, messageId: Number(id), data })),
      ...(parentAuthor && parentAuthor !== user.id && !mentioned.includes(parentAuthor)
        ? await this.notifications.notify(em, [parentAuthor], { kind: 'reply', threadId: thread.id, messageId: Number(id), data })
        : []),
    ];
    return { message: await loadMessage(em, id, user.id, canModerate), created: true, notified };
  }

  /** A message the caller may act on, with their rights in its thread. */
  private async messageAccess(em: EntityManager | DataSource, messageId: number, user: AuthUser, lock = false) {
    const [row] = await em.query(`SELECT id, thread_id, author_id, body, deleted_at FROM message WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [messageId]);
    if (!row) throw DomainError.notFound('Message');
    const access = await threadAccess(em, row.thread_id, user);
    return { message: row as { id: string; thread_id: string; author_id: string | null; body: string; deleted_at: Date | null }, access };
  }

  private async afterUpdate(messageId: number | string): Promise<MessageDto> {
    // the room gets the readers' view (no "mine" reactions, hidden text removed)
    const forRoom = await loadMessage(this.ds, messageId, null, false);
    this.events.emit('thread.message', { message: forRoom, updated: true });
    return forRoom;
  }

  /** Authors edit their messages; every earlier text is kept. */
  async edit(messageId: number, body: string, user: AuthUser): Promise<MessageDto> {
    const access = await this.ds.transaction(async (em) => {
      const { message, access } = await this.messageAccess(em, messageId, user, true);
      if (message.author_id !== user.id) throw DomainError.forbidden('Only the author may edit a message', DiscussionErrors.NotAuthor);
      if (message.deleted_at) throw DomainError.conflict('The message was deleted', 'MESSAGE_DELETED');
      if (access.thread.locked_at) throw DomainError.conflict('The thread is locked', DiscussionErrors.Locked);
      await em.query(`INSERT INTO message_revision (message_id, body) VALUES ($1,$2)`, [messageId, message.body]);
      await em.query(`UPDATE message SET body = $2, edited_at = now() WHERE id = $1`, [messageId, body]);
      return access;
    });
    await this.afterUpdate(messageId);
    return loadMessage(this.ds, messageId, user.id, access.canModerate);
  }

  async revisions(messageId: number, user: AuthUser): Promise<MessageRevisionDto[]> {
    const { message, access } = await this.messageAccess(this.ds, messageId, user);
    if (message.author_id !== user.id && !access.canModerate) throw DomainError.forbidden('The earlier versions are for the author and moderators');
    const rows = await this.ds.query(`SELECT body, edited_at FROM message_revision WHERE message_id = $1 ORDER BY id`, [messageId]);
    return rows.map((r: { body: string; edited_at: Date }) => ({ body: r.body, editedAt: new Date(r.edited_at).toISOString() }));
  }

  /** Soft delete by the author or a moderator: the message stays as "deleted" in the thread. */
  async remove(messageId: number, user: AuthUser): Promise<void> {
    await this.ds.transaction(async (em) => {
      const { message, access } = await this.messageAccess(em, messageId, user, true);
      if (message.author_id !== user.id && !access.canModerate) throw DomainError.forbidden('Only the author or a moderator may delete a message');
      await em.query(`UPDATE message SET deleted_at = coalesce(deleted_at, now()) WHERE id = $1`, [messageId]);
      if (message.author_id !== user.id) {
        await em.query(`INSERT INTO moderation_log (actor_id, action, subject_type, subject_id, data) VALUES ($1,'delete','message',$2,'{}')`, [user.id, String(messageId)]);
      }
    });
    await this.afterUpdate(messageId);
  }

  /** Toggles the caller's reaction. */
  async react(messageId: number, emoji: string, user: AuthUser): Promise<MessageDto> {
    if (!REACTIONS.includes(emoji)) throw DomainError.badRequest(`Reactions: ${REACTIONS.join(' ')}`, DiscussionErrors.UnknownReaction);
    const access = await this.ds.transaction(async (em) => {
      const { message, access } = await this.messageAccess(em, messageId, user);
      if (message.deleted_at) throw DomainError.conflict('The message was deleted', 'MESSAGE_DELETED');
      const [rows] = await em.query(`DELETE FROM message_reaction WHERE message_id = $1 AND person_id = $2 AND emoji = $3 RETURNING emoji`, [messageId, user.id, emoji]);
      if (!rows?.length) await em.query(`INSERT INTO message_reaction (message_id, person_id, emoji) VALUES ($1,$2,$3)`, [messageId, user.id, emoji]);
      return access;
    });
    await this.afterUpdate(messageId);
    return loadMessage(this.ds, messageId, user.id, access.canModerate);
  }

  /** Marks the thread read up to a message. */
  async markRead(threadId: string, lastReadId: number, user: AuthUser): Promise<void> {
    await threadAccess(this.ds, threadId, user);
    await this.ds.query(
      `INSERT INTO thread_read (thread_id, person_id, last_read_id) VALUES ($1,$2,$3)
       ON CONFLICT (thread_id, person_id) DO UPDATE SET last_read_id = greatest(thread_read.last_read_id, EXCLUDED.last_read_id)`,
      [threadId, user.id, lastReadId],
    );
  }

  /** Persons who may read the thread, for the composer's @-autocomplete. */
  async mentionable(threadId: string, q: string, user: AuthUser): Promise<NamedRef[]> {
    await threadAccess(this.ds, threadId, user);
    const rows = await this.ds.query(
      `SELECT p.id, p.display_name AS name FROM person p, thread t
        WHERE t.id = $1 AND p.deleted_at IS NULL AND p.email_verified_at IS NOT NULL AND p.display_name ILIKE '%' || $2 || '%'
          AND (${canReadThread('p.id')} OR p.roles && ARRAY['moderator','admin']::text[])
        ORDER BY p.display_name LIMIT 10`,
      [threadId, q],
    );
    return rows;
  }

  async upload(threadId: string, file: UploadedDocument | undefined, user: AuthUser): Promise<MessageAttachmentDto> {
    const { filename, contentType, content } = checkUpload(file);
    await threadAccess(this.ds, threadId, user);
    const [a] = await this.ds.query(
      `INSERT INTO message_attachment (thread_id, filename, content_type, size_bytes, content, uploaded_by) VALUES ($1,$2,$3,$4,$5,$6)
       RETURNING id, filename, content_type, size_bytes`,
      [threadId, filename, contentType, content.length, content, user.id],
    );
    return { id: a.id, filename: a.filename, contentType: a.content_type, sizeBytes: a.size_bytes };
  }

  async attachment(messageId: number, attachmentId: string, user: AuthUser): Promise<{ filename: string; contentType: string; content: Buffer }> {
    const { message, access } = await this.messageAccess(this.ds, messageId, user);
    const [hidden] = await this.ds.query(`SELECT hidden_at FROM message WHERE id = $1`, [messageId]);
    if (message.deleted_at || (hidden.hidden_at && !access.canModerate)) throw DomainError.notFound('Attachment');
    const [a] = await this.ds.query(`SELECT filename, content_type, content FROM message_attachment WHERE id = $1 AND message_id = $2`, [attachmentId, messageId]);
    if (!a) throw DomainError.notFound('Attachment');
    return { filename: a.filename, contentType: a.content_type, content: a.content };
  }
}
