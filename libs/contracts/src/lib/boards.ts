/**
 * Boards carry outputs from idea to measure, real-world lab and project. The
 * stages are fixed (reports count them); each board may relabel its columns.
 */
export const CardStage = {
  Idea: 'idea',
  Measure: 'measure',
  Lab: 'lab',
  Project: 'project',
  Permanent: 'permanent',
  Stopped: 'stopped',
} as const;
export type CardStage = (typeof CardStage)[keyof typeof CardStage];
export const CARD_STAGES: readonly CardStage[] = Object.values(CardStage);

/** Who carries a measure (Zukunftsplan): the city office, companies, or a cooperative of both. */
export type Responsibility = 'city_office' | 'companies' | 'cooperative';
export const RESPONSIBILITIES: readonly Responsibility[] = ['city_office', 'companies', 'cooperative'];

export type BoardKind = 'alliance' | 'group';

export interface BoardSummaryDto {
  id: string;
  kind: BoardKind;
  title: string;
  groupId: string | null;
  groupName: string | null;
  /** Cards per stage that the caller can see. */
  counts: Record<CardStage, number>;
  canEdit: boolean;
}

export interface BoardColumnDto {
  stage: CardStage;
  /** The board's label for the stage, or null for the default (translated by the client). */
  label: string | null;
  /** Cards in order (by `rank`). */
  cards: BoardCardDto[];
}

export interface BoardDto {
  id: string;
  kind: BoardKind;
  title: string;
  groupId: string | null;
  groupName: string | null;
  columns: BoardColumnDto[];
  /** Labels used on this board, for the filter. */
  labels: string[];
  permissions: { canEdit: boolean };
}

/** Query filters of GET /api/boards/:id. */
export interface BoardFilter {
  actionField?: string;
  responsibility?: Responsibility;
  label?: string;
  person?: string;
}

export interface NamedRef {
  id: string;
  name: string;
}

/** A card as the board shows it. */
export interface BoardCardDto {
  id: string;
  boardId: string;
  stage: CardStage;
  /** Fractional order key within the column; compare as plain strings (code points). */
  rank: string;
  title: string;
  actionFieldId: string | null;
  strategicGoalId: string | null;
  responsibility: Responsibility | null;
  organisations: NamedRef[];
  persons: NamedRef[];
  dueDate: string | null;
  labels: string[];
  checklistDone: number;
  checklistTotal: number;
  attachmentCount: number;
  public: boolean;
  decisionId: string | null;
  /** Bumped by every change; send it back with PATCH and move. */
  version: number;
  updatedAt: string;
}

export interface ChecklistItem {
  id: string;
  text: string;
  done: boolean;
}

/** The record of a real-world lab or project (Reallabor). */
export interface LabRecord {
  activities: string;
  coordination: string;
  funding: string;
  actors: string;
  targetGroups: string;
  addedValue: string;
  results: string;
}
export const LAB_FIELDS: readonly (keyof LabRecord)[] = ['activities', 'coordination', 'funding', 'actors', 'targetGroups', 'addedValue', 'results'];

export interface CardAttachmentDto {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface CardDto extends BoardCardDto {
  /** Markdown source. */
  description: string;
  /** The description rendered and sanitised on the server. */
  descriptionHtml: string;
  checklist: ChecklistItem[];
  lab: LabRecord | null;
  attachments: CardAttachmentDto[];
  decision: { id: string; text: string; meetingId: string; meetingTitle: string } | null;
  createdAt: string;
  permissions: { canEdit: boolean };
}

export interface CreateCardRequest {
  title: string;
  stage?: CardStage;
  description?: string;
  actionFieldId?: string | null;
  strategicGoalId?: string | null;
  responsibility?: Responsibility | null;
  organisationIds?: string[];
  personIds?: string[];
  dueDate?: string | null;
  labels?: string[];
  checklist?: ChecklistItem[];
  lab?: LabRecord | null;
  public?: boolean;
  decisionId?: string | null;
}

/** Only the fields sent change; `version` must be the card's current version (else 409 with the current card). */
export interface UpdateCardRequest extends Partial<Omit<CreateCardRequest, 'stage'>> {
  version: number;
}

/** Puts the card into `stage` between two cards of that column (ids); neither: at the end. */
export interface MoveCardRequest {
  stage: CardStage;
  after?: string | null;
  before?: string | null;
  version: number;
}

/** Body of a 409 on a stale version: the error plus the card as it is now. */
export interface CardConflictBody {
  statusCode: 409;
  code: 'CARD_VERSION_CONFLICT';
  message: string;
  requestId: string;
  current: CardDto;
}

export type CardEventKind = 'created' | 'edited' | 'moved' | 'deleted' | 'attachment_added' | 'attachment_removed';

export interface CardEventDto {
  id: string;
  kind: CardEventKind;
  person: NamedRef | null;
  at: string;
  /** created: { stage }; moved: { from, to }; edited: { fields: string[] }; attachment_*: { filename }. */
  data: Record<string, unknown>;
}

export interface SaveColumnLabelsRequest {
  /** A label per stage; null or empty restores the default. */
  labels: Partial<Record<CardStage, string | null>>;
}

/* ---------- strategy: Leitbild → Leitziele → strategic goals → measures ---------- */

export interface StrategyMeasureDto {
  cardId: string;
  boardId: string;
  title: string;
  stage: CardStage;
  responsibility: Responsibility | null;
}

export interface StrategicGoalDto {
  id: string;
  /** Number of the Leitziel (1-based position in the current charter's goals). */
  goalNumber: number;
  title: string;
  description: string;
  actionFieldId: string | null;
  position: number;
  measures: StrategyMeasureDto[];
}

export interface StrategyDto {
  /** Leitbild and Leitziele: the current charter version (edited by the office on the charter page). */
  mission: { de: string; en: string } | null;
  goals: { number: number; de: string; en: string; strategicGoals: StrategicGoalDto[] }[];
  canEdit: boolean;
}

export interface SaveStrategicGoalRequest {
  goalNumber: number;
  title: string;
  description?: string;
  actionFieldId?: string | null;
  position?: number;
}

/* ---------- realtime: one room per board ---------- */

/** Changes of a board's cards, coalesced over a few milliseconds; apply a card only if its version is newer. */
export interface BoardChangesPayload {
  boardId: string;
  cards: BoardCardDto[];
  removed: string[];
}

export interface BoardServerEvents {
  'board:changes': (payload: BoardChangesPayload) => void;
}
export interface BoardClientEvents {
  /** Joins the board's room: those who may edit the board (its group's members, the office). */
  'board:join': (boardId: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
  'board:leave': (boardId: string) => void;
}
