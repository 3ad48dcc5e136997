import { Injectable } from '@nestjs/common';
import type { CouncilReport } from '@allmende/contracts';
import { DataSource } from 'typeorm';

/**
 * The office's report for the city council over a period: members and organisations,
 * meetings and attendance, groups by state, outputs by stage, decisions. Aggregates of
 * the alliance's own work (not research data), so no consent filter applies.
 */
@Injectable()
export class CouncilReportService {
  constructor(private readonly ds: DataSource) {}

  async report(from: string, to: string): Promise<CouncilReport> {
    const q = <T>(sql: string, params: unknown[] = [from, to]): Promise<T[]> => this.ds.query(sql, params);
    const [members, meetings, plenaries, groups, outputs, decisions] = await Promise.all([
      q<{ actor_type: string | null; persons: number; organisations: number }>(
        `SELECT o.actor_type, count(DISTINCT m.person_id)::int AS persons, count(DISTINCT o.id)::int AS organisations
           FROM alliance_membership m
           LEFT JOIN affiliation a ON a.person_id = m.person_id AND a.ended_at IS NULL
           LEFT JOIN organisation o ON o.id = a.organisation_id
          WHERE m.status IN ('signatory','active','dormant') GROUP BY 1 ORDER BY 1`,
        [],
      ),
      q<{ kind: string; held: number; attendance: number }>(
        `SELECT m.kind, count(*)::int AS held,
                coalesce(sum((SELECT count(*) FROM meeting_registration r WHERE r.meeting_id = m.id AND r.checked_in_at IS NOT NULL)), 0)::int AS attendance
           FROM meeting m WHERE m.cancelled_at IS NULL AND m.starts_at >= $1::date AND m.starts_at < $2::date AND m.starts_at < now()
          GROUP BY 1 ORDER BY 1`,
      ),
      q<{ series_number: number; title: string; starts_at: Date; attendance: number }>(
        `SELECT m.series_number, m.title, m.starts_at,
                (SELECT count(*) FROM meeting_registration r WHERE r.meeting_id = m.id AND r.checked_in_at IS NOT NULL)::int AS attendance
           FROM meeting m WHERE m.kind = 'plenary' AND m.cancelled_at IS NULL AND m.starts_at >= $1::date AND m.starts_at < $2::date AND m.starts_at < now()
          ORDER BY m.starts_at`,
      ),
      q<{ state: string; count: number; names: string[] }>(`SELECT state, count(*)::int AS count, array_agg(name ORDER BY name) AS names FROM working_group GROUP BY 1 ORDER BY 1`, []),
      q<{ stage: string; n: number }>(`SELECT stage, count(*)::int AS n FROM card WHERE deleted_at IS NULL GROUP BY 1`, []),
      q<{ text: string; method: string; participation_level: string; outcome: string; meeting_title: string; decided_at: Date }>(
        `SELECT d.text, d.method, d.participation_level, d.outcome, m.title AS meeting_title, d.decided_at
           FROM decision d JOIN meeting m ON m.id = d.meeting_id WHERE d.decided_at >= $1::date AND d.decided_at < $2::date ORDER BY d.decided_at`,
      ),
    ]);
    return {
      from,
      to,
      generatedAt: new Date().toISOString(),
      members: {
        total: (await q<{ n: number }>(`SELECT count(*)::int AS n FROM alliance_membership WHERE status IN ('signatory','active','dormant')`, []))[0].n,
        byActorType: members.map((m) => ({ actorType: m.actor_type ?? 'none', persons: m.persons, organisations: m.organisations })),
      },
      meetings: meetings,
      plenaries: plenaries.map((p) => ({ seriesNumber: p.series_number, title: p.title, startsAt: new Date(p.starts_at).toISOString(), attendance: p.attendance })),
      groups,
      outputs: Object.fromEntries(outputs.map((o) => [o.stage, o.n])),
      decisions: decisions.map((d) => ({
        text: d.text,
        method: d.method,
        participationLevel: d.participation_level,
        outcome: d.outcome,
        meetingTitle: d.meeting_title,
        decidedAt: new Date(d.decided_at).toISOString(),
      })),
    };
  }
}
