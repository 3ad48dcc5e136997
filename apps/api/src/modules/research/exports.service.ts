import { Injectable } from '@nestjs/common';
import type { CreateExportRequest, ExportFile, ExportLogEntry, ExportResult, StudyDto } from '@allmende/contracts';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { CONSENTING } from './research.service';

/** A keyed hash of the person id with the study's secret: stable within a study, unrelated between studies. */
export function pseudonym(secret: Buffer, personId: string): string {
  return createHmac('sha256', secret).update(personId).digest('base64url').slice(0, 16);
}

const csvValue = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => csvValue(r[c])).join(','))].join('\r\n') + '\r\n';
}

const PERSON_COLUMNS = ['pseudonym', 'actor_type', 'sector', 'district', 'joined_on'];
const EVENT_COLUMNS = ['pseudonym', 'kind', 'occurred_at', 'actor_type', 'sector', 'action_field', 'working_group', 'subject_type'];

const CODEBOOK = (study: string, exportedAt: string, filters: Record<string, unknown>) => `# Codebook — Allmende participation export

Study: ${study}
Exported: ${exportedAt}
Filters: ${JSON.stringify(filters)}

Only persons who had given research consent at the time of the export are included.
No names, e-mail addresses or organisation names are exported.

## persons
- pseudonym: keyed hash (HMAC-SHA-256 with this study's secret) of the person's id. The same person has the
  same pseudonym in every export of this study and an unrelated one in other studies.
- actor_type: quadruple helix type of the person's main organisation today: business, public_administration,
  science, civil_society, intermediary.
- sector: for businesses: crafts, retail, industry, services, hospitality, start_up; empty otherwise.
- district: district of the main organisation (Bottrop's districts, or "Extern").
- joined_on: date the person first asked to join the alliance (ISO date).

## events (participation events, recorded in the normal use of the platform)
- pseudonym: as in persons.
- kind: alliance_registered, charter_signed, membership_approved, membership_changed, alliance_left,
  consent_changed, organisation_joined, organisation_left, group_proposed, group_joined, group_left,
  group_role_changed, meeting_registered, meeting_attended (check-in at a meeting), poll_voted (dot voting),
  card_created, card_moved, card_edited, responsibility_taken (made responsible for a board card),
  message_posted (discussion).
- occurred_at: time of the event (ISO, UTC).
- actor_type, sector: of the person's main organisation at the time of the event (later changes do not
  rewrite history).
- action_field: slug of the action field the event belongs to (through its working group or card); empty for
  alliance-wide events (e.g. plenary meetings).
- working_group: name of the working group the event belongs to; empty for alliance-wide events.
- subject_type: what the event is about: working_group, meeting, poll, card, thread, organisation,
  charter_version, consent, alliance.

## Figures on the dashboard
- Participation: distinct persons and events per period (month or quarter, Europe/Berlin) and category.
- Continuity: share of people who attended at least k of the last n plenary meetings, among those who attended
  any of them; retention: of the people who first took part in a quarter, the share taking part in each later one.
- Cells with fewer than 5 persons are suppressed ("< 5").
`;

/** Pseudonymised exports for a study; each export is logged (who, when, filters, size). */
@Injectable()
export class ExportsService {
  constructor(private readonly ds: DataSource) {}

  async studies(): Promise<StudyDto[]> {
    const rows = await this.ds.query(`SELECT id, name, created_at FROM research_study ORDER BY created_at`);
    return rows.map((r: { id: string; name: string; created_at: Date }) => ({ id: r.id, name: r.name, createdAt: new Date(r.created_at).toISOString() }));
  }

  async createStudy(name: string, user: AuthUser): Promise<StudyDto> {
    const [row] = await this.ds.query(
      `INSERT INTO research_study (name, secret, created_by) VALUES ($1,$2,$3) ON CONFLICT (name) DO NOTHING RETURNING id, name, created_at`,
      [name, randomBytes(32), user.id],
    );
    if (!row) throw DomainError.conflict('A study with this name exists', 'STUDY_EXISTS');
    return { id: row.id, name: row.name, createdAt: new Date(row.created_at).toISOString() };
  }

