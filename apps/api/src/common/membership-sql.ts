import type { DataSource, EntityManager } from 'typeorm';

/**
 * SQL conditions on a person's standing, for a person expression `p` (a uuid) and a
 * group expression `g`. One place for what "signatory", "member" and "lead" mean.
 */
export const isSignatory = (p: string) =>
  `EXISTS (SELECT 1 FROM alliance_membership am WHERE am.person_id = ${p} AND am.status IN ('signatory','active','dormant'))`;

export const isGroupMember = (g: string, p: string) =>
  `EXISTS (SELECT 1 FROM group_membership gm WHERE gm.group_id = ${g} AND gm.person_id = ${p} AND gm.ended_at IS NULL AND gm.status = 'member')`;

export const isGroupLead = (g: string, p: string) =>
  `EXISTS (SELECT 1 FROM group_membership gm WHERE gm.group_id = ${g} AND gm.person_id = ${p} AND gm.ended_at IS NULL
             AND gm.status = 'member' AND gm.role IN ('lead','co_lead'))`;

/** Whether a person leads a group now. */
export async function leadsGroup(em: EntityManager | DataSource, groupId: string, personId: string): Promise<boolean> {
  const [row] = await em.query(`SELECT ${isGroupLead('$1::uuid', '$2::uuid')} AS lead`, [groupId, personId]);
  return row.lead;
}

/** Whether a person (or nobody, anonymous) is a signatory now. */
export async function signatory(em: EntityManager | DataSource, personId: string | null | undefined): Promise<boolean> {
  if (!personId) return false;
  const [row] = await em.query(`SELECT ${isSignatory('$1::uuid')} AS signatory`, [personId]);
  return row.signatory;
}
