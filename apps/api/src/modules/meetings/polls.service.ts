import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ClosePollRequest, OpenPollRequest, PollDto } from '@allmende/contracts';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { DomainEventBus } from '../../common/domain-events';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { PreparingClient } from '../../database/prepared-statements';
import { participationInsert } from '../participation/participation';
import { loadVisibleMeeting, requireRunner } from './meeting-access';
import { MeetingsService } from './meetings.service';

export const PollErrors = {
  Closed: 'POLL_CLOSED',
  TooManyDots: 'TOO_MANY_DOTS',
  NotCheckedIn: 'NOT_CHECKED_IN',
  UnknownOption: 'UNKNOWN_POLL_OPTION',
} as const;

interface PollRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  question: string;
  options: { id: string; label: string }[];
  dots_per_person: number;
  status: 'open' | 'closed';
}

/**
 * Votes hold this lock shared, closing holds it exclusively: a vote is either counted
 * before the poll closes or refused after. (A shared row lock on the poll would do the
 * same, but 200 voters sharing one row lock cost PostgreSQL a growing multixact each.)
 */
const pollLockKey = (pollId: string) => `hashtext('poll:' || ${pollId})`;

// results of a busy poll are sent at most this often: one query and one broadcast for many votes
const BROADCAST_EVERY_MS = 20;

