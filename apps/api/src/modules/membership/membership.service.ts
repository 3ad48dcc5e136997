import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  CharterGoal,
  CharterVersionDto,
  MembershipAdminDto,
  MembershipDto,
  MembershipHistoryEntryDto,
  MembershipStatus,
  MembershipTransitionRequest,
  Page,
  PublishCharterRequest,
  Role,
} from '@allmende/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { DomainEventBus } from '../../common/domain-events';
import { MEMBERSHIP_SQL, MembershipRow, toMembershipDto } from '../accounts/membership-view';
import { AuthService } from '../auth/auth.service';
import { recordParticipation } from '../participation/participation';

export const MembershipErrors = {
  NoCharter: 'NO_CHARTER',
  OutdatedVersion: 'CHARTER_VERSION_OUTDATED',
  InvalidTransition: 'INVALID_MEMBERSHIP_TRANSITION',
  NotAwaitingApproval: 'NOT_AWAITING_APPROVAL',
} as const;

/** Moves the office may make; `interested → signatory` happens only by approving a signature. */
const OFFICE_MOVES: Record<MembershipStatus, MembershipStatus[]> = {
  interested: ['left'],
  signatory: ['active', 'dormant', 'left'],
  active: ['dormant', 'left'],
  dormant: ['active', 'left'],
  left: [],
};

interface CharterRow {
  id: string;
  version: number;
  mission_de: string;
  mission_en: string;
  goals: CharterGoal[];
  published_at: Date;
}

const toCharterDto = (r: CharterRow): CharterVersionDto => ({
  id: r.id,
  version: r.version,
  missionDe: r.mission_de,
  missionEn: r.mission_en,
  goals: r.goals,
  publishedAt: new Date(r.published_at).toISOString(),
});

