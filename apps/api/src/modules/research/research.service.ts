import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  MIN_CELL,
  type Cell,
  type CompositionReport,
  type ContinuityReport,
  type OutputsReport,
  type ParticipationReport,
  type ResearchFilter,
  type ResearchGroupBy,
  type ResearchPeriod,
} from '@allmende/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

/** Persons with research consent now: nobody else is counted anywhere in research. */
export const CONSENTING = `SELECT person_id FROM consent WHERE purpose = 'research' AND granted`;
const NIL = '00000000-0000-0000-0000-000000000000';

/** A count behind which fewer than MIN_CELL persons stand is not shown. */
export function cell(value: number, persons = value): Cell {
  return persons < MIN_CELL ? { value: null, suppressed: true } : { value, suppressed: false };
}

const KEY: Record<ResearchGroupBy, string> = {
  actorType: `nullif(pm.actor_type, '')`,
  sector: `nullif(pm.sector, '')`,
  actionField: `nullif(pm.action_field_id, '${NIL}')::text`,
  group: `nullif(pm.group_id, '${NIL}')::text`,
};
const PERIOD_FORMAT: Record<ResearchPeriod, string> = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q' };

/**
 * The researchers' dashboard, read from the monthly roll-up of participation events
 * (refreshed when events were added, at most every RESEARCH_REFRESH_SECONDS).
 */
