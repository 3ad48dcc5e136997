import type { Page } from './accounts';

/** Lifecycle of a working group (Arbeitsgruppe). */
export const GroupState = {
  Proposed: 'proposed',
  Approved: 'approved',
  Active: 'active',
  Dormant: 'dormant',
  Dissolved: 'dissolved',
  /** Made permanent (verstetigt). */
  Permanent: 'permanent',
} as const;
export type GroupState = (typeof GroupState)[keyof typeof GroupState];
export const GROUP_STATES: readonly GroupState[] = Object.values(GroupState);

/** Allowed moves; dissolved and permanent are final. A proposal may be rejected (dissolved) before approval. */
export const GROUP_TRANSITIONS: Record<GroupState, readonly GroupState[]> = {
  proposed: ['approved', 'dissolved'],
  approved: ['active', 'dissolved'],
  active: ['dormant', 'dissolved', 'permanent'],
  dormant: ['active', 'dissolved'],
  dissolved: [],
  permanent: [],
};

export type GroupRole = 'lead' | 'co_lead' | 'member';
export const GROUP_ROLES: readonly GroupRole[] = ['lead', 'co_lead', 'member'];

/** open: join at once; closed: ask, a lead or the office accepts. */
export type GroupAccess = 'open' | 'closed';

export interface WorkingGroupSummaryDto {
  id: string;
  name: string;
  purpose: string;
  actionFieldId: string;
  state: GroupState;
  access: GroupAccess;
  realWorldLab: boolean;
  memberCount: number;
  /** The caller's membership: null when not a member, 'pending' while a request waits. */
  myRole: GroupRole | 'pending' | 'invited' | null;
}

export interface GroupMemberDto {
  personId: string;
  displayName: string;
  role: GroupRole;
  organisationName: string | null;
  joinedAt: string;
}

export interface GroupRequestDto {
  personId: string;
  displayName: string;
  organisationName: string | null;
  kind: 'request' | 'invitation';
  createdAt: string;
}

export interface GroupTransitionDto {
  from: GroupState | null;
  to: GroupState;
  reason: string;
  /** The day the change took effect (e.g. the plenary decision). */
  effectiveOn: string;
  actorName: string | null;
  at: string;
}

export interface WorkingGroupDetailDto extends WorkingGroupSummaryDto {
  goals: string;
  meetingRhythm: string | null;
  proposedBy: string | null;
  createdAt: string;
  members: GroupMemberDto[];
  /** How many members are hidden because they did not consent to listing (outsiders only). */
  hiddenMembers: number;
  history: GroupTransitionDto[];
  /** Open requests and invitations: visible to leads and the office. */
  pending: GroupRequestDto[];
  permissions: { canManage: boolean; canJoin: boolean; canLeave: boolean };
}

export interface WorkingGroupListQuery {
  actionField?: string;
  state?: GroupState;
  mine?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

export type WorkingGroupPage = Page<WorkingGroupSummaryDto>;

export interface ProposeGroupRequest {
  name: string;
  purpose: string;
  goals: string;
  actionFieldId: string;
  meetingRhythm?: string | null;
  realWorldLab?: boolean;
  access?: GroupAccess;
}

export type UpdateGroupRequest = Partial<ProposeGroupRequest>;

export interface GroupTransitionRequest {
  to: GroupState;
  reason: string;
  /** ISO date (YYYY-MM-DD); today when left out. */
  effectiveOn?: string;
}

export interface JoinGroupRequest {
  /** Join as representative of one of my organisations. */
  organisationId?: string | null;
}

export interface InviteToGroupRequest {
  personId: string;
}

export interface SetGroupRoleRequest {
  role: GroupRole;
}

export interface SaveActionFieldRequest {
  slug: string;
  nameDe: string;
  nameEn: string;
  descriptionDe: string;
  descriptionEn: string;
  color: string;
  icon: string;
  position?: number;
  archived?: boolean;
}
