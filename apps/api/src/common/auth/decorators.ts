import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@allmende/contracts';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'allmende:isPublic';
export const REQUIRED_ROLES = 'allmende:roles';

/** Reachable without signing in. Everything else is denied by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only callers holding one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The signed-in caller (undefined on public routes called anonymously). */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser | undefined => ctx.switchToHttp().getRequest().user,
);
