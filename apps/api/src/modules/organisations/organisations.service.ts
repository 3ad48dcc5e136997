import { Injectable } from '@nestjs/common';
import type {
  AffiliationRole,
  OrganisationDetailDto,
  OrganisationDto,
  OrganisationMemberDto,
  Page,
  SaveOrganisationRequest,
} from '@allmende/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { recordParticipation } from '../participation/participation';
import { OrganisationListQuery } from './dto/organisation.dto';

export const OrganisationErrors = {
  SectorOnlyForBusiness: 'SECTOR_ONLY_FOR_BUSINESS',
  AlreadyMember: 'ALREADY_AFFILIATED',
  LastRepresentative: 'LAST_REPRESENTATIVE',
} as const;

interface OrganisationRow {
  id: string;
  name: string;
  actor_type: OrganisationDto['actorType'];
  sector: OrganisationDto['sector'];
  wz_code: string | null;
  district: string | null;
  website: string | null;
  description: string | null;
}

export const toOrganisationDto = (r: OrganisationRow): OrganisationDto => ({
  id: r.id,
  name: r.name,
  actorType: r.actor_type,
  sector: r.sector,
  wzCode: r.wz_code,
  district: r.district,
  website: r.website,
  description: r.description,
});

/** Escapes LIKE wildcards in user input. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class OrganisationsService {
  constructor(private readonly ds: DataSource) {}

  private checkSector(req: SaveOrganisationRequest): void {
    if (req.sector && req.actorType !== 'business') {
      throw DomainError.badRequest('Only businesses have a sector', OrganisationErrors.SectorOnlyForBusiness);
    }
  }

  /** One statement per page, whatever its size. */
  async list(query: OrganisationListQuery): Promise<Page<OrganisationDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const params: unknown[] = [pageSize, (page - 1) * pageSize];
    const where: string[] = [];
    if (query.q) {
      params.push(likePattern(query.q));
      where.push(`name ILIKE $${params.length}`);
    }
    if (query.actorType) {
      params.push(query.actorType);
      where.push(`actor_type = $${params.length}`);
    }
    if (query.sector) {
      params.push(query.sector);
      where.push(`sector = $${params.length}`);
    }
    const rows = await this.ds.query(
      `SELECT *, count(*) OVER () AS total FROM organisation ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY name, id LIMIT $1 OFFSET $2`,
      params,
    );
    return { items: rows.map(toOrganisationDto), total: rows.length ? Number(rows[0].total) : 0, page, pageSize };
  }

  private async canManage(em: EntityManager | DataSource, organisationId: string, user: AuthUser | undefined): Promise<boolean> {
    if (!user) return false;
    if (isOffice(user)) return true;
    const rows = await em.query(
      `SELECT 1 FROM affiliation WHERE organisation_id = $1 AND person_id = $2 AND role = 'representative'
          AND confirmed_at IS NOT NULL AND ended_at IS NULL`,
      [organisationId, user.id],
    );
    return rows.length > 0;
  }

  async get(id: string, user: AuthUser | undefined): Promise<OrganisationDetailDto> {
    const [row]: OrganisationRow[] = await this.ds.query(`SELECT * FROM organisation WHERE id = $1`, [id]);
    if (!row) throw DomainError.notFound('Organisation');
    const canManage = await this.canManage(this.ds, id, user);
    // outsiders see confirmed members who consented to listing; managers see everyone, pending ones too;
    // a person always sees their own link
    const members = await this.ds.query(
      `SELECT a.id AS affiliation_id, p.id AS person_id, p.display_name, a.role, a.confirmed_at
         FROM affiliation a JOIN person p ON p.id = a.person_id AND p.deleted_at IS NULL
        WHERE a.organisation_id = $1 AND a.ended_at IS NULL
          AND ($2 OR p.id = $3 OR (a.confirmed_at IS NOT NULL AND EXISTS (
                SELECT 1 FROM consent c WHERE c.person_id = p.id AND c.purpose = 'public_listing' AND c.granted)))
        ORDER BY (a.confirmed_at IS NULL) DESC, a.role DESC, p.display_name`,
      [id, canManage, user?.id ?? null],
    );
    return {
      ...toOrganisationDto(row),
      canManage,
      members: members.map(
        (m: { affiliation_id: string; person_id: string; display_name: string; role: AffiliationRole; confirmed_at: Date | null }): OrganisationMemberDto => ({
          affiliationId: m.affiliation_id,
          personId: m.person_id,
          displayName: m.display_name,
          role: m.role,
          confirmedAt: m.confirmed_at ? new Date(m.confirmed_at).toISOString() : null,
        }),
      ),
    };
  }

  /** Whoever creates an organisation becomes its confirmed representative. */
  async create(req: SaveOrganisationRequest, user: AuthUser): Promise<OrganisationDetailDto> {
    this.checkSector(req);
    const id = await this.ds.transaction(async (em) => {
      const [row] = await em.query(
        `INSERT INTO organisation (name, actor_type, sector, wz_code, district, website, description)
         VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
        [req.name, req.actorType, req.sector ?? null, req.wzCode ?? null, req.district ?? null, req.website ?? null, req.description ?? null],
      );
      await em.query(
        `INSERT INTO affiliation (person_id, organisation_id, role, confirmed_at, confirmed_by) VALUES ($1,$2,'representative',now(),$1)`,
        [user.id, row.id],
      );
      await recordParticipation(em, { personId: user.id, kind: 'organisation_joined', subjectType: 'organisation', subjectId: row.id, data: { role: 'representative' } });
      return row.id as string;
    });
    return this.get(id, user);
  }

  async update(id: string, req: SaveOrganisationRequest, user: AuthUser): Promise<OrganisationDetailDto> {
    this.checkSector(req);
    await this.ds.transaction(async (em) => {
      const [exists] = await em.query(`SELECT id FROM organisation WHERE id = $1 FOR UPDATE`, [id]);
      if (!exists) throw DomainError.notFound('Organisation');
      if (!(await this.canManage(em, id, user))) throw DomainError.forbidden('Only representatives of the organisation and the office may edit it');
      await em.query(
        `UPDATE organisation SET name = $2, actor_type = $3, sector = $4, wz_code = $5, district = $6, website = $7, description = $8, updated_at = now()
          WHERE id = $1`,
        [id, req.name, req.actorType, req.actorType === 'business' ? (req.sector ?? null) : null, req.wzCode ?? null, req.district ?? null, req.website ?? null, req.description ?? null],
      );
    });
    return this.get(id, user);
  }

  /** A person asks to belong to an organisation; a representative (or the office) confirms. */
  async join(organisationId: string, role: AffiliationRole, user: AuthUser): Promise<OrganisationDetailDto> {
    await this.ds.transaction(async (em) => {
      const [org] = await em.query(`SELECT id FROM organisation WHERE id = $1`, [organisationId]);
      if (!org) throw DomainError.notFound('Organisation');
      const open = await em.query(`SELECT 1 FROM affiliation WHERE person_id = $1 AND organisation_id = $2 AND ended_at IS NULL`, [user.id, organisationId]);
      if (open.length) throw DomainError.conflict('You already belong to this organisation or asked to', OrganisationErrors.AlreadyMember);
      // nobody represents it yet: the first person to ask is confirmed at once
      const reps = await em.query(`SELECT 1 FROM affiliation WHERE organisation_id = $1 AND ended_at IS NULL AND confirmed_at IS NOT NULL`, [organisationId]);
      const confirmNow = reps.length === 0 && role === 'representative';
      await em.query(
        `INSERT INTO affiliation (person_id, organisation_id, role, confirmed_at, confirmed_by) VALUES ($1,$2,$3,${confirmNow ? 'now()' : 'NULL'},${confirmNow ? '$1' : 'NULL'})`,
        [user.id, organisationId, role],
      );
      if (confirmNow) {
        await recordParticipation(em, { personId: user.id, kind: 'organisation_joined', subjectType: 'organisation', subjectId: organisationId, data: { role } });
      }
    });
    return this.get(organisationId, user);
  }

  async confirm(organisationId: string, affiliationId: string, user: AuthUser): Promise<OrganisationDetailDto> {
    await this.ds.transaction(async (em) => {
      if (!(await this.canManage(em, organisationId, user))) throw DomainError.forbidden('Only representatives of the organisation and the office may confirm members');
      const [rows] = await em.query(
        `UPDATE affiliation SET confirmed_at = now(), confirmed_by = $3
          WHERE id = $1 AND organisation_id = $2 AND ended_at IS NULL AND confirmed_at IS NULL RETURNING person_id, role`,
        [affiliationId, organisationId, user.id],
      );
      if (!rows?.length) throw DomainError.notFound('Pending membership');
      await recordParticipation(em, { personId: rows[0].person_id, kind: 'organisation_joined', subjectType: 'organisation', subjectId: organisationId, data: { role: rows[0].role } });
    });
    return this.get(organisationId, user);
  }

  /** Ends a link: the person themselves, a representative or the office. */
  async endAffiliation(organisationId: string, affiliationId: string, user: AuthUser): Promise<void> {
    await this.ds.transaction(async (em) => {
      const [a] = await em.query(
        `SELECT person_id, role, confirmed_at FROM affiliation WHERE id = $1 AND organisation_id = $2 AND ended_at IS NULL FOR UPDATE`,
        [affiliationId, organisationId],
      );
      if (!a) throw DomainError.notFound('Membership of the organisation');
      if (a.person_id !== user.id && !(await this.canManage(em, organisationId, user))) {
        throw DomainError.forbidden('Only the person, representatives of the organisation and the office may end this');
      }
      // recorded first, so the event still carries this organisation as the person's context
      if (a.confirmed_at) {
        await recordParticipation(em, { personId: a.person_id, kind: 'organisation_left', subjectType: 'organisation', subjectId: organisationId });
      }
      await em.query(`UPDATE affiliation SET ended_at = now() WHERE id = $1`, [affiliationId]);
    });
  }
}
