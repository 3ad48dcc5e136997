import type { MeetingDetailDto, MeetingKind, MeetingVisibility, SaveMeetingRequest } from '@allmende/contracts';
import { berlinToUtcIso, toBerlinInput } from './berlin-time';

/** A venue organisation picked from the list. */
export interface VenueOption {
  id: string;
  name: string;
}

/** The meeting form's values: wall-clock dates and times in Berlin, as the inputs hold them. */
export interface MeetingFormValue {
  kind: MeetingKind;
  title: string;
  description: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  groupId: string;
  /** A picked organisation, or the text typed into the search field. */
  venue: VenueOption | string | null;
  venueAddress: string;
  onlineUrl: string;
  capacity: number | null;
  deadlineDate: string;
  deadlineTime: string;
  visibility: MeetingVisibility;
}

/** Who may see a meeting of a kind, unless the office chooses otherwise (as the API defaults). */
export function defaultVisibility(kind: MeetingKind): MeetingVisibility {
  return kind === 'conference' ? 'public' : kind === 'group_session' ? 'group' : 'members';
}

export function emptyMeetingForm(kind: MeetingKind = 'plenary'): MeetingFormValue {
  return {
    kind,
    title: '',
    description: '',
    startDate: '',
    startTime: '17:00',
    endDate: '',
    endTime: '20:00',
    groupId: '',
    venue: null,
    venueAddress: '',
    onlineUrl: '',
    capacity: null,
    deadlineDate: '',
    deadlineTime: '23:59',
    visibility: defaultVisibility(kind),
  };
}

/** The form's values for a meeting to edit (times shown in Berlin). */
export function meetingFormFrom(meeting: MeetingDetailDto, venue: VenueOption | null): MeetingFormValue {
  const start = toBerlinInput(meeting.startsAt);
  const end = toBerlinInput(meeting.endsAt);
  const deadline = meeting.registrationDeadline ? toBerlinInput(meeting.registrationDeadline) : { date: '', time: '23:59' };
  return {
    kind: meeting.kind,
    title: meeting.title,
    description: meeting.description,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    groupId: meeting.groupId ?? '',
    venue,
    venueAddress: meeting.venueAddress ?? '',
    onlineUrl: meeting.onlineUrl ?? '',
    capacity: meeting.capacity,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    visibility: meeting.visibility,
  };
}

/** The request for the API: Berlin wall-clock times become UTC ISO timestamps. Null when a time is malformed. */
export function toSaveMeetingRequest(value: MeetingFormValue): SaveMeetingRequest | null {
  const startsAt = berlinToUtcIso(value.startDate, value.startTime);
  const endsAt = berlinToUtcIso(value.endDate, value.endTime);
  const deadline = value.deadlineDate ? berlinToUtcIso(value.deadlineDate, value.deadlineTime || '23:59') : null;
  if (!startsAt || !endsAt || (value.deadlineDate && !deadline)) return null;
  return {
    kind: value.kind,
    title: value.title.trim(),
    description: value.description.trim(),
    startsAt,
    endsAt,
    groupId: value.kind === 'group_session' ? value.groupId || null : null,
    venueOrganisationId: value.venue && typeof value.venue === 'object' ? value.venue.id : null,
    venueAddress: value.venueAddress.trim() || null,
    onlineUrl: value.onlineUrl.trim() || null,
    capacity: value.capacity ?? null,
    registrationDeadline: deadline,
    visibility: value.visibility,
  };
}
