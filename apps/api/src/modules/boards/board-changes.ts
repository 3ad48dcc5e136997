import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { BoardCardDto, BoardChangesPayload } from '@allmende/contracts';
import { DomainEventBus } from '../../common/domain-events';

/** How long changes of one board are gathered into one message. */
const WINDOW_MS = 10;
/** Under a stream of changes, a board's viewers get at most one message this often. */
const MIN_INTERVAL_MS = 50;

/**
 * Gathers committed card changes per board for a few milliseconds and emits them as
 * one `board.changes` event: a burst of moves costs one message per viewer instead
 * of one per move. A single move is sent after WINDOW_MS; while moves keep coming,
 * every MIN_INTERVAL_MS (each message is one write per viewer's socket, which is what
 * a busy board spends its time on). Clients apply a card only if its version is newer.
 */
@Injectable()
export class BoardChanges implements OnApplicationShutdown {
  private readonly pending = new Map<string, { cards: Map<string, BoardCardDto>; removed: Set<string>; timer: NodeJS.Timeout }>();
  private readonly lastFlush = new Map<string, number>();

  constructor(private readonly events: DomainEventBus) {}

  changed(card: BoardCardDto): void {
    const entry = this.entry(card.boardId);
    const known = entry.cards.get(card.id);
    if (!known || known.version < card.version) entry.cards.set(card.id, card);
    entry.removed.delete(card.id);
  }

  removed(boardId: string, cardId: string): void {
    const entry = this.entry(boardId);
    entry.cards.delete(cardId);
    entry.removed.add(cardId);
  }

  private entry(boardId: string) {
    let entry = this.pending.get(boardId);
    if (!entry) {
      const sinceLast = Date.now() - (this.lastFlush.get(boardId) ?? 0);
      const delay = Math.max(WINDOW_MS, MIN_INTERVAL_MS - sinceLast);
      entry = { cards: new Map(), removed: new Set(), timer: setTimeout(() => this.flush(boardId), delay) };
      this.pending.set(boardId, entry);
    }
    return entry;
  }

  private flush(boardId: string): void {
    const entry = this.pending.get(boardId);
    if (!entry) return;
    this.pending.delete(boardId);
    this.lastFlush.set(boardId, Date.now());
    const payload: BoardChangesPayload = { boardId, cards: [...entry.cards.values()], removed: [...entry.removed] };
    this.events.emit('board.changes', { payload });
  }

  onApplicationShutdown(): void {
    for (const [boardId, entry] of this.pending) {
      clearTimeout(entry.timer);
      this.flush(boardId);
    }
  }
}
