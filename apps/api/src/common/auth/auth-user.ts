import type { Role } from '@allmende/contracts';

/** Who is calling: set on the request by the JWT strategy after the session was checked. */
export interface AuthUser {
  id: string;
  roles: Role[];
  sessionId: string;
}

export function hasRole(user: AuthUser | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}

/** The economic-development office (moderators) and admins act for the alliance. */
export function isOffice(user: AuthUser | undefined): boolean {
  return hasRole(user, 'moderator', 'admin');
}
