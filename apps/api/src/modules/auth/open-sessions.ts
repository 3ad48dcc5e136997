import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Role } from '@allmende/contracts';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DomainEventBus } from '../../common/domain-events';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

/** The channel a database trigger notifies when a session ends or its person changes (migration SessionEndedNotifications). */
export const SESSION_ENDED_CHANNEL = 'allmende_session_ended';
/** A remembered answer is asked again after this long, whatever happened (a second line of defence). */
const RECHECK_AFTER_MS = 30_000;
const MAX_REMEMBERED = 20_000;

interface OpenSession {
  personId: string;
  roles: Role[];
  expiresAt: number;
  checkedAt: number;
}

/**
 * Which sessions are open, remembered between requests: every request and socket
 * checks its session, and asking the database each time was a third of a card
 * move's statements (ADR 7). An answer is forgotten the moment the database says the
 * session ended or its person changed (LISTEN on a trigger's NOTIFY, so every
 * instance hears it, with or without Redis), when this instance revokes it itself,
 * at the session's expiry, and after RECHECK_AFTER_MS in any case. While the
 * listening connection is down nothing is remembered: every check asks the database.
 */
@Injectable()
export class OpenSessions implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OpenSessions.name);
  private readonly remembered = new Map<string, OpenSession>();
  /** Bumped whenever anything is forgotten, so an answer read before that is not remembered after it. */
  private forgotten = 0;
  private listener: Client | null = null;
  private closed = false;

  constructor(
    private readonly ds: DataSource,
    events: DomainEventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    events.on('sessions.revoked', ({ sessionIds }) => sessionIds.forEach((id) => this.forget(`session:${id}`)));
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** The roles of the person if the session is open (and theirs), else null. */
  async check(personId: string, sessionId: string): Promise<Role[] | null> {
    const now = Date.now();
    const known = this.remembered.get(sessionId);
    if (known && this.listener && known.personId === personId && known.expiresAt > now && now - known.checkedAt < RECHECK_AFTER_MS) {
      return known.roles;
    }
    const forgottenBefore = this.forgotten;
    const rows: { roles: Role[]; expires_at: Date }[] = await this.ds.query(
      `SELECT p.roles, s.expires_at FROM auth_session s JOIN person p ON p.id = s.person_id
        WHERE s.id = $1 AND s.person_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND p.deleted_at IS NULL`,
      [sessionId, personId],
    );
    if (!rows.length) {
      this.remembered.delete(sessionId);
      return null;
    }
    if (this.listener && this.forgotten === forgottenBefore) {
      if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
      this.remembered.set(sessionId, { personId, roles: rows[0].roles, expiresAt: new Date(rows[0].expires_at).getTime(), checkedAt: now });
    }
    return rows[0].roles;
  }

  /** A notification names a session (`session:<id>`) or a person (`person:<id>`); anything else forgets all. */
  private forget(payload: string | undefined): void {
    this.forgotten++;
    const [kind, id] = (payload ?? '').split(':');
    if (kind === 'session') this.remembered.delete(id);
    else if (kind === 'person') {
      for (const [sessionId, s] of this.remembered) if (s.personId === id) this.remembered.delete(sessionId);
    } else this.remembered.clear();
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'allmende-sessions' });
    let lost = false;
    const onLost = (err?: unknown) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = null;
      this.forget('everything');
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn({ err }, 'Session notifications lost; checking every session in the database until they are back');
      setTimeout(() => void this.listen(), 1000).unref();
    };
    client.on('notification', (n) => this.forget(n.payload));
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_ENDED_CHANNEL}`);
      if (this.closed) await client.end();
      else if (!lost) this.listener = client;
    } catch (err) {
      onLost(err);
    }
  }
}
