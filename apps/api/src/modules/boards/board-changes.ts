import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { BoardCardDto, BoardChangesPayload } from '@allmende/contracts';
import { DomainEventBus } from '../../common/domain-events';

/** How long changes of one board are gathered into one message. */
const WINDOW_MS = 10;

/**
 * Gathers committed card changes per board for a few milliseconds and emits them as
 * one `board.changes` event: a burst of moves costs one message per viewer instead
 * of one per move. Clients apply a card only if its version is newer.
 */
@Injectable()
export class BoardChanges implements OnApplicationShutdown {
  private readonly pending = new Map<string, { cards: Map<string, BoardCardDto>; removed: Set<string>; timer: NodeJS.Timeout }>();

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
      entry = { cards: new Map(), removed: new Set(), timer: setTimeout(() => this.flush(boardId), WINDOW_MS) };
      this.pending.set(boardId, entry);
    }
    return entry;
  }

  private flush(boardId: string): void {
    const entry = this.pending.get(boardId);
    if (!entry) return;
    this.pending.delete(boardId);
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