/** Live dot voting (Punktabfrage) inside a meeting. */
@Injectable()
export class PollsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PollsService.name);
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /**
   * Result broadcasts read through their own two connections: during a burst of
   * votes the main pool is busy with vote transactions, and results must not queue behind them.
   */
  private readonly broadcastReads: Pool;

  constructor(
    private readonly ds: DataSource,
    private readonly events: DomainEventBus,
    private readonly meetings: MeetingsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // kept open: a vote burst must not wait for connections to be made
    this.broadcastReads = new Pool({
      connectionString: config.databaseUrl,
      max: 2,
      idleTimeoutMillis: 0,
      application_name: 'allmende-poll-results',
      Client: PreparingClient,
    });
    // an idle connection the server ended (restart, failover) is replaced on the next use
    this.broadcastReads.on('error', (err) => this.logger.warn({ err }, 'A poll results connection ended'));
  }

  /** Opens both result connections now: the first burst of votes must not wait for them. */
  async onModuleInit(): Promise<void> {
    await Promise.all([this.broadcastReads.query('SELECT 1'), this.broadcastReads.query('SELECT 1')]);
  }

  async onModuleDestroy(): Promise<void> {
    this.pending.forEach((t) => clearTimeout(t));
    await this.broadcastReads.end();
  }

  private async load(em: EntityManager | DataSource, pollId: string, lock: '' | 'FOR UPDATE' = ''): Promise<PollRow> {
    const sql = `SELECT * FROM poll WHERE id = $1 ${lock}`;
    const [row]: PollRow[] = await em.query(sql, [pollId]);
    if (!row) throw DomainError.notFound('Poll');
    return row;
  }

  private async results(em: EntityManager | DataSource, poll: PollRow, personId: string | null): Promise<PollDto> {
    const rows: { option_id: string; dots: string; voters: string; mine: string }[] = await em.query(
      `SELECT option_id, sum(dots) AS dots, 0 AS voters, coalesce(sum(dots) FILTER (WHERE person_id = $2::uuid), 0) AS mine
         FROM poll_vote WHERE poll_id = $1 GROUP BY option_id
       UNION ALL SELECT '', 0, count(DISTINCT person_id), 0 FROM poll_vote WHERE poll_id = $1`,
      [poll.id, personId],
    );
    const myDots: Record<string, number> = {};
    for (const r of rows) if (r.option_id && Number(r.mine) > 0) myDots[r.option_id] = Number(r.mine);
    return this.toDto(poll, (id) => Number(rows.find((r) => r.option_id === id)?.dots ?? 0), Number(rows.find((r) => r.option_id === '')?.voters ?? 0), myDots);
  }

  /** The poll with the dots each option has (`dotsOf`). */
  private toDto(poll: PollRow, dotsOf: (optionId: string) => number, voters: number, myDots: Record<string, number>): PollDto {
    return {
      id: poll.id,
      meetingId: poll.meeting_id,
      agendaItemId: poll.agenda_item_id,
      question: poll.question,
      dotsPerPerson: poll.dots_per_person,
      status: poll.status,
      options: poll.options.map((o) => ({ id: o.id, label: o.label, dots: dotsOf(o.id) })),
      voters,
      myDots,
    };
  }

  /** Coalesces result broadcasts of one poll; always sends the state after the newest commit. */
  private scheduleBroadcast(pollId: string, now = false): void {
    if (this.pending.has(pollId) && !now) return;
    clearTimeout(this.pending.get(pollId));
    const timer = setTimeout(async () => {
      this.pending.delete(pollId);
      // the poll and its counts in one round trip: during a burst every round trip waits for the busy database
      const { rows } = await this.broadcastReads
        .query<PollRow & { counts: { option_id: string; dots: number }[] | null; voters: number }>(
          `SELECT p.*, (SELECT json_agg(json_build_object('option_id', v.option_id, 'dots', v.dots))
                          FROM (SELECT option_id, sum(dots) AS dots FROM poll_vote WHERE poll_id = p.id GROUP BY option_id) v) AS counts,
                       (SELECT count(DISTINCT person_id) FROM poll_vote WHERE poll_id = p.id)::int AS voters
             FROM poll p WHERE p.id = $1`,
          [pollId],
        )
        .catch(() => ({ rows: [] }));
      if (!rows.length) return;
      const { counts, voters, ...poll } = rows[0];
      const { myDots: _mine, ...shared } = this.toDto(poll, (id) => Number(counts?.find((c) => c.option_id === id)?.dots ?? 0), voters, {});
      this.events.emit('poll.updated', { poll: shared });
    }, now ? 0 : BROADCAST_EVERY_MS);
    this.pending.set(pollId, timer);
  }

  async list(meetingId: string, user: AuthUser | undefined): Promise<PollDto[]> {
    await loadVisibleMeeting(this.ds, meetingId, user);
    const polls: PollRow[] = await this.ds.query(`SELECT * FROM poll WHERE meeting_id = $1 ORDER BY opened_at`, [meetingId]);
    return Promise.all(polls.map((p) => this.results(this.ds, p, user?.id ?? null)));
  }

  async open(meetingId: string, req: OpenPollRequest, user: AuthUser): Promise<PollDto> {
    const poll = await this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, meetingId, user, true);
      await requireRunner(em, m, user);
      const options = req.options.map((label) => ({ id: randomBytes(4).toString('hex'), label: label.trim() }));
      const [row]: PollRow[] = await em.query(
        `INSERT INTO poll (meeting_id, agenda_item_id, question, options, dots_per_person, opened_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING *`,
        [meetingId, req.agendaItemId ?? null, req.question, JSON.stringify(options), req.dotsPerPerson, user.id],
      );
      return this.results(em, row, user.id);
    });
    this.scheduleBroadcast(poll.id, true);
    return poll;
  }

  /**
   * Replaces the caller's dots. A per-person lock serialises a person's concurrent
   * requests, so the total can never exceed the dots a person has; the poll's lock
   * (shared) keeps closing out while the vote is written. Four round trips
   * (votes come in bursts, ADR 7): the lock with the poll and the attendance check; the
   * replacement with the participation event and everybody else's counts; then the
   * caller's own dots are added to those counts.
   */
  async cast(pollId: string, dots: Record<string, number>, user: AuthUser): Promise<PollDto> {
    const result = await this.ds.transaction(async (em) => {
      const [row]: (PollRow & { attendee: boolean })[] = await em.query(
        `SELECT p.*, EXISTS (SELECT 1 FROM meeting_registration r WHERE r.meeting_id = p.meeting_id AND r.person_id = $2::uuid
                               AND r.checked_in_at IS NOT NULL AND r.status = 'registered') AS attendee
           FROM poll p CROSS JOIN LATERAL (SELECT pg_advisory_xact_lock_shared(${pollLockKey('$1::text')}),
                                                  pg_advisory_xact_lock(hashtext($1::text || ':' || $2::text))) AS serialised
          WHERE p.id = $1::uuid`,
        [pollId, user.id],
      );
      if (!row) throw DomainError.notFound('Poll');
      const { attendee, ...poll } = row;
      if (poll.status !== 'open') throw DomainError.conflict('The poll is closed', PollErrors.Closed);
      if (!attendee && !isOffice(user)) throw DomainError.forbidden('Only checked-in participants vote', PollErrors.NotCheckedIn);
      const entries = Object.entries(dots).filter(([, n]) => n !== 0);
      for (const [optionId, n] of entries) {
        if (!poll.options.some((o) => o.id === optionId)) throw DomainError.badRequest(`Unknown option ${optionId}`, PollErrors.UnknownOption);
        if (!Number.isInteger(n) || n < 0) throw DomainError.badRequest('Dots are whole numbers of at least 0', 'VALIDATION_FAILED');
      }
      const total = entries.reduce((sum, [, n]) => sum + n, 0);
      if (total > poll.dots_per_person) {
        throw DomainError.conflict(`You have ${poll.dots_per_person} dots, not ${total}`, PollErrors.TooManyDots);
      }
      // one statement sees the poll as it was before it, so it counts the others and the caller's new dots are added here
      const others: { option_id: string; dots: string; voters: string }[] = await em.query(
        `WITH replaced AS (DELETE FROM poll_vote WHERE poll_id = $1 AND person_id = $2 RETURNING 1),
              cast_dots AS (INSERT INTO poll_vote (poll_id, person_id, option_id, dots) SELECT $1, $2, o, d FROM unnest($3::text[], $4::int[]) AS v(o, d)),
              participation AS (${participationInsert(
                { person: '$2::uuid', kind: `'poll_voted'`, subjectType: `'poll'`, subjectId: '$1::uuid', data: '$5::jsonb' },
                '(SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM replaced) AND cardinality($3::text[]) > 0) AS first_vote',
              )})
         SELECT option_id, sum(dots) AS dots, 0 AS voters FROM poll_vote WHERE poll_id = $1 AND person_id <> $2 GROUP BY option_id
         UNION ALL SELECT '', 0, count(DISTINCT person_id) FROM poll_vote WHERE poll_id = $1 AND person_id <> $2`,
        [pollId, user.id, entries.map(([o]) => o), entries.map(([, n]) => n), JSON.stringify({ meetingId: poll.meeting_id })],
      );
      const myDots: Record<string, number> = Object.fromEntries(entries);
      const othersDots = (id: string) => Number(others.find((r) => r.option_id === id)?.dots ?? 0);
      const voters = Number(others.find((r) => r.option_id === '')?.voters ?? 0) + (entries.length ? 1 : 0);
      return this.toDto(poll, (id) => othersDots(id) + (myDots[id] ?? 0), voters, myDots);
    });
    this.scheduleBroadcast(pollId);
    return result;
  }

  /** Freezes the poll; optionally records the decision it led to. */
  async close(pollId: string, req: ClosePollRequest, user: AuthUser): Promise<PollDto> {
    const result = await this.ds.transaction(async (em) => {
      // waits for votes in progress (they hold the poll's lock shared), and keeps new ones out until closed
      await em.query(`SELECT pg_advisory_xact_lock(${pollLockKey('$1::text')})`, [pollId]);
      const poll = await this.load(em, pollId, 'FOR UPDATE');
      const m = await loadVisibleMeeting(em, poll.meeting_id, user, true);
      await requireRunner(em, m, user);
      if (poll.status === 'closed') throw DomainError.conflict('The poll is already closed', PollErrors.Closed);
      await em.query(`UPDATE poll SET status = 'closed', closed_at = now() WHERE id = $1`, [pollId]);
      if (req.decision) {
        await this.meetings.addDecision(poll.meeting_id, { ...req.decision, method: 'dot_voting', agendaItemId: poll.agenda_item_id }, user, em, pollId);
      }
      return this.results(em, { ...poll, status: 'closed' }, user.id);
    });
    this.scheduleBroadcast(pollId, true);
    return result;
  }
}
