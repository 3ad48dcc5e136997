import type { BoardCardDto, BoardChangesPayload, BoardDto, BoardFilter, CardStage } from '@allmende/contracts';

/*
 * Pure functions on a board as the page shows it: ordering by rank, placing cards that
 * changed (locally or on the server), live changes, and the neighbours a move needs.
 * Ranks are fractional order keys; they are compared as plain strings (code units),
 * exactly as the server orders them — never with localeCompare.
 */

/** Order of cards within a column: by rank, then by id (stable for equal ranks). */
export function compareCards(a: Pick<BoardCardDto, 'rank' | 'id'>, b: Pick<BoardCardDto, 'rank' | 'id'>): number {
  if (a.rank < b.rank) return -1;
  if (a.rank > b.rank) return 1;
  if (a.id < b.id) return -1;
  return a.id > b.id ? 1 : 0;
}

export function sortByRank<T extends Pick<BoardCardDto, 'rank' | 'id'>>(cards: readonly T[]): T[] {
  return [...cards].sort(compareCards);
}

export interface CardPosition {
  card: BoardCardDto;
  stage: CardStage;
  index: number;
}

/** Where a card is shown, or null. */
export function findCard(board: BoardDto, cardId: string): CardPosition | null {
  for (const column of board.columns) {
    const index = column.cards.findIndex((c) => c.id === cardId);
    if (index >= 0) return { card: column.cards[index], stage: column.stage, index };
  }
  return null;
}

/** The board without the card (unchanged object when it is not shown). */
export function removeCard(board: BoardDto, cardId: string): BoardDto {
  if (!findCard(board, cardId)) return board;
  return {
    ...board,
    columns: board.columns.map((column) =>
      column.cards.some((c) => c.id === cardId) ? { ...column, cards: column.cards.filter((c) => c.id !== cardId) } : column,
    ),
  };
}

/**
 * Puts the card into the column of its stage, sorted by rank, replacing the shown copy
 * wherever it is. Unconditional: the caller decides whether the card is newer. Only the
 * board card fields are kept (a CardDto's detail stays out of the board).
 */
export function placeCard(board: BoardDto, card: BoardCardDto): BoardDto {
  const shown = boardCard(card);
  const without = removeCard(board, card.id);
  const labels = board.labels.concat(card.labels.filter((l) => !board.labels.includes(l)));
  return {
    ...without,
    labels: labels.length === board.labels.length ? board.labels : [...labels].sort((a, b) => a.localeCompare(b)),
    columns: without.columns.map((column) =>
      column.stage === card.stage ? { ...column, cards: sortByRank([...column.cards, shown]) } : column,
    ),
  };
}

/** True when `card` is newer than the copy shown (or none is shown). */
export function isNewer(board: BoardDto, card: BoardCardDto): boolean {
  const shown = findCard(board, card.id);
  return !shown || card.version > shown.card.version;
}

/** Places the card only when it is newer than the shown copy. */
export function applyCard(board: BoardDto, card: BoardCardDto): BoardDto {
  return isNewer(board, card) ? placeCard(board, card) : board;
}

/** Whether a card passes the board's filters (as the API filters GET /api/boards/:id). */
export function matchesFilter(card: BoardCardDto, filter: BoardFilter): boolean {
  if (filter.actionField && card.actionFieldId !== filter.actionField) return false;
  if (filter.responsibility && card.responsibility !== filter.responsibility) return false;
  if (filter.label && !card.labels.includes(filter.label)) return false;
  if (filter.person && !card.persons.some((p) => p.id === filter.person)) return false;
  return true;
}

/** What others changed, to announce in the live region. */
export type BoardChangeNote =
  | { kind: 'moved'; cardId: string; title: string; from: CardStage; to: CardStage }
  | { kind: 'added'; cardId: string; title: string; to: CardStage }
  | { kind: 'removed'; cardId: string; title: string };

/**
 * Applies 'board:changes': each card only when its version is newer than the one shown
 * (the echo of one's own change, or an older change arriving late, is skipped); a card
 * that no longer passes the filters leaves the view; `removed` ids are taken out.
 */
export function applyBoardChanges(
  board: BoardDto,
  payload: Pick<BoardChangesPayload, 'cards' | 'removed'>,
  filter: BoardFilter = {},
): { board: BoardDto; notes: BoardChangeNote[] } {
  const notes: BoardChangeNote[] = [];
  let next = board;
  for (const card of payload.cards) {
    const shown = findCard(next, card.id);
    if (shown && card.version <= shown.card.version) continue;
    if (!matchesFilter(card, filter)) {
      next = removeCard(next, card.id);
      continue;
    }
    if (!shown) notes.push({ kind: 'added', cardId: card.id, title: card.title, to: card.stage });
    else if (shown.stage !== card.stage) notes.push({ kind: 'moved', cardId: card.id, title: card.title, from: shown.stage, to: card.stage });
    next = placeCard(next, card);
  }
  for (const id of payload.removed) {
    const shown = findCard(next, id);
    if (!shown) continue;
    notes.push({ kind: 'removed', cardId: id, title: shown.card.title });
    next = removeCard(next, id);
  }
  return { board: next, notes };
}

