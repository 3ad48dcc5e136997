import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MessageDto, ThreadJoinResult } from '@allmende/contracts';
import { BEN_ID, THREAD_ID, messageFixture as msg, threadFixture } from '../../../testing/discussion-fixtures';
import { FakeSharedRealtime } from '../../../testing/fake-realtime';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { SharedRealtime } from '../../core/realtime/shared-realtime';
import { ThreadRoom } from './thread-room';
import { POST_RETRY_DELAYS_MS, TYPING_SHOWN_MS, ThreadStore } from './thread-store';

const MESSAGES = `/api/threads/${THREAD_ID}/messages`;

describe('ThreadStore', () => {
  let http: HttpTestingController;
  let realtime: FakeSharedRealtime;
  let store: ThreadStore;
  let joinAnswer: ThreadJoinResult;

  const ids = () => store.messages().map((m) => m.id);
  const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve));

  beforeEach(() => {
    realtime = new FakeSharedRealtime();
    joinAnswer = { ok: true, missed: [], hasMore: false };
    realtime.socket.answers.set('thread:join', () => joinAnswer);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ThreadRoom,
        ThreadStore,
        { provide: SharedRealtime, useValue: realtime },
        { provide: POST_RETRY_DELAYS_MS, useValue: [0, 0] },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(meFixture());
    store = TestBed.inject(ThreadStore);
  });

  afterEach(() => http.verify());

  /** Opens the thread with messages 1–3 loaded, the connection up and the room joined. */
  async function open(items: MessageDto[] = [msg(1), msg(2), msg(3)], hasMore = false): Promise<void> {
    realtime.connect();
    const opening = store.open(THREAD_ID);
    http.expectOne(`/api/threads/${THREAD_ID}`).flush(threadFixture());
    http.expectOne(MESSAGES).flush({ items, hasMore });
    await opening;
  }

  it('loads the thread and its newest page, then joins with the highest id it has', async () => {
    await open();
    expect(store.thread()?.title).toBe('Leerstand in der Innenstadt');
    expect(ids()).toEqual([1, 2, 3]);
    expect(realtime.socket.sent('thread:join')).toEqual([{ threadId: THREAD_ID, lastSeenId: 3 }]);
    expect(store.roomState()).toBe('live');
  });

  it('shows a live message once, even when it also comes as the answer to my post', async () => {
    await open();
    store.post({ clientId: 'c-1', body: 'Hallo' }).subscribe();
    const mine = msg(4, { author: { id: 'p-1', name: 'Anna Beispiel' }, clientId: 'c-1' });
    realtime.fire('thread:message', mine); // the room is quicker than the HTTP answer
    http.expectOne(MESSAGES).flush(mine);
    realtime.fire('thread:message', mine);
    expect(ids()).toEqual([1, 2, 3, 4]);
  });

  it('merges the replay after a reconnect with what came live, and loads the rest with after=', async () => {
    await open();
    realtime.fire('thread:message', msg(4));
    realtime.disconnect();
    expect(store.roomState()).toBe('offline');

    // the replay repeats 4, brings 5 and 6, and says more were missed
    joinAnswer = { ok: true, missed: [msg(4), msg(5), msg(6)], hasMore: true };
    realtime.connect();
    expect(realtime.socket.sent('thread:join')).toEqual([
      { threadId: THREAD_ID, lastSeenId: 3 },
      { threadId: THREAD_ID, lastSeenId: 4 },
    ]);
    expect(ids()).toEqual([1, 2, 3, 4, 5, 6]);

    await flushMicrotasks();
    const more = http.expectOne((r) => r.url === MESSAGES && r.params.get('after') === '6');
    expect(more.request.params.get('limit')).toBe('200');
    realtime.fire('thread:message', msg(8)); // live again while the rest loads
    more.flush({ items: [msg(7), msg(8)], hasMore: false });
    await flushMicrotasks();
    expect(ids()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('announces messages of others that are new, not mine or repeated ones', async () => {
    await open();
    const arrived: number[][] = [];
    store.arrived$.subscribe((list) => arrived.push(list.map((m) => m.id)));
    realtime.fire('thread:message', msg(4));
    realtime.fire('thread:message', msg(4));
    realtime.fire('thread:message', msg(5, { author: { id: 'p-1', name: 'Anna Beispiel' } }));
    joinAnswer = { ok: true, missed: [msg(6), msg(7)], hasMore: false };
    realtime.disconnect();
    realtime.connect();
    expect(arrived).toEqual([[4], [6, 7]]);
  });

  it('keeps my reaction flags when the room sends a reacted message', async () => {
    await open([msg(1, { reactions: [{ emoji: '👍', count: 1, mine: true }] })]);
    realtime.fire('thread:message-updated', msg(1, { reactions: [{ emoji: '👍', count: 2, mine: false }] }));
    expect(store.messages()[0].reactions).toEqual([{ emoji: '👍', count: 2, mine: true }]);

    store.react(1, '👍').subscribe();
    http.expectOne(`/api/messages/1/reactions`).flush(msg(1, { reactions: [{ emoji: '👍', count: 1, mine: false }] }));
    expect(store.messages()[0].reactions).toEqual([{ emoji: '👍', count: 1, mine: false }]);
  });

  it('loads older messages before the first one shown', async () => {
    await open([msg(11), msg(12)], true);
    expect(store.hasOlder()).toBe(true);
    const loading = store.loadOlder();
    http.expectOne((r) => r.url === MESSAGES && r.params.get('before') === '11').flush({ items: [msg(9), msg(10)], hasMore: false });
    await loading;
    expect(ids()).toEqual([9, 10, 11, 12]);
    expect(store.hasOlder()).toBe(false);
  });

  it('marks read up to the newest message, once per new message', async () => {
    await open();
    store.markRead();
    const read = http.expectOne(`/api/threads/${THREAD_ID}/read`);
    expect(read.request.body).toEqual({ lastReadId: 3 });
    read.flush(null, { status: 204, statusText: 'No Content' });
    store.markRead();
    http.expectNone(`/api/threads/${THREAD_ID}/read`);
    realtime.fire('thread:message', msg(4));
    store.markRead();
    expect(http.expectOne(`/api/threads/${THREAD_ID}/read`).request.body).toEqual({ lastReadId: 4 });
  });

  it('sends a post again with the same client id after a network error', async () => {
    await open();
    let result: MessageDto | null = null;
    store.post({ clientId: 'c-7', body: 'Hallo' }).subscribe((m) => (result = m));
    http.expectOne(MESSAGES).error(new ProgressEvent('error'));
    await flushMicrotasks();
    const again = http.expectOne(MESSAGES);
    expect(again.request.body).toEqual({ clientId: 'c-7', body: 'Hallo' });
    again.flush(msg(4, { clientId: 'c-7' }));
    expect(result).not.toBeNull();
    expect(ids()).toEqual([1, 2, 3, 4]);
  });

  it('shows who is typing for three seconds, and no longer once their message is there', async () => {
    jest.useFakeTimers();
    try {
      await open();
      realtime.fire('thread:typing', { threadId: THREAD_ID, person: { id: BEN_ID, name: 'Ben Berger' } });
      realtime.fire('thread:typing', { threadId: THREAD_ID, person: { id: 'p-1', name: 'Anna Beispiel' } }); // me, elsewhere
      expect(store.typing().map((p) => p.name)).toEqual(['Ben Berger']);
      jest.advanceTimersByTime(TYPING_SHOWN_MS - 1);
      expect(store.typing()).toHaveLength(1);
      jest.advanceTimersByTime(1);
      expect(store.typing()).toHaveLength(0);

      realtime.fire('thread:typing', { threadId: THREAD_ID, person: { id: BEN_ID, name: 'Ben Berger' } });
      realtime.fire('thread:message', msg(4));
      expect(store.typing()).toHaveLength(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('knows who else reads, and when the thread is locked', async () => {
    await open();
    realtime.fire('thread:presence', {
      threadId: THREAD_ID,
      readers: [
        { id: 'p-1', name: 'Anna Beispiel' },
        { id: BEN_ID, name: 'Ben Berger' },
      ],
    });
    expect(store.readers().map((r) => r.name)).toEqual(['Ben Berger']);
    expect(store.canPost()).toBe(true);
    realtime.fire('thread:locked', { threadId: THREAD_ID, locked: true, reason: 'Pause' });
    expect(store.thread()).toMatchObject({ locked: true, lockReason: 'Pause' });
    expect(store.canPost()).toBe(false);
  });
});
