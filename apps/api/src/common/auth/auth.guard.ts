import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import type { Role } from '@allmende/contracts';
import type { Request } from 'express';
import { unauthenticated } from '../../modules/auth/access-tokens.service';
import { DomainError } from '../domain-error';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';

/**
 * The global guard, deny by default: a route needs @Public() or a valid access
 * token (passport-jwt), and @Roles(...) narrows it further. Public routes still
 * recognise a signed-in caller, so they can show more to members.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets);
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();

    if (!req.headers.authorization) {
      if (isPublic) return true;
      throw unauthenticated('Sign-in required');
    }
    try {
      await super.canActivate(context);
    } catch (e) {
      // an expired token is no reason to refuse a public page
      if (isPublic) return true;
      throw e;
    }
    if (roles?.length && !req.user?.roles.some((r) => roles.includes(r))) {
      throw DomainError.forbidden('Your role does not allow this');
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err instanceof DomainError) throw err;
    if (err || !user) throw unauthenticated('Invalid or expired access token');
    return user;
  }
}
