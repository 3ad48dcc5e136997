import type { EntityManager } from 'typeorm';

/** Kinds of taking part recorded so far; later features add theirs. */
export type ParticipationKind =
  | 'alliance_registered'
  | 'charter_signed'
  | 'membership_approved'
  | 'membership_changed'
  | 'alliance_left'
  | 'consent_changed'
  | 'organisation_joined'
  | 'organisation_left'
  | 'group_proposed'
  | 'group_joined'
  | 'group_left'
  | 'group_role_changed'
  | 'meeting_registered'
  | 'meeting_attended'
  | 'poll_voted'
  | 'card_created'
  | 'card_moved'
  | 'card_edited'
  | 'responsibility_taken'
  | 'message_posted';

export interface ParticipationInput {
  personId: string;
  kind: ParticipationKind;
  subjectType?: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
}

/** SQL expressions for the values of one participation event. */
export interface ParticipationValues {
  person: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  data: string;
}

/**
 * The INSERT of a participation event, with the person's main organisation (actor type,
 * sector) as it is at this moment, so later changes never rewrite history. Usable as a
 * statement of its own or inside a WITH of a larger write (`from` then names the rows it follows).
 */
export function participationInsert(v: ParticipationValues, from = '(SELECT 1) AS one'): string {
  return `INSERT INTO participation_event (person_id, organisation_id, actor_type, sector, kind, subject_type, subject_id, data)
     SELECT ${v.person}, o.id, o.actor_type, o.sector, ${v.kind}, ${v.subjectType}, ${v.subjectId}, ${v.data}
       FROM ${from}
       LEFT JOIN LATERAL (
         SELECT org.id, org.actor_type, org.sector FROM affiliation a JOIN organisation org ON org.id = a.organisation_id
          WHERE a.person_id = ${v.person} AND a.ended_at IS NULL
          ORDER BY (a.confirmed_at IS NULL), (a.role = 'representative') DESC, a.created_at
          LIMIT 1) o ON true`;
}

/** Appends a participation event inside the caller's transaction. */
export async function recordParticipation(em: EntityManager, e: ParticipationInput, also?: { sql: string; params: unknown[] }): Promise<void> {
  // `also`: another write in the same statement (its placeholders start at $6), saving a round trip
  await em.query(
    `${also ? `WITH also AS (${also.sql}) ` : ''}${participationInsert({ person: '$1::uuid', kind: '$2', subjectType: '$3', subjectId: '$4::uuid', data: '$5::jsonb' })}`,
    [e.personId, e.kind, e.subjectType ?? null, e.subjectId ?? null, JSON.stringify(e.data ?? {}), ...(also?.params ?? [])],
  );
}