@Injectable()
export class MembershipService {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly events: DomainEventBus,
  ) {}

  async currentCharter(): Promise<CharterVersionDto> {
    const [row]: CharterRow[] = await this.ds.query(`SELECT * FROM charter_version ORDER BY version DESC LIMIT 1`);
    if (!row) throw new DomainError(MembershipErrors.NoCharter, HttpStatus.NOT_FOUND, 'No mission statement has been published yet');
    return toCharterDto(row);
  }

  async charterVersions(): Promise<CharterVersionDto[]> {
    const rows: CharterRow[] = await this.ds.query(`SELECT * FROM charter_version ORDER BY version DESC`);
    return rows.map(toCharterDto);
  }

  /** A new version of Leitbild and Leitziele; signatories are then asked to confirm it. */
  async publishCharter(req: PublishCharterRequest, actor: AuthUser): Promise<CharterVersionDto> {
    return this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('allmende:charter'))`);
      const [row]: CharterRow[] = await em.query(
        `INSERT INTO charter_version (version, mission_de, mission_en, goals, published_by)
         SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4 FROM charter_version RETURNING *`,
        [req.missionDe, req.missionEn, JSON.stringify(req.goals), actor.id],
      );
      return toCharterDto(row);
    });
  }

  async membershipOf(personId: string, em: EntityManager | DataSource = this.ds): Promise<MembershipDto> {
    const [row]: MembershipRow[] = await em.query(
      `SELECT ${MEMBERSHIP_SQL.columns} FROM person p ${MEMBERSHIP_SQL.joins} WHERE p.id = $1`,
      [personId],
    );
    if (!row) throw DomainError.notFound('Person');
    return toMembershipDto(row);
  }

  private async lockMembership(em: EntityManager, personId: string): Promise<{ status: MembershipStatus; awaiting_approval: boolean }> {
    // only for a person that exists: an unknown id is a 404, not a foreign-key conflict
    await em.query(
      `INSERT INTO alliance_membership (person_id) SELECT id FROM person WHERE id = $1 AND deleted_at IS NULL ON CONFLICT DO NOTHING`,
      [personId],
    );
    const [m] = await em.query(
      `SELECT m.status, m.awaiting_approval FROM alliance_membership m JOIN person p ON p.id = m.person_id
        WHERE m.person_id = $1 AND p.deleted_at IS NULL FOR UPDATE OF m`,
      [personId],
    );
    if (!m) throw DomainError.notFound('Person');
    return m;
  }

  private async writeHistory(em: EntityManager, personId: string, from: MembershipStatus | null, to: MembershipStatus, reason: string | null, actorId: string | null) {
    await em.query(
      `INSERT INTO alliance_membership_event (person_id, from_status, to_status, reason, actor_id) VALUES ($1,$2,$3,$4,$5)`,
      [personId, from, to, reason, actorId],
    );
  }

  /**
   * Signs the current version. A newcomer (or someone who left) then waits for the
   * office's approval; a signatory confirming a new version needs none.
   */
  async sign(personId: string, version: number): Promise<MembershipDto> {
    return this.ds.transaction(async (em) => {
      const [current]: CharterRow[] = await em.query(`SELECT id, version FROM charter_version ORDER BY version DESC LIMIT 1`);
      if (!current) throw new DomainError(MembershipErrors.NoCharter, HttpStatus.NOT_FOUND, 'No mission statement has been published yet');
      if (current.version !== version) {
        throw DomainError.conflict(`Version ${version} is not the current one (${current.version}); please read the current text`, MembershipErrors.OutdatedVersion);
      }
      const m = await this.lockMembership(em, personId);
      await em.query(
        `INSERT INTO charter_signature (person_id, charter_version_id) VALUES ($1,$2) ON CONFLICT DO NOTHING`,
        [personId, current.id],
      );
      if (m.status === 'interested' || m.status === 'left') {
        await em.query(`UPDATE alliance_membership SET status = 'interested', awaiting_approval = true, updated_at = now() WHERE person_id = $1`, [personId]);
        if (m.status === 'left') await this.writeHistory(em, personId, 'left', 'interested', 'signed again', personId);
      }
      await recordParticipation(em, { personId, kind: 'charter_signed', subjectType: 'charter_version', subjectId: current.id, data: { version } });
      return this.membershipOf(personId, em);
    });
  }

  async approve(personId: string, actor: AuthUser): Promise<MembershipDto> {
    return this.ds.transaction(async (em) => {
      const m = await this.lockMembership(em, personId);
      if (!m.awaiting_approval) {
        throw DomainError.conflict('This person has not signed and is not waiting for approval', MembershipErrors.NotAwaitingApproval);
      }
      await em.query(
        `UPDATE alliance_membership SET status = 'signatory', awaiting_approval = false, approved_at = now(), approved_by = $2, updated_at = now() WHERE person_id = $1`,
        [personId, actor.id],
      );
      await this.writeHistory(em, personId, m.status, 'signatory', 'signature approved', actor.id);
      await recordParticipation(em, { personId, kind: 'membership_approved', subjectType: 'alliance' });
      return this.membershipOf(personId, em);
    });
  }

  /** The office moves a membership (with a reason); a person may only leave by themselves. */
  async transition(personId: string, req: MembershipTransitionRequest, actor: AuthUser): Promise<MembershipDto> {
    return this.ds.transaction(async (em) => {
      const m = await this.lockMembership(em, personId);
      const self = actor.id === personId;
      const allowed = self && !isOffice(actor) ? (m.status === 'left' ? [] : ['left']) : OFFICE_MOVES[m.status];
      if (!allowed.includes(req.to)) {
        throw DomainError.conflict(`A membership cannot move from ${m.status} to ${req.to}`, MembershipErrors.InvalidTransition, {
          from: m.status,
          allowed,
        });
      }
      await em.query(`UPDATE alliance_membership SET status = $2, awaiting_approval = false, updated_at = now() WHERE person_id = $1`, [personId, req.to]);
      await this.writeHistory(em, personId, m.status, req.to, req.reason, actor.id);
      await recordParticipation(em, {
        personId,
        kind: req.to === 'left' ? 'alliance_left' : 'membership_changed',
        subjectType: 'alliance',
        data: { from: m.status, to: req.to },
      });
      return this.membershipOf(personId, em);
    });
  }

  async history(personId: string): Promise<MembershipHistoryEntryDto[]> {
    const rows = await this.ds.query(
      `SELECT e.from_status, e.to_status, e.reason, a.display_name AS actor_name, e.created_at
         FROM alliance_membership_event e LEFT JOIN person a ON a.id = e.actor_id
        WHERE e.person_id = $1 ORDER BY e.created_at, e.id`,
      [personId],
    );
    return rows.map((r: { from_status: MembershipStatus | null; to_status: MembershipStatus; reason: string | null; actor_name: string | null; created_at: Date }) => ({
      from: r.from_status,
      to: r.to_status,
      reason: r.reason,
      actorName: r.actor_name,
      at: new Date(r.created_at).toISOString(),
    }));
  }

  /** The office's list: one statement per page, whatever its size. */
  async list(query: { status?: MembershipStatus | 'awaiting_approval'; q?: string; page?: number; pageSize?: number }): Promise<Page<MembershipAdminDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const params: unknown[] = [pageSize, (page - 1) * pageSize];
    const where = ['p.deleted_at IS NULL'];
    if (query.status === 'awaiting_approval') where.push('m.awaiting_approval');
    else if (query.status) {
      params.push(query.status);
      where.push(`coalesce(m.status, 'interested') = $${params.length}`);
    }
    if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(p.display_name ILIKE $${params.length} OR p.email ILIKE $${params.length})`);
    }
    const rows = await this.ds.query(
      `SELECT p.id, p.display_name, p.email, p.roles, ${MEMBERSHIP_SQL.columns},
              coalesce((SELECT array_agg(o.name ORDER BY o.name) FROM affiliation a JOIN organisation o ON o.id = a.organisation_id
                         WHERE a.person_id = p.id AND a.ended_at IS NULL), '{}') AS organisations,
              count(*) OVER () AS total
         FROM person p ${MEMBERSHIP_SQL.joins}
        WHERE ${where.join(' AND ')}
        ORDER BY m.awaiting_approval DESC NULLS LAST, p.display_name, p.id
        LIMIT $1 OFFSET $2`,
      params,
    );
    return {
      items: rows.map((r: MembershipRow & { id: string; display_name: string; email: string; roles: Role[]; organisations: string[] }) => ({
        personId: r.id,
        displayName: r.display_name,
        email: r.email,
        roles: r.roles,
        organisations: r.organisations,
        membership: toMembershipDto(r),
      })),
      total: rows.length ? Number(rows[0].total) : 0,
      page,
      pageSize,
    };
  }

  /** Admins grant and withdraw roles; a change ends the person's sessions so it applies at once. */
  async setRoles(personId: string, roles: Role[], actor: AuthUser): Promise<Role[]> {
    const unique = [...new Set(roles)];
    if (personId === actor.id && !unique.includes('admin')) {
      throw DomainError.conflict('You cannot remove your own admin role', 'CANNOT_DEMOTE_SELF');
    }
    const outcome = await this.ds.transaction(async (em) => {
      const [row]: { roles: Role[] }[] = await em.query(`SELECT roles FROM person WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [personId]);
      if (!row) throw DomainError.notFound('Person');
      const unchanged = row.roles.length === unique.length && unique.every((r) => row.roles.includes(r));
      if (unchanged) return { roles: row.roles, revoked: [] as string[] };
      await em.query(`UPDATE person SET roles = $2, updated_at = now() WHERE id = $1`, [personId, unique]);
      // open sockets keep the roles they were opened with: end the sessions so nobody keeps a withdrawn role
      return { roles: unique, revoked: await this.auth.revokeAllSessions(em, personId, 'roles_changed') };
    });
    if (outcome.revoked.length) this.events.emit('sessions.revoked', { sessionIds: outcome.revoked });
    return outcome.roles;
  }
}
