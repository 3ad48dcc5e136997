import { HttpStatus, Injectable } from '@nestjs/common';
import {
  GROUP_TRANSITIONS,
  type GroupAccess,
  type GroupMemberDto,
  type GroupRequestDto,
  type GroupRole,
  type GroupState,
  type GroupTransitionDto,
  type GroupTransitionRequest,
  type ProposeGroupRequest,
  type UpdateGroupRequest,
  type WorkingGroupDetailDto,
  type WorkingGroupListQuery,
  type WorkingGroupPage,
  type WorkingGroupSummaryDto,
} from '@allmende/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { signatory } from '../../common/membership-sql';
import { likePattern } from '../organisations/organisations.service';
import { recordParticipation } from '../participation/participation';

export const GroupErrors = {
  InvalidTransition: 'INVALID_GROUP_TRANSITION',
  Dissolved: 'GROUP_DISSOLVED',
  NotJoinable: 'GROUP_NOT_JOINABLE',
  AlreadyMember: 'ALREADY_GROUP_MEMBER',
  AlreadyRequested: 'GROUP_REQUEST_PENDING',
  NotMember: 'NOT_A_GROUP_MEMBER',
  NotSignatory: 'SIGNATORIES_ONLY',
  NotYourOrganisation: 'NOT_YOUR_ORGANISATION',
  UnknownActionField: 'UNKNOWN_ACTION_FIELD',
  NoRequest: 'NO_OPEN_REQUEST',
} as const;

const JOINABLE: GroupState[] = ['approved', 'active', 'dormant', 'permanent'];

interface GroupRow {
  id: string;
  name: string;
  purpose: string;
  goals: string;
  action_field_id: string;
  state: GroupState;
  access: GroupAccess;
  real_world_lab: boolean;
  meeting_rhythm: string | null;
  proposed_by: string | null;
  created_at: Date;
  member_count: string | number;
  my_role: GroupRole | null;
  my_status: 'member' | 'requested' | 'invited' | null;
}

function toSummary(r: GroupRow): WorkingGroupSummaryDto {
  return {
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    actionFieldId: r.action_field_id,
    state: r.state,
    access: r.access,
    realWorldLab: r.real_world_lab,
    memberCount: Number(r.member_count),
    myRole: r.my_status === 'member' ? r.my_role : r.my_status === 'requested' ? 'pending' : r.my_status === 'invited' ? 'invited' : null,
  };
}

const MEMBER_COUNT = `(SELECT count(*) FROM group_membership gm WHERE gm.group_id = g.id AND gm.ended_at IS NULL AND gm.status = 'member')`;

@Injectable()
export class WorkingGroupsService {
  constructor(private readonly ds: DataSource) {}

