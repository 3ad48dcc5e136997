import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser } from '../../common/auth/auth-user';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AccessTokensService, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, jwtKey } from './access-tokens.service';

/** passport-jwt with the algorithm, issuer and audience pinned; the session is checked on every request. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tokens: AccessTokensService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // a KeyObject (passport-jwt hands it to jsonwebtoken as it is), see jwtKey
      secretOrKey: jwtKey(config) as unknown as string,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  validate(payload: { sub: string; sid: string }): Promise<AuthUser> {
    return this.tokens.userForSession(payload.sub, payload.sid);
  }
}
