import type { MeDto } from '@allmende/contracts';

/** A signed-in person as GET /api/me returns it; override what a test needs. */
export function meFixture(overrides: Partial<MeDto> = {}): MeDto {
  return {
    id: 'p-1',
    email: 'anna@example.org',
    displayName: 'Anna Beispiel',
    phone: null,
    bio: null,
    locale: 'de',
    roles: ['member'],
    interests: [],
    emailVerified: true,
    membership: {
      status: 'interested',
      awaitingApproval: false,
      signedVersion: null,
      signedAt: null,
      confirmationPending: false,
    },
    consents: [
      { purpose: 'public_listing', granted: false, changedAt: null },
      { purpose: 'publication', granted: false, changedAt: null },
      { purpose: 'research', granted: false, changedAt: null },
    ],
    affiliations: [],
    ...overrides,
  };
}
