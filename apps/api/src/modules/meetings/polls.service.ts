import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ClosePollRequest, OpenPollRequest, PollDto } from '@allmende/contracts';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { DomainEventBus } from '../../common/domain-events';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { recordParticipation } from '../participation/participation';
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

// results of a busy poll are sent at most this often: one query and one broadcast for many votes
const BROADCAST_EVERY_MS = 20;

/** Live dot voting (Punktabfrage) inside a meeting. */
@Injectable()
export class PollsService implements OnModuleDestroy {
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
    this.broadcastReads = new Pool({ connectionString: config.databaseUrl, max: 2, application_name: 'allmende-poll-results' });
  }

  async onModuleDestroy(): Promise<void> {
    this.pending.forEach((t) => clearTimeout(t));
    await this.broadcastReads.end();
  }

  private async load(em: EntityManager | DataSource | Pool, pollId: string, lock: '' | 'FOR UPDATE' | 'FOR SHARE' = ''): Promise<PollRow> {
    const sql = `SELECT * FROM poll WHERE id = $1 ${lock}`;
    const [row]: PollRow[] = em instanceof Pool ? (await em.query(sql, [pollId])).rows : await em.query(sql, [pollId]);
    if (!row) throw DomainError.notFound('Poll');
    return row;
  }

  private async results(em: EntityManager | DataSource | Pool, poll: PollRow, personId: string | null): Promise<PollDto> {
    const query = (sql: string, params: unknown[]) =>
      em instanceof Pool ? em.query(sql, params).then((r) => r.rows) : em.query(sql, params);
    const rows: { option_id: string; dots: string; voters: string; mine: string }[] = await query(
      `SELECT option_id, sum(dots) AS dots, 0 AS voters, coalesce(sum(dots) FILTER (WHERE person_id = $2::uuid), 0) AS mine
         FROM poll_vote WHERE poll_id = $1 GROUP BY option_id
       UNION ALL SELECT '', 0, count(DISTINCT person_id), 0 FROM poll_vote WHERE poll_id = $1`,
      [poll.id, personId],
    );
    const voters = Number(rows.find((r) => r.option_id === '')?.voters ?? 0);
    const myDots: Record<string, number> = {};
    for (const r of rows) if (r.option_id && Number(r.mine) > 0) myDots[r.option_id] = Number(r.mine);
    return {
      id: poll.id,
      meetingId: poll.meeting_id,
      agendaItemId: poll.agenda_item_id,
      question: poll.question,
      dotsPerPerson: poll.dots_per_person,
      status: poll.status,
      options: poll.options.map((o) => ({ id: o.id, label: o.label, dots: Number(rows.find((r) => r.option_id === o.id)?.dots ?? 0) })),
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
      const poll = await this.load(this.broadcastReads, pollId).catch(() => null);
      if (!poll) return;
      const { myDots: _mine, ...shared } = await this.results(this.broadcastReads, poll, null);
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
   * requests, so the total can never exceed the dots a person has.
   */
  async cast(pollId: string, dots: Record<string, number>, user: AuthUser): Promise<PollDto> {
    const result = await this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, [pollId, user.id]);
      const poll = await this.load(em, pollId, 'FOR SHARE');
      if (poll.status !== 'open') throw DomainError.conflict('The poll is closed', PollErrors.Closed);
      const attendee = await em.query(
        `SELECT 1 FROM meeting_registration WHERE meeting_id = $1 AND person_id = $2 AND checked_in_at IS NOT NULL AND status = 'registered'`,
        [poll.meeting_id, user.id],
      );
      if (!attendee.length && !isOffice(user)) throw DomainError.forbidden('Only checked-in participants vote', PollErrors.NotCheckedIn);
      const entries = Object.entries(dots).filter(([, n]) => n !== 0);
      for (const [optionId, n] of entries) {
        if (!poll.options.some((o) => o.id === optionId)) throw DomainError.badRequest(`Unknown option ${optionId}`, PollErrors.UnknownOption);
        if (!Number.isInteger(n) || n < 0) throw DomainError.badRequest('Dots are whole numbers of at least 0', 'VALIDATION_FAILED');
      }
      const total = entries.reduce((sum, [, n]) => sum + n, 0);
      if (total > poll.dots_per_person) {
        throw DomainError.conflict(`You have ${poll.dots_per_person} dots, not ${total}`, PollErrors.TooManyDots);
      }
      const [, replaced] = await em.query(`DELETE FROM poll_vote WHERE poll_id = $1 AND person_id = $2`, [pollId, user.id]);
      const first = !replaced;
      if (entries.length) {
        await em.query(
          `INSERT INTO poll_vote (poll_id, person_id, option_id, dots) SELECT $1, $2, o, d FROM unnest($3::text[], $4::int[]) AS v(o, d)`,
          [pollId, user.id, entries.map(([o]) => o), entries.map(([, n]) => n)],
        );
      }
      if (first && entries.length) {
        await recordParticipation(em, { personId: user.id, kind: 'poll_voted', subjectType: 'poll', subjectId: pollId, data: { meetingId: poll.meeting_id } });
      }
      return this.results(em, poll, user.id);
    });
    this.scheduleBroadcast(pollId);
    return result;
  }

  /** Freezes the poll; optionally records the decision it led to. */
  async close(pollId: string, req: ClosePollRequest, user: AuthUser): Promise<PollDto> {
    const result = await this.ds.transaction(async (em) => {
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