@Injectable()
export class ResearchService {
  private readonly logger = new Logger('Research');
  private refreshedUpTo = -1;
  private refreshedAt = 0;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Brings the roll-up up to date when new events exist and the last refresh is old enough. */
  async fresh(): Promise<void> {
    const [{ max }] = await this.ds.query(`SELECT coalesce(max(id), 0)::bigint AS max FROM participation_event`);
    const due = Date.now() - this.refreshedAt >= this.config.env.RESEARCH_REFRESH_SECONDS * 1000;
    if (Number(max) === this.refreshedUpTo || (!due && this.refreshedUpTo >= 0)) return;
    this.refreshing ??= (async () => {
      const started = Date.now();
      await this.ds.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY participation_monthly`);
      // a refresh keeps no statistics; without them the planner picks nested loops over the roll-up
      await this.ds.query(`ANALYZE participation_monthly`);
      this.refreshedUpTo = Number(max);
      this.refreshedAt = Date.now();
      this.logger.debug(`participation_monthly refreshed in ${Date.now() - started} ms`);
    })().finally(() => (this.refreshing = null));
    await this.refreshing;
  }

  private filters(f: ResearchFilter, params: unknown[]): string {
    const where: string[] = [];
    const add = (value: unknown, sql: (p: string) => string) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (f.from) add(f.from, (p) => `pm.month >= date_trunc('month', ${p}::date)`);
    if (f.to) add(f.to, (p) => `pm.month < ${p}::date`);
    if (f.actionField) add(f.actionField, (p) => `pm.action_field_id = ${p}::uuid`);
    if (f.group) add(f.group, (p) => `pm.group_id = ${p}::uuid`);
    return where.length ? `AND ${where.join(' AND ')}` : '';
  }

  private async consentingCount(): Promise<number> {
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM (${CONSENTING}) c`);
    return n;
  }

  async participation(groupBy: ResearchGroupBy, period: ResearchPeriod, f: ResearchFilter): Promise<ParticipationReport> {
    await this.fresh();
    const params: unknown[] = [PERIOD_FORMAT[period], period];
    // per person first (hash aggregate), then count persons per cell; dates are formatted last, on few rows
    const rows: { period: string; key: string | null; persons: number; events: number }[] = await this.ds.query(
      `SELECT to_char(x.p, $1) AS period, x.key, count(*)::int AS persons, sum(x.events)::int AS events
         FROM (SELECT date_trunc($2, pm.month) AS p, ${KEY[groupBy]} AS key, pm.person_id, sum(pm.events) AS events
                 FROM participation_monthly pm JOIN consent c ON c.person_id = pm.person_id AND c.purpose = 'research' AND c.granted
                WHERE true ${this.filters(f, params)}
                GROUP BY 1, 2, 3) x
        GROUP BY x.p, x.key ORDER BY x.p, x.key`,
      params,
    );
    const labels = await this.labels(groupBy);
    return {
      groupBy,
      period,
      consentingPersons: await this.consentingCount(),
      rows: rows.map((r) => ({
        period: r.period,
        key: r.key,
        label: r.key === null ? '' : (labels.get(r.key) ?? r.key),
        persons: cell(r.persons),
        events: cell(r.events, r.persons),
      })),
    };
  }

  private async labels(groupBy: ResearchGroupBy): Promise<Map<string, string>> {
    if (groupBy === 'actionField') return new Map((await this.ds.query(`SELECT id::text, name_de AS name FROM action_field`)).map((r: { id: string; name: string }) => [r.id, r.name]));
    if (groupBy === 'group') return new Map((await this.ds.query(`SELECT id::text, name FROM working_group`)).map((r: { id: string; name: string }) => [r.id, r.name]));
    return new Map();
  }

  async continuity(k: number, n: number): Promise<ContinuityReport> {
    await this.fresh();
    const plenaries: { id: string; series_number: number; starts_at: Date }[] = await this.ds.query(
      `SELECT id, series_number, starts_at FROM meeting WHERE kind = 'plenary' AND cancelled_at IS NULL AND starts_at < now()
        ORDER BY starts_at DESC LIMIT $1`,
      [n],
    );
    const [att] = await this.ds.query(
      `SELECT count(*)::int AS attendees, count(*) FILTER (WHERE times >= $2)::int AS at_least_k FROM (
         SELECT person_id, count(DISTINCT subject_id) AS times FROM participation_event
          WHERE kind = 'meeting_attended' AND subject_id = ANY($1::uuid[]) AND person_id IN (${CONSENTING}) GROUP BY person_id) x`,
      [plenaries.map((p) => p.id), k],
    );
    // cohorts: the quarter of a person's first participation; retention: share active in each of the next eight quarters
    const cohortRows: { cohort: string; quarter: string; persons: number; size: number }[] = await this.ds.query(
      `WITH firsts AS (
         SELECT person_id, date_trunc('quarter', min(month)) AS cohort FROM participation_monthly WHERE person_id IN (${CONSENTING}) GROUP BY person_id),
       active AS (SELECT DISTINCT person_id, date_trunc('quarter', month) AS quarter FROM participation_monthly)
       SELECT to_char(f.cohort, 'YYYY-"Q"Q') AS cohort, to_char(a.quarter, 'YYYY-"Q"Q') AS quarter, count(*)::int AS persons,
              (SELECT count(*) FROM firsts f2 WHERE f2.cohort = f.cohort)::int AS size
         FROM firsts f JOIN active a ON a.person_id = f.person_id AND a.quarter >= f.cohort
        WHERE a.quarter < f.cohort + interval '2 years'
        GROUP BY f.cohort, a.quarter ORDER BY f.cohort, a.quarter`,
    );
    const cohorts = new Map<string, ContinuityReport['cohorts'][number]>();
    for (const r of cohortRows) {
      const c = cohorts.get(r.cohort) ?? { cohort: r.cohort, size: cell(r.size), retention: [] };
      c.retention.push({ quarter: r.quarter, share: r.size < MIN_CELL ? null : Math.round((r.persons / r.size) * 1000) / 1000 });
      cohorts.set(r.cohort, c);
    }
    const attendees = cell(att.attendees);
    return {
      k,
      n,
      plenaries: plenaries.map((p) => ({ id: p.id, seriesNumber: p.series_number, startsAt: new Date(p.starts_at).toISOString() })),
      attendees,
      atLeastK: cell(att.at_least_k),
      share: attendees.suppressed || att.attendees === 0 ? null : Math.round((att.at_least_k / att.attendees) * 1000) / 1000,
      cohorts: [...cohorts.values()],
    };
  }

  async composition(): Promise<CompositionReport> {
    const mainOrg = `(SELECT o.actor_type FROM affiliation a JOIN organisation o ON o.id = a.organisation_id
                       WHERE a.person_id = p.person_id AND a.ended_at IS NULL ORDER BY (a.role = 'representative') DESC, a.created_at LIMIT 1)`;
    const alliance: { actor_type: string | null; persons: number }[] = await this.ds.query(
      `SELECT ${mainOrg} AS actor_type, count(*)::int AS persons FROM alliance_membership p
        WHERE p.status IN ('signatory','active','dormant') AND p.person_id IN (${CONSENTING}) GROUP BY 1 ORDER BY 1`,
    );
    const groups: { group_id: string; name: string; actor_type: string | null; persons: number }[] = await this.ds.query(
      `SELECT g.id AS group_id, g.name, ${mainOrg} AS actor_type, count(*)::int AS persons
         FROM working_group g JOIN group_membership p ON p.group_id = g.id AND p.status = 'member' AND p.ended_at IS NULL
        WHERE g.state IN ('approved','active','dormant','permanent') AND p.person_id IN (${CONSENTING})
        GROUP BY g.id, g.name, 3 ORDER BY g.name, 3`,
    );
    const byGroup = new Map<string, CompositionReport['groups'][number]>();
    for (const r of groups) {
      const g = byGroup.get(r.group_id) ?? { groupId: r.group_id, name: r.name, actorTypes: [] };
      g.actorTypes.push({ actorType: r.actor_type ?? 'none', persons: cell(r.persons) });
      byGroup.set(r.group_id, g);
    }
    return { alliance: alliance.map((r) => ({ actorType: r.actor_type ?? 'none', persons: cell(r.persons) })), groups: [...byGroup.values()] };
  }

  async outputs(): Promise<OutputsReport> {
    const byGroup: { group_id: string | null; name: string; stage: string; n: number }[] = await this.ds.query(
      `SELECT b.group_id, coalesce(g.name, b.title) AS name, c.stage, count(*)::int AS n FROM card c JOIN board b ON b.id = c.board_id
         LEFT JOIN working_group g ON g.id = b.group_id WHERE c.deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 2`,
    );
    const byField: { field_id: string | null; name: string | null; stage: string; n: number }[] = await this.ds.query(
      `SELECT f.id AS field_id, f.name_de AS name, c.stage, count(*)::int AS n FROM card c JOIN board b ON b.id = c.board_id
         LEFT JOIN working_group g ON g.id = b.group_id LEFT JOIN action_field f ON f.id = coalesce(c.action_field_id, g.action_field_id)
        WHERE c.deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 2`,
    );
    const decisions: { method: string; participation_level: string; n: number }[] = await this.ds.query(
      `SELECT method, participation_level, count(*)::int AS n FROM decision GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const fold = <K extends string | null>(rows: { key: K; name: string; stage: string; n: number }[]) => {
      const out = new Map<string, { key: K; name: string; stages: Record<string, number> }>();
      for (const r of rows) {
        const e = out.get(String(r.key)) ?? { key: r.key, name: r.name, stages: {} };
        e.stages[r.stage] = r.n;
        out.set(String(r.key), e);
      }
      return [...out.values()];
    };
    return {
      byGroup: fold(byGroup.map((r) => ({ key: r.group_id, name: r.name, stage: r.stage, n: r.n }))).map((e) => ({ groupId: e.key, name: e.name, stages: e.stages })),
      byActionField: fold(byField.map((r) => ({ key: r.field_id, name: r.name ?? '', stage: r.stage, n: r.n }))).map((e) => ({
        actionFieldId: e.key,
        name: e.name,
        stages: e.stages,
      })),
      decisions: decisions.map((d) => ({ method: d.method, participationLevel: d.participation_level, count: d.n })),
    };
  }
}
