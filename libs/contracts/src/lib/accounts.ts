import type { ActorType, Role, Sector } from './domain';

/* ---------- auth ---------- */

export interface RegisterRequest {
  email: string;
  /** At least 10 characters. */
  password: string;
  displayName: string;
  /** Language of the mails sent to this person. */
  locale?: Locale;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** Returned by login and refresh; the refresh token travels only in an httpOnly cookie. */
export interface AccessTokenResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface VerifyEmailRequest {
  token: string;
}
export interface ForgotPasswordRequest {
  email: string;
}
export interface ResetPasswordRequest {
  token: string;
  password: string;
}
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}
export interface DeleteAccountRequest {
  password: string;
}

export type Locale = 'de' | 'en';

/** Name of the httpOnly refresh cookie (path `/api/auth`). */
export const REFRESH_COOKIE = 'allmende_refresh';

/* ---------- persons, profile ---------- */

export const MembershipStatus = {
  Interested: 'interested',
  Signatory: 'signatory',
  Active: 'active',
  Dormant: 'dormant',
  Left: 'left',
} as const;
export type MembershipStatus = (typeof MembershipStatus)[keyof typeof MembershipStatus];
export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = Object.values(MembershipStatus);

export const ConsentPurpose = {
  /** Listed publicly as signatory / in the member directory. */
  PublicListing: 'public_listing',
  /** Named in published results. */
  Publication: 'publication',
  /** Activity data used (pseudonymised) by the scientific monitoring. */
  Research: 'research',
} as const;
export type ConsentPurpose = (typeof ConsentPurpose)[keyof typeof ConsentPurpose];
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = Object.values(ConsentPurpose);

export interface ConsentDto {
  purpose: ConsentPurpose;
  granted: boolean;
  /** When it was last changed; null when never decided (nothing is pre-ticked). */
  changedAt: string | null;
}

export interface UpdateConsentRequest {
  purpose: ConsentPurpose;
  granted: boolean;
}

export type AffiliationRole = 'representative' | 'employee';

export interface AffiliationDto {
  id: string;
  organisationId: string;
  organisationName: string;
  actorType: ActorType;
  role: AffiliationRole;
  /** Null until a representative of the organisation (or the office) confirms it. */
  confirmedAt: string | null;
}

export interface MembershipDto {
  status: MembershipStatus;
  /** The person signed the current charter and waits for the office's approval. */
  awaitingApproval: boolean;
  signedVersion: number | null;
  signedAt: string | null;
  /** A newer charter version exists that the signatory has not confirmed yet. */
  confirmationPending: boolean;
}

export interface MeDto {
  id: string;
  email: string;
  displayName: string;
  phone: string | null;
  bio: string | null;
  locale: Locale;
  roles: Role[];
  /** Action field ids. */
  interests: string[];
  emailVerified: boolean;
  membership: MembershipDto;
  consents: ConsentDto[];
  affiliations: AffiliationDto[];
}

export interface UpdateProfileRequest {
  displayName?: string;
  phone?: string | null;
  bio?: string | null;
  locale?: Locale;
  interests?: string[];
}

/* ---------- organisations ---------- */

export const AFFILIATION_ROLES: readonly AffiliationRole[] = ['representative', 'employee'];

export interface OrganisationDto {
  id: string;
  name: string;
  actorType: ActorType;
  sector: Sector | null;
  wzCode: string | null;
  district: string | null;
  website: string | null;
  description: string | null;
}

export interface OrganisationMemberDto {
  affiliationId: string;
  personId: string;
  displayName: string;
  role: AffiliationRole;
  confirmedAt: string | null;
}

export interface OrganisationDetailDto extends OrganisationDto {
  /** Confirmed members who consented to listing; representatives and the office see all, pending ones too. */
  members: OrganisationMemberDto[];
  /** Whether the caller may edit the organisation and confirm members. */
  canManage: boolean;
}

export interface SaveOrganisationRequest {
  name: string;
  actorType: ActorType;
  sector?: Sector | null;
  wzCode?: string | null;
  district?: string | null;
  website?: string | null;
  description?: string | null;
}

export interface JoinOrganisationRequest {
  role: AffiliationRole;
}

/* ---------- directory ---------- */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DirectoryQuery {
  q?: string;
  actorType?: ActorType;
  sector?: Sector;
  actionField?: string;
  page?: number;
  pageSize?: number;
}

export interface DirectoryPersonDto {
  id: string;
  displayName: string;
  bio: string | null;
  interests: string[];
  organisations: { id: string; name: string; actorType: ActorType; sector: Sector | null; role: AffiliationRole }[];
}

/* ---------- charter (Leitbild and Leitziele) and alliance membership ---------- */

export interface CharterGoal {
  de: string;
  en: string;
}

export interface CharterVersionDto {
  id: string;
  version: number;
  missionDe: string;
  missionEn: string;
  goals: CharterGoal[];
  publishedAt: string;
}

export interface PublishCharterRequest {
  missionDe: string;
  missionEn: string;
  goals: CharterGoal[];
}

export interface SignCharterRequest {
  /** The version the person read and signs; must be the current one. */
  version: number;
}

export interface MembershipTransitionRequest {
  to: MembershipStatus;
  reason: string;
}

export interface MembershipAdminDto {
  personId: string;
  displayName: string;
  email: string;
  roles: Role[];
  organisations: string[];
  membership: MembershipDto;
}

export interface MembershipHistoryEntryDto {
  from: MembershipStatus | null;
  to: MembershipStatus;
  reason: string | null;
  actorName: string | null;
  at: string;
}

export interface AdminRolesRequest {
  roles: Role[];
}
