import { MENTION_PATTERN } from '@allmende/contracts';
import { excerpt, insertMention, mentionQueryAt, mentionToken, newClientId, typingMessage } from './composer-model';

const ANNA = { id: '11111111-2222-4333-8444-555555555555', name: 'Anna Beispiel' };

describe('composer model', () => {
  describe('mentionQueryAt', () => {
    it('finds an @ at the start or after white space, up to the caret', () => {
      expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
      expect(mentionQueryAt('Hallo @An', 9)).toEqual({ start: 6, query: 'An' });
      expect(mentionQueryAt('Hallo\n@Anna B', 13)).toEqual({ start: 6, query: 'Anna B' });
    });

    it('ignores e-mail addresses, finished mentions and what lies after the caret', () => {
      expect(mentionQueryAt('anna@example.org', 16)).toBeNull();
      expect(mentionQueryAt(`${mentionToken(ANNA)} `, mentionToken(ANNA).length + 1)).toBeNull();
      expect(mentionQueryAt('Hallo @An und mehr', 6)).toBeNull();
    });

    it('gives up after a long query, a double space or a third space', () => {
      expect(mentionQueryAt(`@${'a'.repeat(31)}`, 32)).toBeNull();
      expect(mentionQueryAt('@Anna  B', 8)).toBeNull();
      expect(mentionQueryAt('@a b c d', 8)).toBeNull();
      expect(mentionQueryAt('@ Anna', 6)).toBeNull();
    });
  });

  describe('insertMention', () => {
    it('replaces the typed @query with the mention token and a space, the caret after it', () => {
      const text = 'Frag mal @An bitte';
      const result = insertMention(text, { start: 9, query: 'An' }, 12, ANNA);
      expect(result.text).toBe(`Frag mal @[Anna Beispiel](person:${ANNA.id})  bitte`);
      expect(result.caret).toBe(9 + `@[Anna Beispiel](person:${ANNA.id}) `.length);
    });

    it('writes tokens the server recognises (MENTION_PATTERN), even for awkward names', () => {
      const token = mentionToken({ id: ANNA.id, name: 'Anna [Chefin]\nBeispiel' });
      expect(token).toBe(`@[Anna [ChefinBeispiel](person:${ANNA.id})`);
      const matches = [...token.matchAll(MENTION_PATTERN)];
      expect(matches.map((m) => m[2])).toEqual([ANNA.id]);
    });
  });

  it('quotes a message as short plain text, mentions as @Name', () => {
    expect(excerpt(`**Danke** @[Anna Beispiel](person:${ANNA.id}) für [den Link](https://x.org)!`)).toBe('Danke @Anna Beispiel für den Link!');
    expect(excerpt('a'.repeat(200), 20)).toBe(`${'a'.repeat(19)}…`);
  });

  it('makes version-4 uuids, also without crypto.randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newClientId()).toMatch(uuid);
    // insecure origins (plain http) have no randomUUID
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 20 }, () => newClientId()));
      expect(ids.size).toBe(20);
      for (const id of ids) expect(id).toMatch(uuid);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof globalThis.crypto.randomUUID).toBe('function');
  });

  it('says who is typing', () => {
    expect(typingMessage([])).toBeNull();
    expect(typingMessage(['Ben'])).toEqual({ key: 'discussion.typing.one', params: { name: 'Ben' } });
    expect(typingMessage(['Ben', 'Cem'])).toEqual({ key: 'discussion.typing.two', params: { first: 'Ben', second: 'Cem' } });
    expect(typingMessage(['Ben', 'Cem', 'Dana'])).toEqual({ key: 'discussion.typing.many', params: { count: '3' } });
  });
});
