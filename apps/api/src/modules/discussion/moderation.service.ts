import { Injectable } from '@nestjs/common';
import type { GroupMuteDto, MessageDto, ModerationLogEntryDto, ReportDto, ThreadDto } from '@allmende/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { DomainEventBus } from '../../common/domain-events';
import { leadsGroup } from '../../common/membership-sql';
import { DiscussionService } from './discussion.service';
import { loadMessage, messageColumns, toMessageDto } from './message-view';
import { canModerateThread, threadAccess } from './thread-access';

const log = (em: EntityManager, actor: AuthUser, action: ModerationLogEntryDto['action'], subjectType: ModerationLogEntryDto['subjectType'], subjectId: string, reason: string | null, data: Record<string, unknown> = {}) =>
  em.query(`INSERT INTO moderation_log (actor_id, action, subject_type, subject_id, reason, data) VALUES ($1,$2,$3,$4,$5,$6)`, [
    actor.id, action, subjectType, subjectId, reason, JSON.stringify(data),
  ]);

interface MuteRow {
  person_id: string;
  person_name: string | null;
  until: Date;
  reason: string;
  muted_by: string | null;
  muted_by_name: string | null;
  created_at: Date;
}

/**
 * Moderation by the office (everywhere) and group leads (in their group's threads):
 * reports, hiding messages, locking threads, muting a person in a group. Every step
 * is written to the moderation log with who, why and when.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: DomainEventBus,
    private readonly discussion: DiscussionService,
  ) {}

  /** Any reader may report a message once (until the report is resolved). */
  async report(messageId: number, reason: string, user: AuthUser): Promise<void> {
    await this.ds.transaction(async (em) => {
      const [m] = await em.query(`SELECT thread_id FROM message WHERE id = $1`, [messageId]);
      if (!m) throw DomainError.notFound('Message');
      await threadAccess(em, m.thread_id, user);
      const rows = await em.query(
        `INSERT INTO message_report (message_id, reporter_id, reason) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING RETURNING id`,
        [messageId, user.id, reason],
      );
      if (!rows.length) throw DomainError.conflict('You reported this message already', 'ALREADY_REPORTED');
      await log(em, user, 'report', 'message', String(messageId), reason);
    });
  }

  private async requireModerator(em: EntityManager | DataSource, threadId: string, user: AuthUser) {
    const access = await threadAccess(em, threadId, user);
    if (!access.canModerate) throw DomainError.forbidden('Only the office and the group’s leads moderate here');
    return access;
  }

  async hide(messageId: number, hidden: boolean, reason: string | null, user: AuthUser): Promise<MessageDto> {
    await this.ds.transaction(async (em) => {
      const [m] = await em.query(`SELECT thread_id FROM message WHERE id = $1 FOR UPDATE`, [messageId]);
      if (!m) throw DomainError.notFound('Message');
      await this.requireModerator(em, m.thread_id, user);
      if (hidden && !reason) throw DomainError.badRequest('Say why the message is hidden', 'REASON_REQUIRED');
      await em.query(
        hidden
          ? `UPDATE message SET hidden_at = now(), hidden_by = $2, hidden_reason = $3 WHERE id = $1`
          : `UPDATE message SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL WHERE id = $1`,
        hidden ? [messageId, user.id, reason] : [messageId],
      );
      await log(em, user, hidden ? 'hide' : 'unhide', 'message', String(messageId), reason);
      // reports of a message a moderator acted on are settled
      await em.query(`UPDATE message_report SET resolved_at = now(), resolved_by = $2 WHERE message_id = $1 AND resolved_at IS NULL`, [messageId, user.id]);
    });
    const forRoom = await loadMessage(this.ds, messageId, null, false);
    this.events.emit('thread.message', { message: forRoom, updated: true });
    return loadMessage(this.ds, messageId, user.id, true);
  }

  async lock(threadId: string, locked: boolean, reason: string | null, user: AuthUser): Promise<ThreadDto> {
    await this.ds.transaction(async (em) => {
      await this.requireModerator(em, threadId, user);
      await em.query(
        locked
          ? `UPDATE thread SET locked_at = now(), locked_by = $2, lock_reason = $3 WHERE id = $1`
          : `UPDATE thread SET locked_at = NULL, locked_by = NULL, lock_reason = NULL WHERE id = $1`,
        locked ? [threadId, user.id, reason] : [threadId],
      );
      await log(em, user, locked ? 'lock' : 'unlock', 'thread', threadId, reason);
    });
    this.events.emit('thread.locked', { threadId, locked, reason: locked ? reason : null });
    return this.discussion.get(threadId, user);
  }

  /** Mutes a person in a group (its threads, its meetings' and its cards' threads) until a time. */
  async mute(groupId: string, personId: string, until: string, reason: string, user: AuthUser): Promise<void> {
    if (new Date(until) <= new Date()) throw DomainError.badRequest('A mute ends in the future', 'VALIDATION_FAILED');
    await this.ds.transaction(async (em) => {
      await this.requireGroupModerator(em, groupId, user);
      const person = await em.query(`SELECT 1 FROM person WHERE id = $1`, [personId]);
      if (!person.length) throw DomainError.notFound('Person');
      await em.query(
        `INSERT INTO group_mute (group_id, person_id, until, reason, muted_by) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (group_id, person_id) DO UPDATE SET until = EXCLUDED.until, reason = EXCLUDED.reason, muted_by = EXCLUDED.muted_by, created_at = now()`,
        [groupId, personId, until, reason, user.id],
      );
      await log(em, user, 'mute', 'person', personId, reason, { groupId, until });
    });
  }

  async unmute(groupId: string, personId: string, user: AuthUser): Promise<void> {
    await this.ds.transaction(async (em) => {
      await this.requireGroupModerator(em, groupId, user);
      const [rows] = await em.query(`DELETE FROM group_mute WHERE group_id = $1 AND person_id = $2 RETURNING person_id`, [groupId, personId]);
      if (!rows?.length) throw DomainError.notFound('Mute');
      await log(em, user, 'unmute', 'person', personId, null, { groupId });
    });
  }

  /** The group's mutes still in force, newest first (the same people who may mute see them). */
  async mutes(groupId: string, user: AuthUser): Promise<GroupMuteDto[]> {
    // a read of two statements (check, then list) needs no transaction
    await this.requireGroupModerator(this.ds.manager, groupId, user);
    const rows: MuteRow[] = await this.ds.query(
      `SELECT gm.person_id, p.display_name AS person_name, gm.until, gm.reason, mb.id AS muted_by, mb.display_name AS muted_by_name, gm.created_at
         FROM group_mute gm
         JOIN person p ON p.id = gm.person_id
         LEFT JOIN person mb ON mb.id = gm.muted_by AND mb.deleted_at IS NULL
        WHERE gm.group_id = $1 AND gm.until > now()
        ORDER BY gm.created_at DESC, gm.person_id`,
      [groupId],
    );
    return rows.map((r) => ({
      person: { id: r.person_id, name: r.person_name ?? '' },
      until: new Date(r.until).toISOString(),
      reason: r.reason,
      mutedBy: r.muted_by ? { id: r.muted_by, name: r.muted_by_name ?? '' } : null,
      mutedAt: new Date(r.created_at).toISOString(),
    }));
  }

  private async requireGroupModerator(em: EntityManager, groupId: string, user: AuthUser): Promise<void> {
    const [g] = await em.query(`SELECT id FROM working_group WHERE id = $1`, [groupId]);
    if (!g) throw DomainError.notFound('Working group');
    if (isOffice(user)) return;
    if (!(await leadsGroup(em, groupId, user.id))) throw DomainError.forbidden('Only the office and the group’s leads moderate here');
  }

  /** Open reports the caller may act on (the office: all; leads: their groups' threads). */
  async reports(user: AuthUser): Promise<ReportDto[]> {
    const office = isOffice(user);
    const rows = await this.ds.query(
      `SELECT r.id AS report_id, r.reason AS report_reason, r.created_at AS reported_at, r.resolved_at, rp.id AS reporter_id, rp.display_name AS reporter_name,
              t.title AS thread_title, ${messageColumns('$1')}
         FROM message_report r JOIN message m ON m.id = r.message_id JOIN thread t ON t.id = m.thread_id
         LEFT JOIN person a ON a.id = m.author_id AND a.deleted_at IS NULL
         LEFT JOIN person rp ON rp.id = r.reporter_id
        WHERE r.resolved_at IS NULL AND (${office ? 'true' : canModerateThread('$1::uuid')})
        ORDER BY r.created_at LIMIT 200`,
      [user.id],
    );
    return rows.map((r: Record<string, unknown> & Parameters<typeof toMessageDto>[0]) => ({
      id: r['report_id'] as string,
      message: toMessageDto(r, true),
      threadId: r.thread_id,
      threadTitle: r['thread_title'] as string,
      reporter: r['reporter_id'] ? { id: r['reporter_id'] as string, name: r['reporter_name'] as string } : null,
      reason: r['report_reason'] as string,
      createdAt: new Date(r['reported_at'] as Date).toISOString(),
      resolvedAt: null,
    }));
  }

  /** Settles a report without hiding the message. */
  async resolve(reportId: string, user: AuthUser): Promise<void> {
    await this.ds.transaction(async (em) => {
      const [r] = await em.query(`SELECT r.message_id, m.thread_id FROM message_report r JOIN message m ON m.id = r.message_id WHERE r.id = $1`, [reportId]);
      if (!r) throw DomainError.notFound('Report');
      await this.requireModerator(em, r.thread_id, user);
      await em.query(`UPDATE message_report SET resolved_at = now(), resolved_by = $2 WHERE id = $1 AND resolved_at IS NULL`, [reportId, user.id]);
      await log(em, user, 'resolve_report', 'message', String(r.message_id), null, { reportId });
    });
  }

  /** The moderation log (office). */
  async log(): Promise<ModerationLogEntryDto[]> {
    const rows = await this.ds.query(
      `SELECT l.*, p.display_name FROM moderation_log l LEFT JOIN person p ON p.id = l.actor_id ORDER BY l.id DESC LIMIT 500`,
    );
    return rows.map((r: { id: string; actor_id: string | null; display_name: string | null; action: ModerationLogEntryDto['action']; subject_type: ModerationLogEntryDto['subjectType']; subject_id: string; reason: string | null; at: Date; data: Record<string, unknown> }) => ({
      id: String(r.id),
      actor: r.actor_id ? { id: r.actor_id, name: r.display_name ?? '' } : null,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      reason: r.reason,
      at: new Date(r.at).toISOString(),
      data: r.data,
    }));
  }
}

