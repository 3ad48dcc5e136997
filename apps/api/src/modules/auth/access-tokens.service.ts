import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@allmende/contracts';
import { verify as verifyJwt } from 'jsonwebtoken';
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { OpenSessions } from './open-sessions';

export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'allmende';
export const JWT_AUDIENCE = 'allmende-api';
export const ACCESS_TOKEN_SECONDS = 15 * 60;

interface AccessClaims {
  sub: string;
  sid: string;
}

const keys = new WeakMap<AppConfig, KeyObject>();
/**
 * The signing secret as a KeyObject: given a string, jsonwebtoken first tries (and fails)
 * to read it as a public key on every check, which cost a tenth of a card move's CPU.
 */
export function jwtKey(config: AppConfig): KeyObject {
  let key = keys.get(config);
  if (!key) keys.set(config, (key = createSecretKey(Buffer.from(config.jwtSecret))));
  return key;
}

export const JWT_VERIFY_OPTIONS = { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: JWT_AUDIENCE } as const;

/**
 * Issues and checks access tokens. A token is only as good as its session: every
 * check also asks whether the session is still open (OpenSessions), so logout,
 * password change and account deletion take effect at once (HTTP and sockets).
 */
@Injectable()
export class AccessTokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: OpenSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(personId: string, sessionId: string): string {
    return this.jwt.sign({ sid: sessionId } satisfies Omit<AccessClaims, 'sub'>, {
      subject: personId,
      algorithm: JWT_ALGORITHM,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      expiresIn: ACCESS_TOKEN_SECONDS,
      secret: this.config.jwtSecret,
    });
  }

  /** Verifies signature, algorithm, issuer, audience and expiry, then the session. */
  async verify(token: string): Promise<AuthUser> {
    let claims: AccessClaims;
    try {
      claims = verifyJwt(token, jwtKey(this.config), { ...JWT_VERIFY_OPTIONS, algorithms: [...JWT_VERIFY_OPTIONS.algorithms] }) as AccessClaims;
    } catch {
      throw unauthenticated('Invalid or expired access token');
    }
    return this.userForSession(claims.sub, claims.sid);
  }

  async userForSession(personId: string, sessionId: string): Promise<AuthUser> {
    if (!isUuid(personId) || !isUuid(sessionId)) throw unauthenticated('Invalid access token');
    const roles = await this.sessions.check(personId, sessionId);
    if (!roles) throw unauthenticated('Session ended');
    return { id: personId, roles, sessionId };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

export function unauthenticated(message: string): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, message);
}
