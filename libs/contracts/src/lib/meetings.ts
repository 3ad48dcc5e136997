import type { Page } from './accounts';

export const MeetingKind = {
  Plenary: 'plenary',
  GroupSession: 'group_session',
  Workshop: 'workshop',
  Conference: 'conference',
} as const;
export type MeetingKind = (typeof MeetingKind)[keyof typeof MeetingKind];
export const MEETING_KINDS: readonly MeetingKind[] = Object.values(MeetingKind);

/** public: anyone (conferences); members: signed-in persons; group: members of its working group. */
export type MeetingVisibility = 'public' | 'members' | 'group';
export const MEETING_VISIBILITIES: readonly MeetingVisibility[] = ['public', 'members', 'group'];

export type RegistrationStatus = 'registered' | 'waitlisted' | 'pending_confirmation' | 'cancelled';

export const TIME_ZONE = 'Europe/Berlin';

export interface MeetingSummaryDto {
  id: string;
  kind: MeetingKind;
  /** Number in the plenary series (Plattformtreffen), else null. */
  seriesNumber: number | null;
  title: string;
  /** UTC ISO timestamps; shown in Europe/Berlin. */
  startsAt: string;
  endsAt: string;
  groupId: string | null;
  groupName: string | null;
  venueName: string | null;
  venueAddress: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  registeredCount: number;
  waitlistCount: number;
  registrationDeadline: string | null;
  visibility: MeetingVisibility;
  cancelled: boolean;
  /** The caller's registration. */
  myStatus: RegistrationStatus | null;
  myWaitlistPosition: number | null;
}

export interface AgendaItemDto {
  id: string;
  position: number;
  title: string;
  presenter: string | null;
  durationMinutes: number | null;
  minutes: string | null;
}

export const DecisionMethod = {
  Consensus: 'consensus',
  Consent: 'consent',
  DotVoting: 'dot_voting',
  Majority: 'majority',
} as const;
export type DecisionMethod = (typeof DecisionMethod)[keyof typeof DecisionMethod];
export const DECISION_METHODS: readonly DecisionMethod[] = Object.values(DecisionMethod);

export type ParticipationLevel = 'inform' | 'consult' | 'co_decide';
export const PARTICIPATION_LEVELS: readonly ParticipationLevel[] = ['inform', 'consult', 'co_decide'];

export interface DecisionDto {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  text: string;
  method: DecisionMethod;
  participationLevel: ParticipationLevel;
  outcome: string;
  groupIds: string[];
  pollId: string | null;
  decidedAt: string;
}

export interface MeetingDetailDto extends MeetingSummaryDto {
  description: string;
  agenda: AgendaItemDto[];
  decisions: DecisionDto[];
  /** The caller's code for check-in (shown as QR code) when registered. */
  myCheckInCode: string | null;
  myCheckedIn: boolean;
  /** Why the meeting was cancelled (when `cancelled`). */
  cancelReason: string | null;
  /** Documents of the meeting and its agenda items (for whoever may see the meeting). */
  documents: MeetingDocumentDto[];
  /** When the documents go out to registered participants by mail (seven days before the start). */
  documentsMailDueAt: string;
  permissions: { canManage: boolean; canRegister: boolean };
}

/** Why a meeting is called off; registered and waiting persons are mailed. */
export interface CancelMeetingRequest {
  reason?: string | null;
}

/* ---------- documents ---------- */

/** Upload limit per document. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Accepted document types by file extension (PDF and office files); the content is checked too. */
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};
/** Days before the start at which the documents are mailed. */
export const DOCUMENTS_MAIL_DAYS_BEFORE = 7;

