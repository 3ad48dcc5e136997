import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type AccessTokenResponse, type Locale, type RegisterRequest } from '@allmende/contracts';
import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { DomainEventBus } from '../../common/domain-events';
import { APP_CONFIG, AppConfig, publicLink } from '../../config/app-config';
import { MailService } from '../mail/mail.service';
import { accountMails } from '../mail/templates';
import { recordParticipation } from '../participation/participation';
import { ACCESS_TOKEN_SECONDS, AccessTokensService, unauthenticated } from './access-tokens.service';
import { LoginLimiter } from './login-limiter';
import { hashToken, newSecretToken } from './secret-tokens';

export const SESSION_DAYS = 30;
const VERIFY_HOURS = 48;
const RESET_HOURS = 1;
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// compared against when the e-mail is unknown, so both answers take the same time
const DUMMY_HASH = argon2.hash('not-a-real-password', ARGON2);

export const AuthErrors = {
  InvalidCredentials: 'INVALID_CREDENTIALS',
  EmailNotVerified: 'EMAIL_NOT_VERIFIED',
  InvalidToken: 'INVALID_OR_EXPIRED_TOKEN',
  RefreshReused: 'REFRESH_TOKEN_REUSED',
  WrongPassword: 'WRONG_PASSWORD',
} as const;

export interface LoginResult extends AccessTokenResponse {
  refreshToken: string;
}

interface PersonRow {
  id: string;
  display_name: string | null;
  locale: Locale;
  password_hash: string | null;
  email_verified_at: Date | null;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly tokens: AccessTokensService,
    private readonly mail: MailService,
    private readonly limiter: LoginLimiter,
    private readonly events: DomainEventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  hashPassword(password: string): Promise<string> {
    return argon2.hash(password, ARGON2);
  }

  private link(path: string, token: string): string {
    return publicLink(this.config, `${path}?token=${encodeURIComponent(token)}`);
  }

