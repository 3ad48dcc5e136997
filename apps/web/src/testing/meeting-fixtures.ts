import type { MeetingDetailDto, MeetingSummaryDto, PollDto } from '@allmende/contracts';

export const MEETING_ID = '44444444-4444-4444-8444-444444444444';
export const POLL_ID = '55555555-5555-4555-8555-555555555555';

/** A meeting as the list returns it (a plenary in summer time); override what a test needs. */
export function meetingSummary(overrides: Partial<MeetingSummaryDto> = {}): MeetingSummaryDto {
  return {
    id: MEETING_ID,
    kind: 'plenary',
    seriesNumber: 9,
    title: '9. Treffen der Wirtschaftsallianz',
    startsAt: '2026-06-11T15:00:00.000Z',
    endsAt: '2026-06-11T18:00:00.000Z',
    groupId: null,
    groupName: null,
    venueName: null,
    venueAddress: 'Bottrop, Rathaus, Ernst-Wilczok-Platz 1',
    onlineUrl: null,
    capacity: 60,
    registeredCount: 12,
    waitlistCount: 0,
    registrationDeadline: null,
    visibility: 'members',
    cancelled: false,
    myStatus: null,
    myWaitlistPosition: null,
    ...overrides,
  };
}

/** A meeting as GET /api/meetings/:id returns it; override what a test needs. */
export function meetingDetail(overrides: Partial<MeetingDetailDto> = {}): MeetingDetailDto {
  return {
    ...meetingSummary(),
    description: 'Berichte, Zukunftsplan, Punktabfrage.',
    agenda: [
      { id: 'a-1', position: 1, title: 'Berichte aus den Arbeitsgruppen', presenter: 'Petra Wiegand', durationMinutes: 30, minutes: null },
      { id: 'a-2', position: 2, title: 'Zukunftsplan', presenter: null, durationMinutes: null, minutes: 'Maßnahmen in Kleingruppen gesammelt.' },
    ],
    decisions: [
      {
        id: 'd-1',
        meetingId: MEETING_ID,
        agendaItemId: 'a-2',
        text: 'Der Zukunftsplan wird in den Arbeitsgruppen weiterbearbeitet.',
        method: 'consent',
        participationLevel: 'consult',
        outcome: 'angenommen',
        groupIds: [],
        pollId: null,
        decidedAt: '2026-06-11T17:30:00.000Z',
      },
    ],
    myCheckInCode: null,
    myCheckedIn: false,
    cancelReason: null,
    documents: [],
    documentsMailDueAt: '2026-06-04T15:00:00.000Z',
    permissions: { canManage: false, canRegister: true },
    ...overrides,
  };
}

/** An open dot vote with three options and 3 dots per person; override what a test needs. */
export function poll(overrides: Partial<PollDto> = {}): PollDto {
  return {
    id: POLL_ID,
    meetingId: MEETING_ID,
    agendaItemId: null,
    question: 'Welche Maßnahme zuerst?',
    dotsPerPerson: 3,
    status: 'open',
    options: [
      { id: 'o-1', label: 'Leerstandsbörse', dots: 4 },
      { id: 'o-2', label: 'Azubi-Speeddating', dots: 2 },
      { id: 'o-3', label: 'Lieferdienst', dots: 0 },
    ],
    voters: 2,
    myDots: {},
    ...overrides,
  };
}
