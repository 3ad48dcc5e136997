import type { Role } from '@allmende/contracts';

/**
 * Who may call each route. `public`: anyone; `signed-in`: any signed-in person
 * (finer checks, e.g. "representative of this organisation", happen in the service);
 * a list of roles: only those. The routes test fails when a route is missing here,
 * when an entry names a route that does not exist, or when the code disagrees.
 */
export type Access = 'public' | 'signed-in' | Role[];

const OFFICE: Role[] = ['moderator', 'admin'];

export const ROUTE_PERMISSIONS: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/action-fields': 'public',
  'POST /api/action-fields': OFFICE,
  'PUT /api/action-fields/:id': OFFICE,

  'POST /api/auth/register': 'public',
  'POST /api/auth/verify-email': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/password/forgot': 'public',
  'POST /api/auth/password/reset': 'public',
  'POST /api/auth/password/change': 'signed-in',

  'GET /api/me': 'signed-in',
  'PATCH /api/me': 'signed-in',
  'DELETE /api/me': 'signed-in',
  'PUT /api/me/consents': 'signed-in',
  'POST /api/me/membership/sign': 'signed-in',
  'POST /api/me/membership/leave': 'signed-in',

  'GET /api/charter': 'public',
  'GET /api/charter/versions': OFFICE,
  'POST /api/charter/versions': OFFICE,
  'GET /api/memberships': OFFICE,
  'POST /api/memberships/:personId/approve': OFFICE,
  'POST /api/memberships/:personId/transitions': OFFICE,
  'GET /api/memberships/:personId/history': OFFICE,
  'PUT /api/memberships/:personId/roles': ['admin'],

  'GET /api/organisations': 'public',
  'GET /api/organisations/:id': 'public',
  'POST /api/organisations': 'signed-in',
  'PUT /api/organisations/:id': 'signed-in',
  'POST /api/organisations/:id/affiliations': 'signed-in',
  'POST /api/organisations/:id/affiliations/:affiliationId/confirm': 'signed-in',
  'DELETE /api/organisations/:id/affiliations/:affiliationId': 'signed-in',

  'GET /api/members': 'public',

  'GET /api/working-groups': 'public',
  'GET /api/working-groups/:id': 'public',
  'POST /api/working-groups': 'signed-in',
  'PATCH /api/working-groups/:id': 'signed-in',
  'POST /api/working-groups/:id/transitions': OFFICE,
  'POST /api/working-groups/:id/members': 'signed-in',
  'DELETE /api/working-groups/:id/members/me': 'signed-in',
  'DELETE /api/working-groups/:id/members/:personId': 'signed-in',
  'PUT /api/working-groups/:id/members/:personId/role': 'signed-in',
  'POST /api/working-groups/:id/requests/:personId/accept': 'signed-in',
  'DELETE /api/working-groups/:id/requests/:personId': 'signed-in',
  'POST /api/working-groups/:id/invitations': 'signed-in',

  'GET /api/meetings': 'public',
  'GET /api/meetings/:id': 'public',
  'POST /api/meetings': 'signed-in',
  'PUT /api/meetings/:id': 'signed-in',
  'POST /api/meetings/:id/registrations': 'signed-in',
  'DELETE /api/meetings/:id/registrations/me': 'signed-in',
  'POST /api/meetings/:id/guest-registrations': 'public',
  'GET /api/meetings/:id/ics': 'public',
  'GET /api/meetings/:id/check-ins': 'signed-in',
  'POST /api/meetings/:id/check-ins': 'signed-in',
  'POST /api/meetings/:id/agenda': 'signed-in',
  'PUT /api/meetings/:id/agenda/:itemId': 'signed-in',
  'DELETE /api/meetings/:id/agenda/:itemId': 'signed-in',
  'GET /api/meetings/:id/decisions': 'public',
  'POST /api/meetings/:id/decisions': 'signed-in',
  'GET /api/meetings/:id/polls': 'public',
  'POST /api/meetings/:id/polls': 'signed-in',
  'POST /api/meetings/:id/cancel': 'signed-in',
  'GET /api/meetings/:id/documents': 'public',
  'POST /api/meetings/:id/documents': 'signed-in',
  'GET /api/meetings/:id/documents/:documentId': 'public',
  'DELETE /api/meetings/:id/documents/:documentId': 'signed-in',
  'GET /api/meetings/:id/small-groups': 'signed-in',
  'POST /api/meetings/:id/small-groups': 'signed-in',
  'POST /api/meetings/:id/small-groups/distribute': 'signed-in',
  'PUT /api/meetings/:id/small-groups/:groupId': 'signed-in',
  'DELETE /api/meetings/:id/small-groups/:groupId': 'signed-in',
  'PUT /api/meetings/:id/small-groups/:groupId/members': 'signed-in',
  'POST /api/polls/:id/dots': 'signed-in',
  'POST /api/polls/:id/close': 'signed-in',
  'POST /api/meeting-registrations/confirm': 'public',
  'POST /api/meeting-registrations/cancel': 'public',
  'GET /api/calendar/conferences.ics': 'public',
  'GET /api/calendar/feeds/:file': 'public',
  'POST /api/me/calendar-feed': 'signed-in',
  'DELETE /api/me/calendar-feed': 'signed-in',
};
