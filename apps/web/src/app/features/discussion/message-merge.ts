import type { MessageDto, ReactionDto } from '@allmende/contracts';

/**
 * The messages of a thread are kept as one list sorted by id (ids increase across the
 * platform) with every id once: an HTTP page, the replay after a reconnect and live
 * events may overlap, and none of them may show a message twice.
 */

/** The highest id in a sorted list (what a client resumes after), or null when empty. */
export function highestId(messages: readonly MessageDto[]): number | null {
  return messages.length ? messages[messages.length - 1].id : null;
}

/** The lowest id in a sorted list (where scrolling back continues), or null when empty. */
export function lowestId(messages: readonly MessageDto[]): number | null {
  return messages.length ? messages[0].id : null;
}

/**
 * Merges messages into a sorted list, one per id, sorted by id. `incoming` wins over a
 * copy already there (an HTTP page or a replay is the newer view), unless `keep` is
 * 'current' (a live "new message" that may arrive after the HTTP answer to the post).
 */
export function mergeMessages(
  current: readonly MessageDto[],
  incoming: readonly MessageDto[],
  keep: 'incoming' | 'current' = 'incoming',
): MessageDto[] {
  if (!incoming.length) return current as MessageDto[];
  const byId = new Map<number, MessageDto>();
  for (const m of current) byId.set(m.id, m);
  let changed = false;
  for (const m of incoming) {
    const existing = byId.get(m.id);
    if (existing && keep === 'current') continue;
    if (existing === m) continue;
    byId.set(m.id, m);
    changed = true;
  }
  if (!changed) return current as MessageDto[];
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export interface UpdateOptions {
  /**
   * The update came from the room: its reactions carry nobody's own flag (`mine` is
   * false), so the caller's flags are kept from what was known before.
   */
  broadcast: boolean;
  /** The caller moderates the thread: a message the room sees hidden keeps its text here. */
  moderator: boolean;
}

/**
 * Replaces a message by id (edited, deleted, hidden, reacted to). A message not in the
 * list is ignored: it lies before what was loaded, or the replay brings it.
 */
export function applyUpdate(current: readonly MessageDto[], update: MessageDto, options: UpdateOptions): MessageDto[] {
  const index = current.findIndex((m) => m.id === update.id);
  if (index < 0) return current as MessageDto[];
  const existing = current[index];
  let next = options.broadcast ? keepMine(existing, update) : update;
  if (options.moderator && next.hidden && !next.deleted && !next.body && existing.body) {
    // moderators still read hidden messages; the room's copy has no text
    next = { ...next, body: existing.body, bodyHtml: existing.bodyHtml, mentions: existing.mentions, attachments: existing.attachments };
  }
  const copy = current.slice();
  copy[index] = next;
  return copy;
}

/** The message after its author (or a moderator) deleted it: it stays as a placeholder. */
export function markDeleted(current: readonly MessageDto[], id: number): MessageDto[] {
  return current.map((m) =>
    m.id === id ? { ...m, deleted: true, body: '', bodyHtml: '', mentions: [], attachments: [], reactions: [] } : m,
  );
}

/** A broadcast copy of a message, with the caller's own reaction flags taken from the known copy. */
function keepMine(existing: MessageDto, incoming: MessageDto): MessageDto {
  const mine = new Map(existing.reactions.map((r) => [r.emoji, r.mine]));
  const reactions: ReactionDto[] = incoming.reactions.map((r) => ({ ...r, mine: mine.get(r.emoji) ?? false }));
  return { ...incoming, reactions };
}

/** The message `id` refers to as parent, when it is loaded. */
export function findMessage(messages: readonly MessageDto[], id: number | null): MessageDto | null {
  if (id === null) return null;
  // sorted by id: binary search
  let lo = 0;
  let hi = messages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = messages[mid];
    if (m.id === id) return m;
    if (m.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}
