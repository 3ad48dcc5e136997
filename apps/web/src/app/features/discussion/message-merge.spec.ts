import { messageFixture as msg } from '../../../testing/discussion-fixtures';
import { applyUpdate, findMessage, highestId, lowestId, markDeleted, mergeMessages } from './message-merge';

const ids = (list: { id: number }[]) => list.map((m) => m.id);

describe('message merging', () => {
  it('keeps every id once and sorts by id, whatever the order they arrive in', () => {
    const merged = mergeMessages([msg(3), msg(5)], [msg(7), msg(4), msg(5), msg(1)]);
    expect(ids(merged)).toEqual([1, 3, 4, 5, 7]);
  });

  it('lets a page or a replay replace the copy it has, a live "new message" not', () => {
    const known = msg(5, { body: 'alt' });
    const fresh = msg(5, { body: 'neu', editedAt: '2026-05-04T10:00:00.000Z' });
    expect(mergeMessages([known], [fresh])[0].body).toBe('neu');
    expect(mergeMessages([known], [fresh], 'current')[0].body).toBe('alt');
  });

  it('returns the same list when nothing changes (no needless re-render)', () => {
    const list = [msg(1), msg(2)];
    expect(mergeMessages(list, [])).toBe(list);
    expect(mergeMessages(list, [list[1]])).toBe(list);
    expect(mergeMessages(list, [msg(2)], 'current')).toBe(list);
  });

  it('merges the replay after a reconnect with what arrived live meanwhile, without doubles', () => {
    // loaded over HTTP up to 3; 5 arrived live before the connection dropped; the replay after 3 repeats 5
    const before = mergeMessages([msg(1), msg(2), msg(3)], [msg(5)], 'current');
    const afterReplay = mergeMessages(before, [msg(4), msg(5), msg(6)]);
    expect(ids(afterReplay)).toEqual([1, 2, 3, 4, 5, 6]);
    // and the live copy of 6 that arrives late changes nothing
    expect(ids(mergeMessages(afterReplay, [msg(6)], 'current'))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('tells the highest and lowest id (null when empty)', () => {
    expect(highestId([])).toBeNull();
    expect(lowestId([])).toBeNull();
    expect(highestId([msg(2), msg(9)])).toBe(9);
    expect(lowestId([msg(2), msg(9)])).toBe(2);
  });

  it('finds a message by id in the sorted list', () => {
    const list = [msg(1), msg(4), msg(8), msg(12)];
    expect(findMessage(list, 8)?.id).toBe(8);
    expect(findMessage(list, 5)).toBeNull();
    expect(findMessage(list, null)).toBeNull();
  });

  describe('updates', () => {
    const reacted = msg(2, { reactions: [{ emoji: '👍', count: 1, mine: true }] });

    it('replaces a message by id', () => {
      const updated = applyUpdate([msg(1), msg(2)], msg(2, { body: 'geändert' }), { broadcast: false, moderator: false });
      expect(updated.map((m) => m.body)).toEqual(['Beitrag 1', 'geändert']);
    });

    it('keeps my own reaction flags from what it knew when the update is a broadcast', () => {
      const broadcast = msg(2, {
        reactions: [
          { emoji: '👍', count: 2, mine: false },
          { emoji: '🎉', count: 1, mine: false },
        ],
      });
      const [m] = applyUpdate([reacted], broadcast, { broadcast: true, moderator: false });
      expect(m.reactions).toEqual([
        { emoji: '👍', count: 2, mine: true },
        { emoji: '🎉', count: 1, mine: false },
      ]);
    });

    it('takes my own reaction flags from my own answer', () => {
      const answer = msg(2, { reactions: [] });
      expect(applyUpdate([reacted], answer, { broadcast: false, moderator: false })[0].reactions).toEqual([]);
    });

    it('ignores an update for a message it does not have', () => {
      const list = [msg(5)];
      expect(applyUpdate(list, msg(3), { broadcast: true, moderator: false })).toBe(list);
    });

    it('keeps the text of a message hidden for the room when I moderate', () => {
      const hiddenForRoom = msg(2, { hidden: true, hiddenReason: 'Beleidigung', body: '', bodyHtml: '' });
      const [forModerator] = applyUpdate([msg(2)], hiddenForRoom, { broadcast: true, moderator: true });
      expect(forModerator).toMatchObject({ hidden: true, hiddenReason: 'Beleidigung', body: 'Beitrag 2', bodyHtml: '<p>Beitrag 2</p>' });
      const [forReader] = applyUpdate([msg(2)], hiddenForRoom, { broadcast: true, moderator: false });
      expect(forReader).toMatchObject({ hidden: true, body: '', bodyHtml: '' });
    });

    it('leaves a deleted message as a placeholder without text', () => {
      const [m] = markDeleted([msg(2, { attachments: [{ id: 'a', filename: 'x.pdf', contentType: 'application/pdf', sizeBytes: 1 }] })], 2);
      expect(m).toMatchObject({ id: 2, deleted: true, body: '', bodyHtml: '', attachments: [] });
    });
  });
});
