import { HttpStatus, Injectable } from '@nestjs/common';
import {
  CONSENT_PURPOSES,
  type AffiliationDto,
  type ConsentDto,
  type ConsentPurpose,
  type Locale,
  type MeDto,
  type Role,
  type UpdateProfileRequest,
} from '@allmende/contracts';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { DomainEventBus } from '../../common/domain-events';
import { AuthService } from '../auth/auth.service';
import { recordParticipation } from '../participation/participation';
import { MEMBERSHIP_SQL, MembershipRow, toMembershipDto } from './membership-view';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

@Injectable()
export class AccountsService {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly events: DomainEventBus,
  ) {}

  async me(personId: string): Promise<MeDto> {
    const [p] = await this.ds.query(
      `SELECT p.id, p.email, p.display_name, p.phone, p.bio, p.locale, p.roles, p.email_verified_at,
              coalesce((SELECT array_agg(action_field_id) FROM person_interest WHERE person_id = p.id), '{}') AS interests,
              ${MEMBERSHIP_SQL.columns}
         FROM person p ${MEMBERSHIP_SQL.joins}
        WHERE p.id = $1 AND p.deleted_at IS NULL`,
      [personId],
    );
    if (!p) throw DomainError.notFound('Person');
    const consents: { purpose: ConsentPurpose; granted: boolean; changed_at: Date }[] = await this.ds.query(
      `SELECT purpose, granted, changed_at FROM consent WHERE person_id = $1`,
      [personId],
    );
    const affiliations: AffiliationDto[] = (
      await this.ds.query(
        `SELECT a.id, a.organisation_id, o.name, o.actor_type, a.role, a.confirmed_at
           FROM affiliation a JOIN organisation o ON o.id = a.organisation_id
          WHERE a.person_id = $1 AND a.ended_at IS NULL ORDER BY a.created_at`,
        [personId],
      )
    ).map((a: { id: string; organisation_id: string; name: string; actor_type: AffiliationDto['actorType']; role: AffiliationDto['role']; confirmed_at: Date | null }) => ({
      id: a.id,
      organisationId: a.organisation_id,
      organisationName: a.name,
      actorType: a.actor_type,
      role: a.role,
      confirmedAt: iso(a.confirmed_at),
    }));
    return {
      id: p.id,
      email: p.email,
      displayName: p.display_name,
      phone: p.phone,
      bio: p.bio,
      locale: p.locale as Locale,
      roles: p.roles as Role[],
      interests: p.interests,
      emailVerified: !!p.email_verified_at,
      membership: toMembershipDto(p as MembershipRow),
      consents: CONSENT_PURPOSES.map((purpose): ConsentDto => {
        const c = consents.find((x) => x.purpose === purpose);
        return { purpose, granted: c?.granted ?? false, changedAt: iso(c?.changed_at ?? null) };
      }),
      affiliations,
    };
  }

  async updateProfile(personId: string, req: UpdateProfileRequest): Promise<MeDto> {
    await this.ds.transaction(async (em) => {
      const sets: string[] = [];
      const params: unknown[] = [personId];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (req.displayName !== undefined) set('display_name', req.displayName);
      if (req.phone !== undefined) set('phone', req.phone);
      if (req.bio !== undefined) set('bio', req.bio);
      if (req.locale !== undefined) set('locale', req.locale);
      if (sets.length) await em.query(`UPDATE person SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
      if (req.interests) {
        const unique = [...new Set(req.interests)];
        const known: { id: string }[] = await em.query(`SELECT id FROM action_field WHERE id = ANY($1)`, [unique]);
        if (known.length !== unique.length) throw DomainError.badRequest('Unknown action field in interests', 'UNKNOWN_ACTION_FIELD');
        await em.query(`DELETE FROM person_interest WHERE person_id = $1`, [personId]);
        await em.query(`INSERT INTO person_interest (person_id, action_field_id) SELECT $1, unnest($2::uuid[])`, [personId, unique]);
      }
    });
    return this.me(personId);
  }

  /** Grants or revokes one purpose; every change is kept and counts as taking part. */
  async setConsent(personId: string, purpose: ConsentPurpose, granted: boolean): Promise<ConsentDto[]> {
    await this.ds.transaction(async (em) => {
      const [current]: { granted: boolean }[] = await em.query(
        `SELECT granted FROM consent WHERE person_id = $1 AND purpose = $2 FOR UPDATE`,
        [personId, purpose],
      );
      if (current && current.granted === granted) return;
      await em.query(
        `INSERT INTO consent (person_id, purpose, granted, changed_at) VALUES ($1,$2,$3,now())
         ON CONFLICT (person_id, purpose) DO UPDATE SET granted = EXCLUDED.granted, changed_at = now()`,
        [personId, purpose, granted],
      );
      await em.query(`INSERT INTO consent_event (person_id, purpose, granted) VALUES ($1,$2,$3)`, [personId, purpose, granted]);
      await recordParticipation(em, { personId, kind: 'consent_changed', subjectType: 'consent', data: { purpose, granted } });
    });
    return (await this.me(personId)).consents;
  }

  /**
   * Erases the person's personal data; their contributions stay and are shown as
   * "former member". Organisation links end, sessions end, consents are withdrawn.
   */
  async deleteAccount(personId: string, password: string): Promise<void> {
    await this.auth.checkPassword(personId, password);
    const revoked = await this.ds.transaction(async (em) => {
      const [row]: { deleted_at: Date | null }[] = await em.query(`SELECT deleted_at FROM person WHERE id = $1 FOR UPDATE`, [personId]);
      const [membership]: { status: string }[] = await em.query(`SELECT status FROM alliance_membership WHERE person_id = $1 FOR UPDATE`, [personId]);
      if (!row || row.deleted_at) throw new DomainError('ACCOUNT_DELETED', HttpStatus.GONE, 'The account no longer exists');
      await em.query(
        `UPDATE person SET email = 'deleted-' || id || '@invalid', password_hash = NULL, display_name = NULL, phone = NULL,
                bio = NULL, roles = '{}', deleted_at = now(), updated_at = now() WHERE id = $1`,
        [personId],
      );
      await em.query(`DELETE FROM person_interest WHERE person_id = $1`, [personId]);
      await em.query(`DELETE FROM email_token WHERE person_id = $1`, [personId]);
      await em.query(`UPDATE affiliation SET ended_at = now() WHERE person_id = $1 AND ended_at IS NULL`, [personId]);
      const granted: { purpose: string }[] = await em.query(`SELECT purpose FROM consent WHERE person_id = $1 AND granted`, [personId]);
      await em.query(`UPDATE consent SET granted = false, changed_at = now() WHERE person_id = $1 AND granted`, [personId]);
      for (const c of granted) {
        await em.query(`INSERT INTO consent_event (person_id, purpose, granted) VALUES ($1,$2,false)`, [personId, c.purpose]);
      }
      await em.query(
        `UPDATE alliance_membership SET status = 'left', awaiting_approval = false, updated_at = now() WHERE person_id = $1 AND status <> 'left'`,
        [personId],
      );
      if (membership?.status !== 'left') {
        await em.query(
          `INSERT INTO alliance_membership_event (person_id, from_status, to_status, reason, actor_id) VALUES ($1, $2, 'left', 'account deleted', NULL)`,
          [personId, membership?.status ?? null],
        );
      }
      return this.auth.revokeAllSessions(em, personId, 'account_deleted');
    });
    this.events.emit('sessions.revoked', { sessionIds: revoked });
  }
}