  /** Same answer whether or not the address is known; a known address gets a hint mail instead. */
  async register(req: RegisterRequest): Promise<void> {
    const email = req.email.trim().toLowerCase();
    const locale = req.locale ?? 'de';
    const passwordHash = await this.hashPassword(req.password);
    const outcome = await this.ds.transaction(async (em) => {
      const existing: PersonRow[] = await em.query(
        `SELECT id, display_name, locale FROM person WHERE email = $1 AND deleted_at IS NULL`,
        [email],
      );
      if (existing.length) return { known: existing[0] } as const;
      const [person] = await em.query(
        `INSERT INTO person (email, password_hash, display_name, roles, locale) VALUES ($1,$2,$3,'{member}',$4)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [email, passwordHash, req.displayName.trim(), locale],
      );
      if (!person) return { known: null } as const;
      await em.query(`INSERT INTO alliance_membership (person_id, status) VALUES ($1, 'interested')`, [person.id]);
      await em.query(
        `INSERT INTO alliance_membership_event (person_id, from_status, to_status, actor_id) VALUES ($1, NULL, 'interested', $1)`,
        [person.id],
      );
      await recordParticipation(em, { personId: person.id, kind: 'alliance_registered' });
      const token = await this.createEmailToken(em, person.id, 'verify_email', VERIFY_HOURS);
      return { created: { id: person.id as string, token } } as const;
    });
    if ('created' in outcome && outcome.created) {
      await this.mail.send(accountMails.verify[locale](email, req.displayName.trim(), this.link('/verify-email', outcome.created.token)));
    } else if (outcome.known) {
      const k = outcome.known;
      const token = await this.ds.transaction((em) => this.createEmailToken(em, k.id, 'reset_password', RESET_HOURS));
      await this.mail.send(accountMails.alreadyRegistered[k.locale](email, k.display_name ?? '', this.link('/reset-password', token)));
    }
  }

  private async createEmailToken(em: EntityManager, personId: string, purpose: 'verify_email' | 'reset_password', hours: number) {
    const { token, hash } = newSecretToken();
    await em.query(
      `INSERT INTO email_token (person_id, purpose, token_hash, expires_at) VALUES ($1,$2,$3, now() + make_interval(hours => $4))`,
      [personId, purpose, hash, hours],
    );
    return token;
  }

  /** Marks the token used and returns its person, or fails with INVALID_OR_EXPIRED_TOKEN. */
  private async consumeEmailToken(em: EntityManager, token: string, purpose: string): Promise<string> {
    const rows: { person_id: string }[] = await em.query(
      `UPDATE email_token SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING person_id`,
      [hashToken(token), purpose],
    );
    // node-postgres returns [rows, count] for UPDATE … RETURNING through TypeORM
    const list = Array.isArray(rows[0]) ? (rows[0] as unknown as { person_id: string }[]) : rows;
    if (!list.length) throw DomainError.badRequest('The link is invalid or has expired', AuthErrors.InvalidToken);
    return list[0].person_id;
  }

  async verifyEmail(token: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const personId = await this.consumeEmailToken(em, token, 'verify_email');
      await em.query(`UPDATE person SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`, [personId]);
    });
  }

  async login(emailRaw: string, password: string, clientIp: string, userAgent: string | undefined): Promise<LoginResult> {
    const email = emailRaw.trim().toLowerCase();
    const keys = [`ip:${clientIp}`, `email:${email}`];
    if (this.limiter.isBlocked(keys)) {
      throw new DomainError(ErrorCode.TooManyRequests, HttpStatus.TOO_MANY_REQUESTS, 'Too many failed sign-ins; try again in a minute');
    }
    const [person]: PersonRow[] = await this.ds.query(
      `SELECT id, password_hash, email_verified_at FROM person WHERE email = $1 AND deleted_at IS NULL`,
      [email],
    );
    const hash = person?.password_hash ?? (await DUMMY_HASH);
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!person || !person.password_hash || !ok) {
      this.limiter.recordFailure(keys);
      throw new DomainError(AuthErrors.InvalidCredentials, HttpStatus.UNAUTHORIZED, 'E-mail or password is wrong');
    }
    if (!person.email_verified_at) {
      throw new DomainError(AuthErrors.EmailNotVerified, HttpStatus.FORBIDDEN, 'Please confirm your e-mail address first');
    }
    return this.ds.transaction(async (em) => {
      const [session] = await em.query(
        `INSERT INTO auth_session (person_id, expires_at, user_agent) VALUES ($1, now() + make_interval(days => $2), $3) RETURNING id`,
        [person.id, SESSION_DAYS, userAgent?.slice(0, 300) ?? null],
      );
      const refreshToken = await this.addRefreshToken(em, session.id);
      return { accessToken: this.tokens.issue(person.id, session.id), expiresIn: ACCESS_TOKEN_SECONDS, refreshToken };
    });
  }

  private async addRefreshToken(em: EntityManager, sessionId: string): Promise<string> {
    const { token, hash } = newSecretToken();
    await em.query(`INSERT INTO refresh_token (session_id, token_hash) VALUES ($1,$2)`, [sessionId, hash]);
    return token;
  }

  /**
   * Rotates the refresh token. A token that was already used means it was copied:
   * the whole session (the token family) is revoked.
   */
  async refresh(refreshToken: string | undefined): Promise<LoginResult> {
    if (!refreshToken) throw unauthenticated('No refresh token');
    const outcome = await this.ds.transaction(async (em) => {
      const rows: { id: string; session_id: string; used_at: Date | null; person_id: string; open: boolean }[] = await em.query(
        `SELECT t.id, t.session_id, t.used_at, s.person_id,
                (s.revoked_at IS NULL AND s.expires_at > now() AND p.deleted_at IS NULL) AS open
           FROM refresh_token t JOIN auth_session s ON s.id = t.session_id JOIN person p ON p.id = s.person_id
          WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
        [hashToken(refreshToken)],
      );
      const row = rows[0];
      if (!row || !row.open) return { error: 'invalid' } as const;
      if (row.used_at) {
        await em.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = 'refresh_token_reuse' WHERE id = $1`, [row.session_id]);
        return { error: 'reused', sessionId: row.session_id } as const;
      }
      await em.query(`UPDATE refresh_token SET used_at = now() WHERE id = $1`, [row.id]);
      await em.query(`UPDATE auth_session SET last_used_at = now() WHERE id = $1`, [row.session_id]);
      const next = await this.addRefreshToken(em, row.session_id);
      return { ok: { personId: row.person_id, sessionId: row.session_id, refreshToken: next } } as const;
    });
    if ('error' in outcome) {
      if (outcome.error === 'reused') {
        this.events.emit('sessions.revoked', { sessionIds: [outcome.sessionId] });
        throw new DomainError(AuthErrors.RefreshReused, HttpStatus.UNAUTHORIZED, 'This sign-in was ended for safety; please sign in again');
      }
      throw unauthenticated('Session ended; please sign in again');
    }
    const { personId, sessionId, refreshToken: next } = outcome.ok;
    return { accessToken: this.tokens.issue(personId, sessionId), expiresIn: ACCESS_TOKEN_SECONDS, refreshToken: next };
  }

  /** Ends the session behind the refresh cookie and/or the access token. */
  async logout(refreshToken: string | undefined, sessionId: string | undefined): Promise<void> {
    const ids: string[] = [];
    if (sessionId) ids.push(sessionId);
    if (refreshToken) {
      const rows: { session_id: string }[] = await this.ds.query(`SELECT session_id FROM refresh_token WHERE token_hash = $1`, [
        hashToken(refreshToken),
      ]);
      if (rows[0]) ids.push(rows[0].session_id);
    }
    if (!ids.length) return;
    await this.ds.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = 'logout' WHERE id = ANY($1) AND revoked_at IS NULL`, [ids]);
    this.events.emit('sessions.revoked', { sessionIds: ids });
  }

  /** Ends every session of a person (password change or reset, account deletion, removal by the office). */
  async revokeAllSessions(em: EntityManager, personId: string, reason: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM auth_session WHERE person_id = $1 AND revoked_at IS NULL`,
      [personId],
    );
    await em.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE person_id = $1 AND revoked_at IS NULL`, [
      personId,
      reason,
    ]);
    return rows.map((r) => r.id);
  }

  /** Always answers the same; mails a reset link only when the account exists. */
  async forgotPassword(emailRaw: string): Promise<void> {
    const email = emailRaw.trim().toLowerCase();
    const [person]: PersonRow[] = await this.ds.query(
      `SELECT id, display_name, locale FROM person WHERE email = $1 AND deleted_at IS NULL`,
      [email],
    );
    if (!person) return;
    const token = await this.ds.transaction((em) => this.createEmailToken(em, person.id, 'reset_password', RESET_HOURS));
    await this.mail.send(accountMails.reset[person.locale](email, person.display_name ?? '', this.link('/reset-password', token)));
  }

  async resetPassword(token: string, password: string): Promise<void> {
    const hash = await this.hashPassword(password);
    const revoked = await this.ds.transaction(async (em) => {
      const personId = await this.consumeEmailToken(em, token, 'reset_password');
      // the mail reached the person, so the address is confirmed too
      await em.query(`UPDATE person SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`, [
        personId,
        hash,
      ]);
      await this.invalidateResetLinks(em, personId);
      return this.revokeAllSessions(em, personId, 'password_reset');
    });
    this.events.emit('sessions.revoked', { sessionIds: revoked });
  }

  /** Once the password was set anew, reset links mailed earlier must not set it again. */
  private async invalidateResetLinks(em: EntityManager, personId: string): Promise<void> {
    await em.query(`UPDATE email_token SET used_at = now() WHERE person_id = $1 AND purpose = 'reset_password' AND used_at IS NULL`, [personId]);
  }

  async changePassword(personId: string, current: string, next: string): Promise<void> {
    await this.checkPassword(personId, current);
    const hash = await this.hashPassword(next);
    const revoked = await this.ds.transaction(async (em) => {
      await em.query(`UPDATE person SET password_hash = $2 WHERE id = $1`, [personId, hash]);
      await this.invalidateResetLinks(em, personId);
      return this.revokeAllSessions(em, personId, 'password_changed');
    });
    this.events.emit('sessions.revoked', { sessionIds: revoked });
  }

  async checkPassword(personId: string, password: string): Promise<void> {
    const [row]: PersonRow[] = await this.ds.query(`SELECT password_hash FROM person WHERE id = $1`, [personId]);
    const ok = row?.password_hash ? await argon2.verify(row.password_hash, password).catch(() => false) : false;
    if (!ok) throw new DomainError(AuthErrors.WrongPassword, HttpStatus.BAD_REQUEST, 'The current password is wrong');
  }
}