/** The cards around `index` in a column: `after` = the card above, `before` = the card below. */
export function neighbours(cards: readonly Pick<BoardCardDto, 'id'>[], index: number): { after: string | null; before: string | null } {
  return { after: cards[index - 1]?.id ?? null, before: cards[index + 1]?.id ?? null };
}

export interface LocalMove {
  /** The board with the card at its new place (optimistic). */
  board: BoardDto;
  /** The card as shown there (stage and a provisional rank). */
  card: BoardCardDto;
  /** The card as it was, to put back when the server refuses. */
  previous: BoardCardDto;
  stage: CardStage;
  after: string | null;
  before: string | null;
}

/**
 * Moves a card to `index` of the `stage` column (index counted without the card itself, as
 * CDK drag and drop reports it). Null when the card is unknown or would not move.
 */
export function moveLocally(board: BoardDto, cardId: string, stage: CardStage, index: number): LocalMove | null {
  const from = findCard(board, cardId);
  const target = board.columns.find((c) => c.stage === stage);
  if (!from || !target) return null;
  const others = target.cards.filter((c) => c.id !== cardId);
  const at = Math.max(0, Math.min(index, others.length));
  if (from.stage === stage && from.index === at) return null;
  const above = others[at - 1] ?? null;
  const below = others[at] ?? null;
  const card: BoardCardDto = { ...from.card, stage, rank: rankBetween(above?.rank ?? null, below?.rank ?? null) };
  const cards = [...others.slice(0, at), card, ...others.slice(at)];
  const without = removeCard(board, cardId);
  return {
    board: { ...without, columns: without.columns.map((c) => (c.stage === stage ? { ...c, cards } : c)) },
    card,
    previous: from.card,
    stage,
    after: above?.id ?? null,
    before: below?.id ?? null,
  };
}

/** A move chosen from a card's move menu (the keyboard alternative to dragging). */
export type MenuMove = { kind: 'stage'; stage: CardStage } | { kind: 'up' } | { kind: 'down' };

/** Where a menu move puts the card (another column: at its end), or null when it cannot move so. */
export function menuTarget(board: BoardDto, cardId: string, move: MenuMove): { stage: CardStage; index: number } | null {
  const from = findCard(board, cardId);
  if (!from) return null;
  const column = board.columns.find((c) => c.stage === from.stage);
  const length = column?.cards.length ?? 0;
  switch (move.kind) {
    case 'up':
      return from.index > 0 ? { stage: from.stage, index: from.index - 1 } : null;
    case 'down':
      return from.index < length - 1 ? { stage: from.stage, index: from.index + 1 } : null;
    case 'stage': {
      if (move.stage === from.stage) return null;
      const target = board.columns.find((c) => c.stage === move.stage);
      return target ? { stage: move.stage, index: target.cards.length } : null;
    }
  }
}

/**
 * A string strictly between `a` and `b` in plain string order (null: no bound). Only a
 * provisional rank for an optimistic move, until the server answers with the real one.
 */
export function rankBetween(a: string | null, b: string | null): string {
  const lo = a ?? '';
  if (b !== null && !(lo < b)) return lo; // inconsistent neighbours: keep the insertion order as it is
  return between(lo, b);
}

function between(lo: string, hi: string | null): string {
  for (let i = 0; ; i++) {
    const ca = i < lo.length ? lo.charCodeAt(i) : -1;
    // without an upper bound prefer printable ASCII
    const cb = hi !== null ? (i < hi.length ? hi.charCodeAt(i) : -1) : ca < 0x7e ? 0x7f : 0x10000;
    if (ca === cb) continue;
    const prefix = lo.slice(0, i);
    const mid = Math.floor((ca + cb) / 2);
    if (mid > ca) return prefix + String.fromCharCode(mid);
    // adjacent characters
    if (ca === -1) {
      // lo ends here and hi continues with the smallest character
      const rest = (hi ?? '').slice(i + 1);
      return rest ? prefix + String.fromCharCode(cb) + between('', rest) : lo;
    }
    return prefix + lo[i] + between(lo.slice(i + 1), null);
  }
}

/** The board card fields of a card (drops the detail of a CardDto). */
export function boardCard(card: BoardCardDto): BoardCardDto {
  return {
    id: card.id,
    boardId: card.boardId,
    stage: card.stage,
    rank: card.rank,
    title: card.title,
    actionFieldId: card.actionFieldId,
    strategicGoalId: card.strategicGoalId,
    responsibility: card.responsibility,
    organisations: card.organisations,
    persons: card.persons,
    dueDate: card.dueDate,
    labels: card.labels,
    checklistDone: card.checklistDone,
    checklistTotal: card.checklistTotal,
    attachmentCount: card.attachmentCount,
    public: card.public,
    decisionId: card.decisionId,
    version: card.version,
    updatedAt: card.updatedAt,
  };
}
