import type { MeetingVisibility } from '@allmende/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { leadsGroup } from '../../common/membership-sql';

export interface MeetingRow {
  id: string;
  kind: string;
  visibility: MeetingVisibility;
  group_id: string | null;
  capacity: number | null;
  starts_at: Date;
  ends_at: Date;
  registration_deadline: Date | null;
  cancelled_at: Date | null;
  title: string;
}

/**
 * SQL condition: meeting `m` is visible to person `$n` (null when anonymous):
 * public meetings to all, members' meetings to signed-in persons, group meetings
 * to the group's members; the office sees everything (decided by the caller).
 */
export function visibleTo(personParam: string, office: boolean): string {
  // the parameter is still referenced, so the statement's parameter count stays the same
  if (office) return `(${personParam}::uuid IS NULL OR true)`;
  return `(m.visibility = 'public'
           OR (m.visibility = 'members' AND ${personParam}::uuid IS NOT NULL)
           OR (m.visibility = 'group' AND EXISTS (SELECT 1 FROM group_membership gm WHERE gm.group_id = m.group_id
                 AND gm.person_id = ${personParam}::uuid AND gm.ended_at IS NULL AND gm.status = 'member'))
           OR EXISTS (SELECT 1 FROM meeting_registration r WHERE r.meeting_id = m.id AND r.person_id = ${personParam}::uuid AND r.status <> 'cancelled'))`;
}

/** Loads a meeting the caller may see (404 otherwise, so hidden meetings do not leak). */
export async function loadVisibleMeeting(em: EntityManager | DataSource, id: string, user: AuthUser | undefined, lock = false): Promise<MeetingRow> {
  const [row]: MeetingRow[] = await em.query(
    `SELECT m.* FROM meeting m WHERE m.id = $1 AND ${visibleTo('$2', isOffice(user))} ${lock ? 'FOR UPDATE OF m' : ''}`,
    [id, user?.id ?? null],
  );
  if (!row) throw DomainError.notFound('Meeting');
  return row;
}

/** The office runs every meeting; leads of a group run their group's sessions. */
export async function canRunMeeting(em: EntityManager | DataSource, meeting: MeetingRow, user: AuthUser | undefined): Promise<boolean> {
  if (!user) return false;
  if (isOffice(user)) return true;
  if (!meeting.group_id) return false;
  return leadsGroup(em, meeting.group_id, user.id);
}

export async function requireRunner(em: EntityManager | DataSource, meeting: MeetingRow, user: AuthUser): Promise<void> {
  if (!(await canRunMeeting(em, meeting, user))) throw DomainError.forbidden('Only the office (or the group leads for their sessions) may run this meeting');
}
