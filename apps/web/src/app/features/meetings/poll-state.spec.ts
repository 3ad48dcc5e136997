import { broadcast } from '../../../testing/fake-meeting-socket';
import { poll } from '../../../testing/meeting-fixtures';
import { mergePoll, replacePoll } from './poll-state';

describe('poll state', () => {
  it('takes the counts of a broadcast and keeps my own dots', () => {
    const mine = poll({ myDots: { 'o-1': 2 } });
    const shared = broadcast(poll({ voters: 3, options: [{ id: 'o-1', label: 'Leerstandsbörse', dots: 7 }] }));
    const [merged] = mergePoll([mine], shared);
    expect(merged.voters).toBe(3);
    expect(merged.options[0].dots).toBe(7);
    expect(merged.myDots).toEqual({ 'o-1': 2 });
  });

  it('adds a poll that was just opened', () => {
    const shared = broadcast(poll({ id: 'new', question: 'Neu?' }));
    const list = mergePoll([poll()], shared);
    expect(list.map((p) => p.id)).toEqual([poll().id, 'new']);
    expect(list[1].myDots).toEqual({});
  });

  it('replaces a poll with the answer to my vote', () => {
    const answer = poll({ myDots: { 'o-2': 3 } });
    expect(replacePoll([poll()], answer)).toEqual([answer]);
  });
});