  async export(req: CreateExportRequest, user: AuthUser): Promise<ExportResult> {
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      const [study] = await em.query(`SELECT id, name, secret FROM research_study WHERE id = $1`, [req.studyId]);
      if (!study) throw DomainError.notFound('Study');
      const persons: { id: string; actor_type: string | null; sector: string | null; district: string | null; joined_on: string | null }[] = await em.query(
        `SELECT p.id, o.actor_type, o.sector, o.district,
                to_char(coalesce((SELECT min(e.created_at) FROM alliance_membership_event e WHERE e.person_id = p.id), p.created_at), 'YYYY-MM-DD') AS joined_on
           FROM person p
           LEFT JOIN LATERAL (SELECT org.* FROM affiliation a JOIN organisation org ON org.id = a.organisation_id
                               WHERE a.person_id = p.id AND a.ended_at IS NULL ORDER BY (a.role = 'representative') DESC, a.created_at LIMIT 1) o ON true
          WHERE p.id IN (${CONSENTING}) AND p.deleted_at IS NULL ORDER BY p.id`,
      );
      const events: Record<string, unknown>[] = await em.query(
        `SELECT e.person_id, e.kind, e.occurred_at, e.actor_type, e.sector, f.slug AS action_field, g.name AS working_group, e.subject_type
           FROM participation_event e
           LEFT JOIN action_field f ON f.id = e.action_field_id LEFT JOIN working_group g ON g.id = e.group_id
          WHERE e.person_id IN (${CONSENTING}) AND ($1::timestamptz IS NULL OR e.occurred_at >= $1) AND ($2::timestamptz IS NULL OR e.occurred_at < $2)
          ORDER BY e.occurred_at, e.id`,
        [req.from ?? null, req.to ?? null],
      );
      const secret: Buffer = study.secret;
      const personRows = persons.map((p) => ({ pseudonym: pseudonym(secret, p.id), actor_type: p.actor_type, sector: p.sector, district: p.district, joined_on: p.joined_on }));
      const eventRows = events.map(({ person_id, occurred_at, ...e }) => ({
        pseudonym: pseudonym(secret, person_id as string),
        occurred_at: new Date(occurred_at as Date).toISOString(),
        ...e,
      }));
      const filters = { from: req.from ?? null, to: req.to ?? null, format: req.format };
      const [log] = await em.query(
        `INSERT INTO research_export (study_id, exported_by, filters, persons, events) VALUES ($1,$2,$3,$4,$5) RETURNING id, created_at`,
        [study.id, user.id, JSON.stringify(filters), personRows.length, eventRows.length],
      );
      const createdAt = new Date(log.created_at).toISOString();
      const files: ExportFile[] =
        req.format === 'csv'
          ? [
              { name: 'persons.csv', contentType: 'text/csv', content: toCsv(PERSON_COLUMNS, personRows) },
              { name: 'events.csv', contentType: 'text/csv', content: toCsv(EVENT_COLUMNS, eventRows) },
            ]
          : [
              { name: 'persons.json', contentType: 'application/json', content: JSON.stringify(personRows, null, 1) },
              { name: 'events.json', contentType: 'application/json', content: JSON.stringify(eventRows, null, 1) },
            ];
      files.push({ name: 'codebook.md', contentType: 'text/markdown', content: CODEBOOK(study.name, createdAt, filters) });
      return { id: log.id, studyId: study.id, createdAt, persons: personRows.length, events: eventRows.length, files };
    });
  }

  async log(): Promise<ExportLogEntry[]> {
    const rows = await this.ds.query(
      `SELECT x.id, s.name AS study, p.display_name AS exported_by, x.created_at, x.filters, x.persons, x.events
         FROM research_export x JOIN research_study s ON s.id = x.study_id LEFT JOIN person p ON p.id = x.exported_by
        ORDER BY x.created_at DESC LIMIT 200`,
    );
    return rows.map((r: { id: string; study: string; exported_by: string | null; created_at: Date; filters: Record<string, unknown>; persons: number; events: number }) => ({
      id: r.id,
      study: r.study,
      exportedBy: r.exported_by ?? '',
      createdAt: new Date(r.created_at).toISOString(),
      filters: r.filters,
      persons: r.persons,
      events: r.events,
    }));
  }
}