  /** One SQL statement per page whatever its size: the page is cut first, then counted and joined. */
  async list(query: WorkingGroupListQuery, user: AuthUser | undefined): Promise<WorkingGroupPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const params: unknown[] = [pageSize, (page - 1) * pageSize, user?.id ?? null];
    const where: string[] = [];
    if (query.actionField) {
      params.push(query.actionField);
      where.push(`g.action_field_id = $${params.length}`);
    }
    if (query.state) {
      params.push(query.state);
      where.push(`g.state = $${params.length}`);
    }
    if (query.mine) {
      where.push(`EXISTS (SELECT 1 FROM group_membership m WHERE m.group_id = g.id AND m.person_id = $3 AND m.ended_at IS NULL)`);
    }
    if (query.q) {
      params.push(likePattern(query.q));
      where.push(`(g.name ILIKE $${params.length} OR g.purpose ILIKE $${params.length})`);
    }
    const rows: (GroupRow & { total: string })[] = await this.ds.query(
      `WITH page AS (
         SELECT g.*, count(*) OVER () AS total FROM working_group g
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY g.name, g.id LIMIT $1 OFFSET $2)
       SELECT g.*, ${MEMBER_COUNT} AS member_count, my.role AS my_role, my.status AS my_status
         FROM page g
         LEFT JOIN group_membership my ON my.group_id = g.id AND my.person_id = $3 AND my.ended_at IS NULL
        ORDER BY g.name, g.id`,
      params,
    );
    return { items: rows.map(toSummary), total: rows.length ? Number(rows[0].total) : 0, page, pageSize };
  }

  private async row(em: EntityManager | DataSource, id: string, userId: string | null, lock = false): Promise<GroupRow> {
    const [row]: GroupRow[] = await em.query(
      `SELECT g.*, ${MEMBER_COUNT} AS member_count, my.role AS my_role, my.status AS my_status
         FROM working_group g
         LEFT JOIN group_membership my ON my.group_id = g.id AND my.person_id = $2 AND my.ended_at IS NULL
        WHERE g.id = $1 ${lock ? 'FOR UPDATE OF g' : ''}`,
      [id, userId],
    );
    if (!row) throw DomainError.notFound('Working group');
    return row;
  }

  private isLead(row: GroupRow): boolean {
    return row.my_status === 'member' && (row.my_role === 'lead' || row.my_role === 'co_lead');
  }

  private canManage(row: GroupRow, user: AuthUser | undefined): boolean {
    return isOffice(user) || this.isLead(row);
  }

  async get(id: string, user: AuthUser | undefined): Promise<WorkingGroupDetailDto> {
    const row = await this.row(this.ds, id, user?.id ?? null);
    const insider = isOffice(user) || row.my_status === 'member';
    const manage = this.canManage(row, user);
    const members: (GroupMemberDto & { listed: boolean })[] = (
      await this.ds.query(
        `SELECT p.id, coalesce(p.display_name, '') AS display_name, m.role, o.name AS organisation_name, m.joined_at,
                EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id AND c.purpose = 'public_listing' AND c.granted) AS listed
           FROM group_membership m JOIN person p ON p.id = m.person_id AND p.deleted_at IS NULL
           LEFT JOIN organisation o ON o.id = m.organisation_id
          WHERE m.group_id = $1 AND m.ended_at IS NULL AND m.status = 'member'
          ORDER BY CASE m.role WHEN 'lead' THEN 0 WHEN 'co_lead' THEN 1 ELSE 2 END, p.display_name`,
        [id],
      )
    ).map((m: { id: string; display_name: string; role: GroupRole; organisation_name: string | null; joined_at: Date; listed: boolean }) => ({
      personId: m.id,
      displayName: m.display_name,
      role: m.role,
      organisationName: m.organisation_name,
      joinedAt: new Date(m.joined_at).toISOString(),
      listed: m.listed,
    }));
    const visible = insider ? members : members.filter((m) => m.listed || m.personId === user?.id);
    const history: GroupTransitionDto[] = (
      await this.ds.query(
        `SELECT t.from_state, t.to_state, t.reason, to_char(t.effective_on, 'YYYY-MM-DD') AS effective_on, a.display_name AS actor_name, t.created_at
           FROM working_group_transition t LEFT JOIN person a ON a.id = t.actor_id
          WHERE t.group_id = $1 ORDER BY t.created_at, t.id`,
        [id],
      )
    ).map((t: { from_state: GroupState | null; to_state: GroupState; reason: string; effective_on: string; actor_name: string | null; created_at: Date }) => ({
      from: t.from_state,
      to: t.to_state,
      reason: t.reason,
      effectiveOn: t.effective_on,
      actorName: t.actor_name,
      at: new Date(t.created_at).toISOString(),
    }));
    const pending: GroupRequestDto[] = manage
      ? (
          await this.ds.query(
            `SELECT p.id, p.display_name, o.name AS organisation_name, m.status, m.created_at
               FROM group_membership m JOIN person p ON p.id = m.person_id AND p.deleted_at IS NULL
               LEFT JOIN organisation o ON o.id = m.organisation_id
              WHERE m.group_id = $1 AND m.ended_at IS NULL AND m.status IN ('requested','invited') ORDER BY m.created_at`,
            [id],
          )
        ).map((r: { id: string; display_name: string; organisation_name: string | null; status: string; created_at: Date }) => ({
          personId: r.id,
          displayName: r.display_name,
          organisationName: r.organisation_name,
          kind: r.status === 'invited' ? 'invitation' : 'request',
          createdAt: new Date(r.created_at).toISOString(),
        }))
      : [];
    return {
      ...toSummary(row),
      goals: row.goals,
      meetingRhythm: row.meeting_rhythm,
      proposedBy: row.proposed_by,
      createdAt: new Date(row.created_at).toISOString(),
      members: visible.map(({ listed: _listed, ...m }) => m),
      hiddenMembers: members.length - visible.length,
      history,
      pending,
      permissions: {
        canManage: manage && row.state !== 'dissolved',
        canJoin: !!user && JOINABLE.includes(row.state) && row.my_status !== 'member' && row.my_status !== 'requested',
        canLeave: !!user && row.my_status !== null,
      },
    };
  }

  private async checkActionField(em: EntityManager, id: string): Promise<void> {
    const rows = await em.query(`SELECT 1 FROM action_field WHERE id = $1 AND NOT archived`, [id]);
    if (!rows.length) throw DomainError.badRequest('Unknown or archived action field', GroupErrors.UnknownActionField);
  }

  /** Any signatory (and the office) may propose; the proposer leads the group. */
  async propose(req: ProposeGroupRequest, user: AuthUser): Promise<WorkingGroupDetailDto> {
    const id = await this.ds.transaction(async (em) => {
      if (!isOffice(user)) {
        if (!(await signatory(em, user.id))) throw DomainError.forbidden('Only signatories of the alliance may propose working groups', GroupErrors.NotSignatory);
      }
      await this.checkActionField(em, req.actionFieldId);
      const [g] = await em.query(
        `INSERT INTO working_group (action_field_id, name, purpose, goals, meeting_rhythm, real_world_lab, access, proposed_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
        [req.actionFieldId, req.name, req.purpose, req.goals, req.meetingRhythm ?? null, req.realWorldLab ?? false, req.access ?? 'open', user.id],
      );
      await em.query(
        `INSERT INTO working_group_transition (group_id, from_state, to_state, reason, actor_id) VALUES ($1, NULL, 'proposed', 'proposed', $2)`,
        [g.id, user.id],
      );
      // every group has its board from the start
      await em.query(`INSERT INTO board (kind, group_id, title) VALUES ('group', $1, $2)`, [g.id, req.name]);
      await em.query(
        `INSERT INTO group_membership (group_id, person_id, role, status, joined_at) VALUES ($1,$2,'lead','member',now())`,
        [g.id, user.id],
      );
      await recordParticipation(em, { personId: user.id, kind: 'group_proposed', subjectType: 'working_group', subjectId: g.id });
      await recordParticipation(em, { personId: user.id, kind: 'group_joined', subjectType: 'working_group', subjectId: g.id, data: { role: 'lead' } });
      return g.id as string;
    });
    return this.get(id, user);
  }

  async update(id: string, req: UpdateGroupRequest, user: AuthUser): Promise<WorkingGroupDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.row(em, id, user.id, true);
      if (!this.canManage(row, user)) throw DomainError.forbidden('Only the group leads and the office may edit the group');
      if (row.state === 'dissolved') throw DomainError.conflict('A dissolved group cannot be changed', GroupErrors.Dissolved);
      if (req.actionFieldId) await this.checkActionField(em, req.actionFieldId);
      const columns: [keyof UpdateGroupRequest, string][] = [
        ['name', 'name'],
        ['purpose', 'purpose'],
        ['goals', 'goals'],
        ['actionFieldId', 'action_field_id'],
        ['meetingRhythm', 'meeting_rhythm'],
        ['realWorldLab', 'real_world_lab'],
        ['access', 'access'],
      ];
      const params: unknown[] = [id];
      const sets = columns
        .filter(([key]) => req[key] !== undefined)
        .map(([key, column]) => {
          params.push(req[key]);
          return `${column} = $${params.length}`;
        });
      if (sets.length) await em.query(`UPDATE working_group SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
    });
    return this.get(id, user);
  }

  /** The office moves a group through its lifecycle; every move is validated and kept. */
  async transition(id: string, req: GroupTransitionRequest, user: AuthUser): Promise<WorkingGroupDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.row(em, id, user.id, true);
      const allowed = GROUP_TRANSITIONS[row.state];
      if (!allowed.includes(req.to)) {
        throw DomainError.conflict(`A group cannot move from ${row.state} to ${req.to}`, GroupErrors.InvalidTransition, { from: row.state, allowed });
      }
      await em.query(`UPDATE working_group SET state = $2, updated_at = now() WHERE id = $1`, [id, req.to]);
      await em.query(
        `INSERT INTO working_group_transition (group_id, from_state, to_state, reason, effective_on, actor_id)
         VALUES ($1,$2,$3,$4,coalesce($5::date, current_date),$6)`,
        [id, row.state, req.to, req.reason, req.effectiveOn ?? null, user.id],
      );
      if (req.to === 'dissolved') {
        // open requests and invitations lapse with the group
        await em.query(`UPDATE group_membership SET ended_at = now() WHERE group_id = $1 AND ended_at IS NULL AND status <> 'member'`, [id]);
      }
    });
    return this.get(id, user);
  }

  /** Open groups are joined at once, closed ones by request; an invitation is accepted by joining. */
  async join(id: string, organisationId: string | null | undefined, user: AuthUser): Promise<WorkingGroupDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.row(em, id, user.id, true);
      if (!JOINABLE.includes(row.state)) throw DomainError.conflict(`A ${row.state} group cannot be joined`, GroupErrors.NotJoinable);
      if (row.my_status === 'member') throw DomainError.conflict('You are already a member', GroupErrors.AlreadyMember);
      if (row.my_status === 'requested') throw DomainError.conflict('Your request is waiting for the group leads', GroupErrors.AlreadyRequested);
      if (organisationId) {
        const mine = await em.query(
          `SELECT 1 FROM affiliation WHERE person_id = $1 AND organisation_id = $2 AND ended_at IS NULL AND confirmed_at IS NOT NULL`,
          [user.id, organisationId],
        );
        if (!mine.length) throw DomainError.badRequest('You can only represent an organisation you belong to', GroupErrors.NotYourOrganisation);
      }
      if (row.my_status === 'invited') {
        await em.query(
          `UPDATE group_membership SET status = 'member', joined_at = now(), organisation_id = $3 WHERE group_id = $1 AND person_id = $2 AND ended_at IS NULL`,
          [id, user.id, organisationId ?? null],
        );
      } else {
        const status = row.access === 'open' ? 'member' : 'requested';
        await em.query(
          `INSERT INTO group_membership (group_id, person_id, role, status, organisation_id, joined_at)
           VALUES ($1,$2,'member',$3,$4, CASE WHEN $3 = 'member' THEN now() END)`,
          [id, user.id, status, organisationId ?? null],
        );
        if (status === 'requested') return;
      }
      await recordParticipation(em, { personId: user.id, kind: 'group_joined', subjectType: 'working_group', subjectId: id, data: { organisationId: organisationId ?? null } });
    });
    return this.get(id, user);
  }

  async acceptRequest(id: string, personId: string, user: AuthUser): Promise<WorkingGroupDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.row(em, id, user.id, true);
      if (!this.canManage(row, user)) throw DomainError.forbidden('Only the group leads and the office may accept requests');
      const [rows] = await em.query(
        `UPDATE group_membership SET status = 'member', joined_at = now()
          WHERE group_id = $1 AND person_id = $2 AND ended_at IS NULL AND status = 'requested' RETURNING organisation_id`,
        [id, personId],
      );
      if (!rows?.length) throw DomainError.notFound('Open request', GroupErrors.NoRequest);
      await recordParticipation(em, { personId, kind: 'group_joined', subjectType: 'working_group', subjectId: id, data: { organisationId: rows[0].organisation_id, acceptedBy: user.id } });
    });
    return this.get(id, user);
  }

  /** Declines a request or withdraws an invitation (leads, office); a person may withdraw their own. */
  async endRequest(id: string, personId: string, user: AuthUser): Promise<void> {
    await this.ds.transaction(async (em) => {
      const row = await this.row(em, id, user.id, true);
      if (personId !== user.id && !this.canManage(row, user)) throw DomainError.forbidden('Only the group leads and the office may decline requests');
      const [rows] = await em.query(
        `UPDATE group_membership SET ended_at = now() WHERE group_id = $1 AND person_id = $2 AND ended_at IS NULL AND status IN ('requested','invited') RETURNING id`,
        [id, personId],
      );
      if (!rows?.length) throw DomainError.notFound('Open request or invitation', GroupErrors.NoRequest);
    });
  }

  async invite(id: string, personId: string, user: AuthUser): Promise<WorkingGroupDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.row(em, id, user.id, true);
      if (!this.canManage(row, user)) throw DomainError.forbidden('Only the group leads and the office may invite');
      if (!JOINABLE.includes(row.state)) throw DomainError.conflict(`Nobody can be invited to a ${row.state} group`, GroupErrors.NotJoinable);
      const person = await em.query(`SELECT 1 FROM person WHERE id = $1 AND deleted_at IS NULL`, [personId]);
      if (!person.length) throw DomainError.notFound('Person');
      const open: { status: string }[] = await em.query(`SELECT status FROM group_membership WHERE group_id = $1 AND person_id = $2 AND ended_at IS NULL`, [id, personId]);
      if (open[0]?.status === 'member') throw DomainError.conflict('Already a member', GroupErrors.AlreadyMember);
      if (open[0]?.status === 'requested') {
        // an invitation answers a request: accept it
        await em.query(`UPDATE group_membership SET status = 'member', joined_at = now() WHERE group_id = $1 AND person_id = $2 AND ended_at IS NULL`, [id, personId]);
        await recordParticipation(em, { personId, kind: 'group_joined', subjectType: 'working_group', subjectId: id, data: { acceptedBy: user.id } });
        return;
      }
      if (!open.length) await em.query(`INSERT INTO group_membership (group_id, person_id, role, status) VALUES ($1,$2,'member','invited')`, [id, personId]);
    });
    return this.get(id, user);
  }

  /** Leaving ends a membership (or withdraws one's own request or invitation). */
  async leave(id: string, user: AuthUser): Promise<void> {
    await this.ds.transaction(async (em) => {
      await this.row(em, id, user.id, true);
      await this.endMembership(em, id, user.id, null);
    });
  }

  async removeMember(id: string, personId: string, user: AuthUser): Promise<void> {
    await this.ds.transaction(async (em) => {
      const row = await this.row(em, id, user.id, true);
      if (personId !== user.id && !this.canManage(row, user)) throw DomainError.forbidden('Only the group leads and the office may remove members');
      await this.endMembership(em, id, personId, personId === user.id ? null : user.id);
    });
  }

  private async endMembership(em: EntityManager, groupId: string, personId: string, removedBy: string | null): Promise<void> {
    const [rows] = await em.query(
      `UPDATE group_membership SET ended_at = now() WHERE group_id = $1 AND person_id = $2 AND ended_at IS NULL RETURNING status`,
      [groupId, personId],
    );
    if (!rows?.length) throw DomainError.notFound('Membership', GroupErrors.NotMember);
    if (rows[0].status === 'member') {
      await recordParticipation(em, { personId, kind: 'group_left', subjectType: 'working_group', subjectId: groupId, data: removedBy ? { removedBy } : {} });
    }
  }

  async setRole(id: string, personId: string, role: GroupRole, user: AuthUser): Promise<WorkingGroupDetailDto> {
    await this.ds.transaction(async (em) => {
      const row = await this.row(em, id, user.id, true);
      if (!this.canManage(row, user)) throw DomainError.forbidden('Only the group leads and the office may change roles');
      if (row.state === 'dissolved') throw DomainError.conflict('A dissolved group cannot be changed', GroupErrors.Dissolved);
      const [rows] = await em.query(
        `UPDATE group_membership SET role = $3 WHERE group_id = $1 AND person_id = $2 AND ended_at IS NULL AND status = 'member' RETURNING id`,
        [id, personId, role],
      );
      if (!rows?.length) throw DomainError.notFound('Membership', GroupErrors.NotMember);
      await recordParticipation(em, { personId, kind: 'group_role_changed', subjectType: 'working_group', subjectId: id, data: { role } });
    });
    return this.get(id, user);
  }
}
