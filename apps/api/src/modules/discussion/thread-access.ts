import type { ThreadSubjectType } from '@allmende/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { isGroupLead, isGroupMember, isSignatory } from '../../common/membership-sql';

/** SQL: the working group thread `t` belongs to (its own, its meeting's, its card's board's), or null. */
export const THREAD_GROUP = `(CASE t.subject_type
    WHEN 'group' THEN t.subject_id
    WHEN 'meeting' THEN (SELECT m.group_id FROM meeting m WHERE m.id = t.subject_id)
    WHEN 'card' THEN (SELECT b.group_id FROM card c JOIN board b ON b.id = c.board_id WHERE c.id = t.subject_id)
  END)`;

/**
 * SQL: person `p` (a uuid expression) may read and write thread `t`: the group's members,
 * a meeting's registered participants and whoever runs it, a card's board editors (the
 * group's members; for the alliance board's joint strategy, the signatories), signatories
 * for alliance topics. The office is decided by the caller (it reads all).
 */
export function canReadThread(p: string): string {
  const signatory = isSignatory(p);
  return `(CASE t.subject_type
    WHEN 'alliance' THEN ${signatory}
    WHEN 'group' THEN ${isGroupMember('t.subject_id', p)}
    WHEN 'meeting' THEN EXISTS (SELECT 1 FROM meeting_registration r WHERE r.meeting_id = t.subject_id AND r.person_id = ${p} AND r.status = 'registered')
                     OR coalesce((SELECT ${isGroupLead('m.group_id', p)} FROM meeting m WHERE m.id = t.subject_id), false)
    WHEN 'card' THEN coalesce((SELECT CASE WHEN b.group_id IS NULL THEN ${signatory} ELSE ${isGroupMember('b.group_id', p)} END
                                 FROM card c JOIN board b ON b.id = c.board_id WHERE c.id = t.subject_id), false)
  END)`;
}

/** SQL: person `p` moderates thread `t` as a lead of the group it belongs to (the office moderates all). */
export function canModerateThread(p: string): string {
  return `coalesce((SELECT ${isGroupLead('g.gid', p)} FROM (SELECT ${THREAD_GROUP} AS gid) g WHERE g.gid IS NOT NULL), false)`;
}

export interface ThreadRow {
  id: string;
  subject_type: ThreadSubjectType;
  subject_id: string | null;
  title: string;
  locked_at: Date | null;
  group_id: string | null;
}

export interface ThreadAccess {
  thread: ThreadRow;
  canModerate: boolean;
}

/** Loads a thread the caller may read (404 otherwise, so hidden threads do not leak). */
export async function threadAccess(em: EntityManager | DataSource, threadId: string, user: AuthUser | undefined): Promise<ThreadAccess> {
  if (!user) throw DomainError.notFound('Thread');
  const office = isOffice(user);
  const [row] = await em.query(
    `SELECT t.id, t.subject_type, t.subject_id, t.title, t.locked_at, ${THREAD_GROUP} AS group_id,
            ${office ? '($2::uuid IS NOT NULL)' : canReadThread('$2::uuid')} AS can_read, ${office ? 'true' : canModerateThread('$2::uuid')} AS can_moderate
       FROM thread t WHERE t.id = $1`,
    [threadId, user.id],
  );
  if (!row?.can_read) throw DomainError.notFound('Thread');
  const { can_read, can_moderate, ...thread } = row;
  void can_read;
  return { thread, canModerate: can_moderate };
}

/** Checks that the subject of a new thread exists and that the caller may read (so write) it. */
export async function requireSubjectAccess(em: EntityManager, subjectType: ThreadSubjectType, subjectId: string | null, user: AuthUser): Promise<string | null> {
  const [row] = await em.query(
    `SELECT ${isOffice(user) ? '($3::uuid IS NOT NULL)' : canReadThread('$3::uuid')} AS can_read,
            CASE t.subject_type WHEN 'group' THEN (SELECT name FROM working_group WHERE id = t.subject_id)
                                WHEN 'meeting' THEN (SELECT title FROM meeting WHERE id = t.subject_id)
                                WHEN 'card' THEN (SELECT title FROM card WHERE id = t.subject_id AND deleted_at IS NULL) END AS subject_title
       FROM (SELECT $1::text AS subject_type, $2::uuid AS subject_id) t`,
    [subjectType, subjectId, user.id],
  );
  if (subjectType !== 'alliance' && !row.subject_title) throw DomainError.notFound('Subject');
  if (!row.can_read) throw DomainError.forbidden('Only those who take part in it may discuss here');
  return row.subject_title;
}
