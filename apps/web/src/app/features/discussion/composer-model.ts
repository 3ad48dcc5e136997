import { MENTION_PATTERN, type NamedRef } from '@allmende/contracts';

/** The longest message the API takes (MESSAGE_MAX_LENGTH of the API's DTOs). */
export const MESSAGE_MAX_LENGTH = 10_000;
/** At most this many attachments per message (the API's limit). */
export const MAX_ATTACHMENTS = 5;

/** An `@…` being typed: where the `@` stands and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

const MAX_QUERY = 30;

/**
 * The mention being typed at the caret, or null: an `@` at the start or after white
 * space, followed by up to 30 characters (a first and last name: at most two single
 * spaces, no line break, no brackets, so finished mention tokens never match).
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)@([^\n@[\]()]{0,30})$/.exec(before);
  if (!match) return null;
  const query = match[1];
  if (query.length > MAX_QUERY || query.startsWith(' ') || query.includes('  ') || (query.match(/ /g)?.length ?? 0) > 2) return null;
  return { start: caret - query.length - 1, query };
}

/** The token a mention is written as (MENTION_PATTERN): `@[Name](person:<uuid>)`. */
export function mentionToken(person: NamedRef): string {
  const name = person.name.replace(/[\]\n]/g, '').trim().slice(0, 100) || '?';
  return `@[${name}](person:${person.id})`;
}

/** Replaces the `@query` being typed with the person's mention token and a space; the caret goes after it. */
export function insertMention(text: string, mention: MentionQuery, caret: number, person: NamedRef): { text: string; caret: number } {
  const inserted = `${mentionToken(person)} `;
  const after = text.slice(caret);
  return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length };
}

/** Plain text of a message body for a short quote: mentions as `@Name`, markdown marks dropped, shortened. */
export function excerpt(body: string, max = 120): string {
  const plain = body
    .replace(MENTION_PATTERN, (_, name: string) => `@${name}`)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

/** A new client id for a post (uuid v4); falls back to getRandomValues where randomUUID is missing (insecure origins). */
export function newClientId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Who is typing, as a `discussion.typing.*` message. */
export function typingMessage(names: readonly string[]): { key: string; params: Record<string, string> } | null {
  if (!names.length) return null;
  if (names.length === 1) return { key: 'discussion.typing.one', params: { name: names[0] } };
  if (names.length === 2) return { key: 'discussion.typing.two', params: { first: names[0], second: names[1] } };
  return { key: 'discussion.typing.many', params: { count: String(names.length) } };
}
