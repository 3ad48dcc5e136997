import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@allmende/contracts';
import { DomainError } from './domain-error';
import { IS_PUBLIC } from './public.decorator';

/**
 * Global guard: deny by default. A route is reachable only when it is marked
 * @Public(); signed-in access arrives with the accounts module.
 */
@Injectable()
export class DenyByDefaultGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    throw new DomainError(ErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, 'Sign-in required');
  }
}