export interface MeetingDocumentDto {
  id: string;
  meetingId: string;
  /** Null: attached to the meeting as a whole. */
  agendaItemId: string | null;
  filename: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

/* ---------- small groups (Kleingruppen) ---------- */

export interface SmallGroupMemberDto {
  registrationId: string;
  name: string;
}

export interface SmallGroupDto {
  id: string;
  meetingId: string;
  name: string;
  position: number;
  /** The group's shared note (plain text). */
  note: string;
  noteUpdatedAt: string | null;
  members: SmallGroupMemberDto[];
  /** The caller may edit the note (who runs the meeting, or a member of this small group). */
  canEditNote: boolean;
}

export interface SaveSmallGroupRequest {
  name?: string;
  note?: string;
}

/** Sets the members of a small group; a registration leaves any other small group of the meeting. */
export interface SetSmallGroupMembersRequest {
  registrationIds: string[];
}

/** Spreads the checked-in attendees not yet in a small group over `count` new or existing groups, in turn. */
export interface DistributeSmallGroupsRequest {
  count: number;
}

export interface MeetingListQuery {
  from?: string;
  to?: string;
  kind?: MeetingKind;
  group?: string;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}
export type MeetingPage = Page<MeetingSummaryDto>;

export interface SaveMeetingRequest {
  kind: MeetingKind;
  title: string;
  description?: string;
  startsAt: string;
  endsAt: string;
  groupId?: string | null;
  venueOrganisationId?: string | null;
  venueAddress?: string | null;
  onlineUrl?: string | null;
  capacity?: number | null;
  registrationDeadline?: string | null;
  visibility?: MeetingVisibility;
}

export interface RegistrationResponse {
  status: RegistrationStatus;
  waitlistPosition: number | null;
}

export interface GuestRegistrationRequest {
  name: string;
  email: string;
  organisation?: string | null;
  /** Consent to storing the data for the conference; required. */
  consent: boolean;
  locale?: 'de' | 'en';
}

export interface CheckInRequest {
  /** The code from the participant's QR code or typed in. */
  code?: string;
  registrationId?: string;
  /** A walk-in without registration. */
  walkIn?: { name: string; email?: string | null; organisation?: string | null };
}

export interface CheckInListEntryDto {
  registrationId: string;
  name: string;
  organisation: string | null;
  status: RegistrationStatus;
  guest: boolean;
  checkedInAt: string | null;
}

export interface SaveAgendaItemRequest {
  title: string;
  presenter?: string | null;
  durationMinutes?: number | null;
  position?: number;
  minutes?: string | null;
}

export interface SaveDecisionRequest {
  agendaItemId?: string | null;
  text: string;
  method: DecisionMethod;
  participationLevel: ParticipationLevel;
  outcome: string;
  groupIds?: string[];
}

/* ---------- dot voting ---------- */

export interface PollOptionDto {
  id: string;
  label: string;
  dots: number;
}

export interface PollDto {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  question: string;
  dotsPerPerson: number;
  status: 'open' | 'closed';
  options: PollOptionDto[];
  voters: number;
  /** The caller's dots per option id. */
  myDots: Record<string, number>;
}

export interface OpenPollRequest {
  agendaItemId?: string | null;
  question: string;
  options: string[];
  dotsPerPerson: number;
}

export interface CastDotsRequest {
  /** Dots per option id; the total may not exceed dotsPerPerson. Replaces the caller's earlier dots. */
  dots: Record<string, number>;
}

export interface ClosePollRequest {
  /** Record a decision from the result. */
  decision?: { text: string; participationLevel: ParticipationLevel; outcome: string } | null;
}

/** Socket events of a meeting room (`meeting:join` first; membership of the meeting is checked). */
export interface MeetingServerEvents {
  'poll:updated': (poll: Omit<PollDto, 'myDots'>) => void;
  'meeting:checked-in': (payload: { meetingId: string; count: number }) => void;
  /** Small groups changed (members or notes); clients reload them. */
  'meeting:small-groups': (payload: { meetingId: string }) => void;
}
export interface MeetingClientEvents {
  'meeting:join': (meetingId: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
  'meeting:leave': (meetingId: string) => void;
}
