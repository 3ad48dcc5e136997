import type { ActionFieldDto, WorkingGroupDetailDto, WorkingGroupSummaryDto } from '@allmende/contracts';

export const HANDWERK_ID = '11111111-1111-4111-8111-111111111111';
export const HANDEL_ID = '22222222-2222-4222-8222-222222222222';
export const GROUP_ID = '33333333-3333-4333-8333-333333333333';

export const ACTION_FIELDS: ActionFieldDto[] = [
  {
    id: HANDEL_ID,
    slug: 'handel',
    nameDe: 'Handel der Zukunft',
    nameEn: 'Retail of the future',
    descriptionDe: 'Lebendige Innenstadt',
    descriptionEn: 'A lively town centre',
    color: '#005cbb',
    icon: 'store',
    position: 2,
    archived: false,
  },
  {
    id: HANDWERK_ID,
    slug: 'handwerk',
    nameDe: 'Handwerk',
    nameEn: 'Crafts',
    descriptionDe: 'Kooperative und digitale Produktion',
    descriptionEn: 'Cooperative and digital production',
    color: '#8a4b08',
    icon: 'handyman',
    position: 1,
    archived: false,
  },
];

/** A working group as the list returns it; override what a test needs. */
export function groupSummary(overrides: Partial<WorkingGroupSummaryDto> = {}): WorkingGroupSummaryDto {
  return {
    id: GROUP_ID,
    name: 'Digitale Werkstatt Handwerk',
    purpose: 'Handwerksbetriebe probieren gemeinsam digitale Werkzeuge aus.',
    actionFieldId: HANDWERK_ID,
    state: 'active',
    access: 'open',
    realWorldLab: false,
    memberCount: 2,
    myRole: null,
    ...overrides,
  };
}

/** A working group as GET /api/working-groups/:id returns it to an outsider; override what a test needs. */
export function groupDetail(overrides: Partial<WorkingGroupDetailDto> = {}): WorkingGroupDetailDto {
  return {
    ...groupSummary(),
    goals: 'Ein gemeinsames Auftragsportal.',
    meetingRhythm: 'Monatlich, erster Dienstag, 17 Uhr',
    proposedBy: 'p-lead',
    createdAt: '2023-01-10T09:00:00.000Z',
    members: [
      { personId: 'p-lead', displayName: 'Mia Member', role: 'lead', organisationName: 'Tischlerei Brinkmann', joinedAt: '2023-01-10T09:00:00.000Z' },
      { personId: 'p-2', displayName: 'Jana Brinkmann', role: 'member', organisationName: null, joinedAt: '2023-02-10T09:00:00.000Z' },
    ],
    hiddenMembers: 0,
    history: [
      { from: null, to: 'proposed', reason: 'proposed', effectiveOn: '2023-01-10', actorName: 'Mia Member', at: '2023-01-10T09:00:00.000Z' },
      { from: 'proposed', to: 'approved', reason: 'Beschluss des 2. Plattformtreffens', effectiveOn: '2023-02-01', actorName: 'Geschäftsstelle', at: '2023-02-01T09:00:00.000Z' },
      { from: 'approved', to: 'active', reason: 'Auftakttreffen hat stattgefunden', effectiveOn: '2023-03-01', actorName: 'Geschäftsstelle', at: '2023-03-01T09:00:00.000Z' },
    ],
    pending: [],
    permissions: { canManage: false, canJoin: true, canLeave: false },
    ...overrides,
  };
}
