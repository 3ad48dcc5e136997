import { TestBed } from '@angular/core/testing';
import type { ThreadJoinResult } from '@allmende/contracts';
import { THREAD_ID, messageFixture as msg } from '../../../testing/discussion-fixtures';
import { FakeSharedRealtime } from '../../../testing/fake-realtime';
import { SharedRealtime } from '../../core/realtime/shared-realtime';
import { ThreadReplay, ThreadRoom } from './thread-room';

describe('ThreadRoom', () => {
  let realtime: FakeSharedRealtime;
  let room: ThreadRoom;
  let lastSeen: number | null;
  let joinAnswer: ThreadJoinResult;

  beforeEach(() => {
    realtime = new FakeSharedRealtime();
    lastSeen = 3;
    joinAnswer = { ok: true, missed: [], hasMore: false };
    realtime.socket.answers.set('thread:join', () => joinAnswer);
    TestBed.configureTestingModule({ providers: [ThreadRoom, { provide: SharedRealtime, useValue: realtime }] });
    room = TestBed.inject(ThreadRoom);
  });

  it('joins once connected, with the highest message id the page has', async () => {
    await room.join(THREAD_ID, () => lastSeen);
    expect(realtime.opened).toBe(1);
    expect(room.state()).toBe('connecting');
    expect(realtime.socket.sent('thread:join')).toEqual([]);

    realtime.connect();
    expect(realtime.socket.sent('thread:join')).toEqual([{ threadId: THREAD_ID, lastSeenId: 3 }]);
    expect(room.state()).toBe('live');
  });

  it('joins right away when the shared connection is up already', async () => {
    realtime.connect();
    await room.join(THREAD_ID, () => null);
    expect(realtime.socket.sent('thread:join')).toEqual([{ threadId: THREAD_ID, lastSeenId: 0 }]);
  });

  it('joins again after a reconnect, from the newest id it has then, and passes on the replay', async () => {
    const replays: ThreadReplay[] = [];
    room.replay$.subscribe((r) => replays.push(r));
    await room.join(THREAD_ID, () => lastSeen);
    realtime.connect();

    realtime.disconnect();
    expect(room.state()).toBe('offline');
    lastSeen = 7;
    joinAnswer = { ok: true, missed: [msg(8), msg(9)], hasMore: true };
    realtime.connect();

    expect(realtime.socket.sent('thread:join')).toEqual([
      { threadId: THREAD_ID, lastSeenId: 3 },
      { threadId: THREAD_ID, lastSeenId: 7 },
    ]);
    expect(replays.map((r) => ({ ids: r.missed.map((m) => m.id), hasMore: r.hasMore, rejoin: r.rejoin }))).toEqual([
      { ids: [], hasMore: false, rejoin: false },
      { ids: [8, 9], hasMore: true, rejoin: true },
    ]);
    expect(room.state()).toBe('live');
  });

  it('reports a refused join', async () => {
    joinAnswer = { ok: false, error: 'NOT_FOUND' };
    await room.join(THREAD_ID, () => null);
    realtime.connect();
    expect(room.state()).toBe('refused');
  });

  it('passes on the events of its thread only', async () => {
    const seen: string[] = [];
    room.message$.subscribe((m) => seen.push(`message ${m.id}`));
    room.updated$.subscribe((m) => seen.push(`updated ${m.id}`));
    room.typing$.subscribe((p) => seen.push(`typing ${p.name}`));
    room.presence$.subscribe((readers) => seen.push(`presence ${readers.length}`));
    room.locked$.subscribe((p) => seen.push(`locked ${p.locked}`));
    await room.join(THREAD_ID, () => null);
    realtime.connect();

    const other = 'another-thread';
    realtime.fire('thread:message', msg(4));
    realtime.fire('thread:message', msg(5, { threadId: other }));
    realtime.fire('thread:message-updated', msg(4));
    realtime.fire('thread:typing', { threadId: THREAD_ID, person: { id: 'b', name: 'Ben' } });
    realtime.fire('thread:typing', { threadId: other, person: { id: 'c', name: 'Cem' } });
    realtime.fire('thread:presence', { threadId: THREAD_ID, readers: [{ id: 'b', name: 'Ben' }] });
    realtime.fire('thread:locked', { threadId: other, locked: true, reason: null });
    realtime.fire('thread:locked', { threadId: THREAD_ID, locked: true, reason: 'Pause' });

    expect(seen).toEqual(['message 4', 'updated 4', 'typing Ben', 'presence 1', 'locked true']);
  });

  it('tells the room about typing at most every two seconds', async () => {
    await room.join(THREAD_ID, () => null);
    realtime.connect();
    room.typing(10_000);
    room.typing(10_500);
    room.typing(11_999);
    room.typing(12_000);
    expect(realtime.socket.sent('thread:typing')).toEqual([THREAD_ID, THREAD_ID]);
  });

  it('leaves the room when the page goes, and keeps the shared connection', async () => {
    await room.join(THREAD_ID, () => null);
    realtime.connect();
    TestBed.resetTestingModule();
    expect(realtime.socket.sent('thread:leave')).toEqual([THREAD_ID]);
    expect(realtime.socket.connected).toBe(true);
  });

  it('leaves the previous thread when joining another', async () => {
    await room.join(THREAD_ID, () => null);
    realtime.connect();
    await room.join('t-2', () => null);
    expect(realtime.socket.sent('thread:leave')).toEqual([THREAD_ID]);
    expect(realtime.socket.sent('thread:join')).toEqual([
      { threadId: THREAD_ID, lastSeenId: 0 },
      { threadId: 't-2', lastSeenId: 0 },
    ]);
  });
});
