import type { BoardDto, CardStage } from '@allmende/contracts';
import { BOARD_ID, board, boardCard, cardDetail } from '../../../testing/board-fixtures';
import {
  applyBoardChanges,
  applyCard,
  compareCards,
  findCard,
  matchesFilter,
  menuTarget,
  moveLocally,
  neighbours,
  placeCard,
  rankBetween,
  removeCard,
  sortByRank,
} from './board-state';

const ids = (b: BoardDto, stage: CardStage) => b.columns.find((c) => c.stage === stage)?.cards.map((c) => c.id);

describe('board state', () => {
  const a = boardCard({ id: 'a', rank: 'a0' });
  const b = boardCard({ id: 'b', rank: 'a1' });
  const c = boardCard({ id: 'c', rank: 'a2' });
  const lab = boardCard({ id: 'l', rank: 'b', stage: 'lab' });
  const start = () => board([a, b, c, lab]);

  describe('order', () => {
    it('compares ranks as plain strings (code units), not by locale', () => {
      // localeCompare would put 'a' before 'B' and 'Z'; code units put upper case first
      const cards = [boardCard({ id: '1', rank: 'a' }), boardCard({ id: '2', rank: 'B' }), boardCard({ id: '3', rank: 'Z' })];
      expect(sortByRank(cards).map((x) => x.rank)).toEqual(['B', 'Z', 'a']);
      expect(sortByRank([boardCard({ id: '1', rank: 'a0V' }), boardCard({ id: '2', rank: 'a0' })]).map((x) => x.rank)).toEqual(['a0', 'a0V']);
    });

    it('orders equal ranks by id', () => {
      expect(compareCards({ id: 'x', rank: 'm' }, { id: 'y', rank: 'm' })).toBeLessThan(0);
      expect(compareCards({ id: 'y', rank: 'm' }, { id: 'y', rank: 'm' })).toBe(0);
    });

    it('finds a rank strictly between two others', () => {
      const pairs: [string | null, string | null][] = [
        [null, null],
        ['a0', 'a1'],
        ['a0', 'a0V'],
        ['a', 'b'],
        [null, 'a0'],
        ['a0', null],
        ['Zz', 'a'],
        ['a~', 'b'],
        ['', 'a\u0000b'],
        ['a', 'a\u0000b'],
      ];
      for (const [lo, hi] of pairs) {
        const mid = rankBetween(lo, hi);
        if (lo !== null) expect(mid > lo).toBe(true);
        if (hi !== null) expect(mid < hi).toBe(true);
      }
    });
  });

  describe('placing cards', () => {
    it('moves a card into the column of its stage, sorted by rank', () => {
      const moved = placeCard(start(), { ...a, stage: 'lab', rank: 'c', version: 2 });
      expect(ids(moved, 'idea')).toEqual(['b', 'c']);
      expect(ids(moved, 'lab')).toEqual(['l', 'a']);
    });

    it('keeps only the board fields of a detailed card and learns its labels', () => {
      const placed = placeCard(start(), cardDetail({ id: 'a', rank: 'a0', version: 2, labels: ['Energie'], description: 'lang' }));
      const shown = findCard(placed, 'a')?.card as unknown as Record<string, unknown>;
      expect(shown['description']).toBeUndefined();
      expect(placed.labels).toEqual(['Energie']);
    });

    it('applies a card only when its version is newer', () => {
      const older = applyCard(start(), { ...a, stage: 'lab', version: 1 });
      expect(ids(older, 'idea')).toEqual(['a', 'b', 'c']);
      const newer = applyCard(start(), { ...a, stage: 'lab', version: 2 });
      expect(ids(newer, 'lab')).toEqual(['a', 'l']);
    });

    it('removes a card', () => {
      expect(ids(removeCard(start(), 'b'), 'idea')).toEqual(['a', 'c']);
      const same = start();
      expect(removeCard(same, 'nope')).toBe(same);
    });
  });

  describe('board:changes', () => {
    it('moves a card between columns and tells who sees it', () => {
      const { board: next, notes } = applyBoardChanges(start(), {
        cards: [{ ...b, stage: 'lab', rank: 'a', version: 3 }],
        removed: [],
      });
      expect(ids(next, 'idea')).toEqual(['a', 'c']);
      expect(ids(next, 'lab')).toEqual(['b', 'l']);
      expect(notes).toEqual([{ kind: 'moved', cardId: 'b', title: b.title, from: 'idea', to: 'lab' }]);
    });

    it('re-sorts within a column by the new rank', () => {
      const { board: next, notes } = applyBoardChanges(start(), { cards: [{ ...a, rank: 'a1V', version: 2 }], removed: [] });
      expect(ids(next, 'idea')).toEqual(['b', 'a', 'c']);
      expect(notes).toEqual([]);
    });

    it('skips versions that are not newer than the one shown (own echoes, late arrivals)', () => {
      const current = placeCard(start(), { ...a, stage: 'measure', version: 5 });
      const { board: next, notes } = applyBoardChanges(current, {
        cards: [
          { ...a, stage: 'idea', version: 4 },
          { ...a, stage: 'stopped', version: 5 },
        ],
        removed: [],
      });
      expect(next).toBe(current);
      expect(notes).toEqual([]);
    });

    it('applies the newest of several versions of one card in a batch', () => {
      const { board: next } = applyBoardChanges(start(), {
        cards: [
          { ...a, stage: 'measure', version: 3 },
          { ...a, stage: 'project', version: 2 },
        ],
        removed: [],
      });
      expect(findCard(next, 'a')?.stage).toBe('measure');
    });

    it('adds new cards and removes deleted ones', () => {
      const fresh = boardCard({ id: 'n', stage: 'project', title: 'Neu' });
      const { board: next, notes } = applyBoardChanges(start(), { cards: [fresh], removed: ['c', 'unknown'] });
      expect(ids(next, 'project')).toEqual(['n']);
      expect(ids(next, 'idea')).toEqual(['a', 'b']);
      expect(notes).toEqual([
        { kind: 'added', cardId: 'n', title: 'Neu', to: 'project' },
        { kind: 'removed', cardId: 'c', title: c.title },
      ]);
    });

    it('takes a card out of a filtered view when it no longer passes the filter', () => {
      const filtered = board([{ ...a, labels: ['Energie'] }], { id: BOARD_ID });
      const { board: next } = applyBoardChanges(filtered, { cards: [{ ...a, labels: [], version: 2 }], removed: [] }, { label: 'Energie' });
      expect(findCard(next, 'a')).toBeNull();
      const other = applyBoardChanges(filtered, { cards: [boardCard({ id: 'z' })], removed: [] }, { label: 'Energie' });
      expect(findCard(other.board, 'z')).toBeNull();
    });
  });

  describe('filters', () => {
    it('matches like the API', () => {
      const card = boardCard({
        id: 'f',
        actionFieldId: 'af',
        responsibility: 'companies',
        labels: ['x'],
        persons: [{ id: 'p', name: 'P' }],
      });
      expect(matchesFilter(card, {})).toBe(true);
      expect(matchesFilter(card, { actionField: 'af', responsibility: 'companies', label: 'x', person: 'p' })).toBe(true);
      expect(matchesFilter(card, { actionField: 'other' })).toBe(false);
      expect(matchesFilter(card, { responsibility: 'city_office' })).toBe(false);
      expect(matchesFilter(card, { label: 'y' })).toBe(false);
      expect(matchesFilter(card, { person: 'q' })).toBe(false);
    });
  });

  describe('moving', () => {
    it('names the neighbours above (after) and below (before)', () => {
      expect(neighbours([{ id: 'x' }, { id: 'y' }, { id: 'z' }], 1)).toEqual({ after: 'x', before: 'z' });
      expect(neighbours([{ id: 'x' }, { id: 'y' }], 0)).toEqual({ after: null, before: 'y' });
      expect(neighbours([{ id: 'x' }], 0)).toEqual({ after: null, before: null });
    });

    it('moves a card into another column between two cards', () => {
      const target = board([a, b, boardCard({ id: 'p1', stage: 'project', rank: 'k' }), boardCard({ id: 'p2', stage: 'project', rank: 'n' })]);
      const move = moveLocally(target, 'a', 'project', 1);
      expect(move).not.toBeNull();
      if (!move) return;
      expect(ids(move.board, 'idea')).toEqual(['b']);
      expect(ids(move.board, 'project')).toEqual(['p1', 'a', 'p2']);
      expect([move.stage, move.after, move.before]).toEqual(['project', 'p1', 'p2']);
      expect(move.card.rank > 'k' && move.card.rank < 'n').toBe(true);
      expect(move.previous).toBe(a);
      // the provisional rank keeps the place when the column is sorted again (live changes meanwhile)
      expect(ids(placeCard(move.board, boardCard({ id: 'p3', stage: 'project', rank: 'z' })), 'project')).toEqual(['p1', 'a', 'p2', 'p3']);
    });

    it('moves within a column (indexes as CDK reports them)', () => {
      const down = moveLocally(start(), 'a', 'idea', 2);
      expect(down && ids(down.board, 'idea')).toEqual(['b', 'c', 'a']);
      expect(down && [down.after, down.before]).toEqual(['c', null]);
      const up = moveLocally(start(), 'c', 'idea', 0);
      expect(up && ids(up.board, 'idea')).toEqual(['c', 'a', 'b']);
      expect(up && [up.after, up.before]).toEqual([null, 'a']);
    });

    it('moves into an empty column and ignores drops in place', () => {
      const move = moveLocally(start(), 'b', 'stopped', 0);
      expect(move && ids(move.board, 'stopped')).toEqual(['b']);
      expect(move && [move.after, move.before]).toEqual([null, null]);
      expect(moveLocally(start(), 'b', 'idea', 1)).toBeNull();
      expect(moveLocally(start(), 'nope', 'idea', 0)).toBeNull();
    });

    it('turns menu choices into targets', () => {
      expect(menuTarget(start(), 'b', { kind: 'up' })).toEqual({ stage: 'idea', index: 0 });
      expect(menuTarget(start(), 'b', { kind: 'down' })).toEqual({ stage: 'idea', index: 2 });
      expect(menuTarget(start(), 'a', { kind: 'up' })).toBeNull();
      expect(menuTarget(start(), 'c', { kind: 'down' })).toBeNull();
      expect(menuTarget(start(), 'a', { kind: 'stage', stage: 'lab' })).toEqual({ stage: 'lab', index: 1 });
      expect(menuTarget(start(), 'a', { kind: 'stage', stage: 'idea' })).toBeNull();
      const toLab = moveLocally(start(), 'a', 'lab', 1);
      expect(toLab && [toLab.after, toLab.before]).toEqual(['l', null]);
    });
  });
});
