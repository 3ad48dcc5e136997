import { CARD_STAGES, type BoardCardDto, type BoardDto, type CardDto, type CardStage } from '@allmende/contracts';

export const BOARD_ID = '8c0f4d52-0c39-4a57-9a43-3c1c8b1f0a01';
export const FIELD_ID = '3f2b7a9e-5d4c-4b1a-8e6f-2a9c0d1e7b55';
export const PERSON_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

/** A card as the board shows it; override what a test needs. */
export function boardCard(overrides: Partial<BoardCardDto> & Pick<BoardCardDto, 'id'>): BoardCardDto {
  return {
    boardId: BOARD_ID,
    stage: 'idea',
    rank: 'm',
    title: `Karte ${overrides.id}`,
    actionFieldId: null,
    strategicGoalId: null,
    responsibility: null,
    organisations: [],
    persons: [],
    dueDate: null,
    labels: [],
    checklistDone: 0,
    checklistTotal: 0,
    attachmentCount: 0,
    public: false,
    decisionId: null,
    version: 1,
    updatedAt: '2026-05-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A board with the given cards sorted into their columns (in the order given). */
export function board(cards: BoardCardDto[], overrides: Partial<BoardDto> = {}): BoardDto {
  return {
    id: BOARD_ID,
    kind: 'alliance',
    title: 'Zukunftsplan',
    groupId: null,
    groupName: null,
    columns: CARD_STAGES.map((stage: CardStage) => ({ stage, label: null, cards: cards.filter((c) => c.stage === stage) })),
    labels: [],
    permissions: { canEdit: true },
    ...overrides,
  };
}

/** A card with its detail; override what a test needs. */
export function cardDetail(overrides: Partial<CardDto> & Pick<CardDto, 'id'>): CardDto {
  return {
    ...boardCard(overrides),
    description: '',
    descriptionHtml: '',
    checklist: [],
    lab: null,
    attachments: [],
    decision: null,
    createdAt: '2026-04-01T10:00:00.000Z',
    permissions: { canEdit: true },
    ...overrides,
  };
}
