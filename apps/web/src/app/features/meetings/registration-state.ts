import type { MeetingDetailDto } from '@allmende/contracts';

/**
 * What the registration panel offers:
 * - signIn: anonymous; sign in to register (conferences also take outsiders);
 * - registered / waitlisted / pending: my registration, which I may cancel;
 * - register: seats are free; waitlist: the meeting is full, registering joins the waiting list;
 * - closed: registration is over (deadline, past or cancelled meeting).
 */
export type RegistrationState = 'signIn' | 'registered' | 'waitlisted' | 'pending' | 'register' | 'waitlist' | 'closed';

export function isFull(meeting: Pick<MeetingDetailDto, 'capacity' | 'registeredCount'>): boolean {
  return meeting.capacity !== null && meeting.registeredCount >= meeting.capacity;
}

export function registrationState(meeting: MeetingDetailDto, signedIn: boolean): RegistrationState {
  if (meeting.myStatus === 'registered') return 'registered';
  if (meeting.myStatus === 'waitlisted') return 'waitlisted';
  if (meeting.myStatus === 'pending_confirmation') return 'pending';
  if (!signedIn) return registrationOpen(meeting, new Date()) ? 'signIn' : 'closed';
  if (!meeting.permissions.canRegister) return 'closed';
  return isFull(meeting) ? 'waitlist' : 'register';
}

/** Whether registration is still open, as far as the client can tell (the API decides). */
export function registrationOpen(meeting: Pick<MeetingDetailDto, 'cancelled' | 'endsAt' | 'registrationDeadline'>, now: Date): boolean {
  if (meeting.cancelled) return false;
  if (new Date(meeting.endsAt) < now) return false;
  return !meeting.registrationDeadline || new Date(meeting.registrationDeadline) >= now;
}

/** Outsiders register for public conferences (with a confirmation mail) while registration is open. */
export function guestRegistrationOpen(meeting: MeetingDetailDto, signedIn: boolean, now = new Date()): boolean {
  return !signedIn && meeting.kind === 'conference' && meeting.visibility === 'public' && registrationOpen(meeting, now);
}
