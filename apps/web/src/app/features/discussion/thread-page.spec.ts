import { HttpRequest, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MessageDto, ThreadDto } from '@allmende/contracts';
import { BEN_ID, THREAD_ID, messageFixture as msg, threadFixture } from '../../../testing/discussion-fixtures';
import { FakeSharedRealtime } from '../../../testing/fake-realtime';
import { GROUP_ID } from '../../../testing/group-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { SharedRealtime } from '../../core/realtime/shared-realtime';
import { ThreadPage } from './thread-page';

const THREAD_URL = `/api/threads/${THREAD_ID}`;
const MESSAGES = `${THREAD_URL}/messages`;
const ANNA = { id: 'p-1', name: 'Anna Beispiel' };

describe('ThreadPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let realtime: FakeSharedRealtime;

  const el = () => harness.routeNativeElement as HTMLElement;
  const one = <T extends HTMLElement = HTMLElement>(id: string, root: ParentNode = el()) => root.querySelector<T>(`[data-testid="${id}"]`);
  const all = (id: string, root: ParentNode = el()) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
  const messageEl = (id: number) => el().querySelector<HTMLElement>(`#message-${id}`);
  const sleep = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

  async function settle(): Promise<void> {
    TestBed.tick();
    await harness.fixture.whenStable();
  }

  /** Waits for the one open request matching `match`. */
  async function request(match: (r: HttpRequest<unknown>) => boolean): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match(match);
      if (open.length === 1) return open[0];
      expect(open.length).toBe(0);
      await sleep();
    }
    throw new Error('no matching request');
  }

  /** Waits until `check` holds (loads chain promises the fixture does not wait for). */
  async function until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 50 && !check(); i++) {
      await settle();
      await sleep(5);
    }
    expect(check()).toBe(true);
  }

  async function answerRead(lastReadId: number): Promise<void> {
    const read = await request((r) => r.url === `${THREAD_URL}/read`);
    expect(read.request.body).toEqual({ lastReadId });
    read.flush(null, { status: 204, statusText: 'No Content' });
  }

  async function open(thread: ThreadDto, messages: MessageDto[], options: { url?: string; hasMore?: boolean } = {}): Promise<void> {
    localStorage.clear();
    realtime = new FakeSharedRealtime();
    realtime.socket.answers.set('thread:join', () => ({ ok: true, missed: [], hasMore: false }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: SharedRealtime, useValue: realtime },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([{ path: 'threads/:id', component: ThreadPage }, { path: '**', children: [] }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(meFixture());
    realtime.connect();
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(options.url ?? `/threads/${THREAD_ID}`, ThreadPage);
    (await request((r) => r.url === THREAD_URL)).flush(thread);
    (await request((r) => r.url === MESSAGES && !r.params.has('before'))).flush({ items: messages, hasMore: options.hasMore ?? false });
    await navigation;
    await settle();
  }

  async function menuItem(messageId: number, id: string): Promise<HTMLElement> {
    one<HTMLButtonElement>('message-actions', messageEl(messageId)!)!.click();
    await settle();
    const item = document.querySelector<HTMLElement>(`.cdk-overlay-container [data-testid="${id}"]`);
    if (!item) throw new Error(`no menu item ${id}`);
    return item;
  }

  async function dialogReason(reason: string): Promise<void> {
    await settle();
    const input = document.querySelector<HTMLTextAreaElement>('mat-dialog-container [data-testid="reason-input"]')!;
    input.value = reason;
    input.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('mat-dialog-container [data-testid="reason-confirm"]')!.click();
    for (let i = 0; i < 50 && document.querySelector('mat-dialog-container'); i++) {
      await settle();
      await sleep(5);
    }
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('shows the messages with author, Berlin time, edits, replies, deleted and hidden ones, and marks them read', async () => {
    await open(threadFixture(), [
      msg(1, { body: 'Wer hat Ideen?', bodyHtml: '<p>Wer hat <strong>Ideen</strong>?</p>' }),
      msg(2, { author: ANNA, parentId: 1, body: 'Ich!', bodyHtml: '<p>Ich!</p>', editedAt: '2026-05-04T09:30:00.000Z' }),
      msg(3, { deleted: true, body: '', bodyHtml: '' }),
      msg(4, { hidden: true, hiddenReason: 'Werbung', body: '', bodyHtml: '' }),
    ]);
    await answerRead(4);

    expect(text(one('thread-title'))).toBe('Leerstand in der Innenstadt');
    expect(el().querySelector('h1')?.textContent).toBe('Leerstand in der Innenstadt');
    expect(realtime.socket.sent('thread:join')).toEqual([{ threadId: THREAD_ID, lastSeenId: 4 }]);

    const first = messageEl(1)!;
    expect(text(one('message-author', first))).toBe('Ben Berger');
    expect(text(first.querySelector('time'))).toBe('4. Mai 2026, 10:01'); // 08:01 UTC
    expect(one('message-body', first)?.innerHTML).toBe('<p>Wer hat <strong>Ideen</strong>?</p>');

    const reply = messageEl(2)!;
    expect(text(one('message-reply-quote', reply))).toContain('Antwort auf Ben Berger: Wer hat Ideen?');
    expect(one('message-edited', reply)?.tagName).toBe('BUTTON'); // mine: the earlier versions are mine to see
    expect(text(one('message-deleted', messageEl(3)!))).toBe('Dieser Beitrag wurde gelöscht.');
    expect(text(one('message-hidden', messageEl(4)!))).toBe('Dieser Beitrag wurde von der Moderation ausgeblendet. Grund: Werbung');
    expect(one('message-reactions', messageEl(4)!)).toBeNull();
    expect(text(one('thread-connection'))).toBe('Live: Neue Beiträge erscheinen sofort.');
  });

  it('adds live messages once, announces them politely and marks them read', async () => {
    await open(threadFixture(), [msg(1)]);
    await answerRead(1);
    const announcer = one('thread-announcer')!;
    expect(announcer.getAttribute('aria-live')).toBe('polite');

    realtime.fire('thread:message', msg(2));
    realtime.fire('thread:message', msg(2));
    await settle();
    expect(all('message').map((m) => m.id)).toEqual(['message-1', 'message-2']);
    expect(text(announcer)).toBe('Neue Nachricht von Ben Berger');
    await answerRead(2);
  });

  it('shows who is typing and who is reading', async () => {
    await open(threadFixture(), [msg(1)]);
    await answerRead(1);
    realtime.fire('thread:presence', { threadId: THREAD_ID, readers: [ANNA, { id: BEN_ID, name: 'Ben Berger' }] });
    realtime.fire('thread:typing', { threadId: THREAD_ID, person: { id: BEN_ID, name: 'Ben Berger' } });
    await settle();
    expect(text(one('thread-presence'))).toBe('Liest gerade: Ben Berger');
    expect(text(one('thread-typing'))).toBe('Ben Berger schreibt …');
  });

  it('toggles a reaction, telling its state', async () => {
    await open(threadFixture(), [msg(1, { reactions: [{ emoji: '👍', count: 2, mine: false }] })]);
    await answerRead(1);
    const button = one<HTMLButtonElement>('message-reaction')!;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.getAttribute('aria-label')).toBe('Daumen hoch (2)');
    button.click();
    const put = await request((r) => r.url === '/api/messages/1/reactions');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ emoji: '👍' });
    put.flush(msg(1, { reactions: [{ emoji: '👍', count: 3, mine: true }] }));
    await settle();
    expect(one('message-reaction')?.getAttribute('aria-pressed')).toBe('true');
    expect(one('message-reaction')?.getAttribute('aria-label')).toBe('Daumen hoch (3)');
  });

  it('loads older messages on request', async () => {
    await open(threadFixture(), [msg(11), msg(12)], { hasMore: true });
    await answerRead(12);
    one<HTMLButtonElement>('load-older')!.click();
    (await request((r) => r.url === MESSAGES && r.params.get('before') === '11')).flush({ items: [msg(10)], hasMore: false });
    await until(() => all('message').length === 3);
    expect(all('message').map((m) => m.id)).toEqual(['message-10', 'message-11', 'message-12']);
    expect(one('load-older')).toBeNull();
    expect(document.activeElement).toBe(messageEl(11));
  });

  it('brings the message of a notification into view', async () => {
    await open(threadFixture(), [msg(11), msg(12)], { url: `/threads/${THREAD_ID}?message=5`, hasMore: true });
    (await request((r) => r.url === MESSAGES && r.params.get('before') === '11')).flush({ items: [msg(5), msg(9)], hasMore: true });
    await settle();
    await answerRead(12);
    expect(messageEl(5)?.classList).toContain('highlighted');
    expect(document.activeElement).toBe(messageEl(5));
  });

  it('shows another message of the same thread without loading it again', async () => {
    await open(threadFixture(), [msg(1), msg(2), msg(3)]);
    await answerRead(3);
    await harness.navigateByUrl(`/threads/${THREAD_ID}?message=2`, ThreadPage);
    await settle();
    http.expectNone(THREAD_URL);
    expect(messageEl(2)?.classList).toContain('highlighted');
    expect(document.activeElement).toBe(messageEl(2));
  });

  it('lets moderators lock the thread, which ends writing', async () => {
    await open(threadFixture({ permissions: { canPost: true, canModerate: true } }), [msg(1)]);
    await answerRead(1);
    expect(el().querySelector('alm-composer')).not.toBeNull();
    one<HTMLButtonElement>('thread-lock')!.click();
    await dialogReason('Bitte Pause');
    const put = await request((r) => r.url === `${THREAD_URL}/lock`);
    expect(put.request.body).toEqual({ locked: true, reason: 'Bitte Pause' });
    put.flush(threadFixture({ locked: true, lockReason: 'Bitte Pause', permissions: { canPost: false, canModerate: true } }));
    await settle();
    expect(text(one('thread-locked'))).toBe('Dieses Thema ist gesperrt: Neue Beiträge sind nicht möglich. Grund: Bitte Pause');
    expect(el().querySelector('alm-composer')).toBeNull();
    expect(text(one('thread-notice'))).toBe('Das Thema ist gesperrt.');
    expect(text(one('thread-lock'))).toBe('Thema entsperren');
  });

  it('lets anyone report a message, and moderators hide it with a reason', async () => {
    await open(threadFixture({ subjectType: 'group', subjectId: GROUP_ID, subjectTitle: 'Werkstatt', permissions: { canPost: true, canModerate: true } }), [
      msg(1),
    ]);
    await answerRead(1);

    (await menuItem(1, 'message-report')).click();
    await dialogReason('Unfreundlich');
    const report = await request((r) => r.url === '/api/messages/1/reports');
    expect(report.request.body).toEqual({ reason: 'Unfreundlich' });
    report.flush(
      { statusCode: 409, code: 'ALREADY_REPORTED', message: 'again', requestId: 'r' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(text(one('thread-notice'))).toBe('Sie haben diesen Beitrag bereits gemeldet.');
    expect(one('thread-notice')?.getAttribute('role')).toBe('alert');

    (await menuItem(1, 'message-hide')).click();
    await dialogReason('Beleidigung');
    const hide = await request((r) => r.url === '/api/messages/1/hidden');
    expect(hide.request.body).toEqual({ hidden: true, reason: 'Beleidigung' });
    hide.flush(msg(1, { hidden: true, hiddenReason: 'Beleidigung' }));
    await settle();
    expect(text(one('message-hidden-note', messageEl(1)!))).toBe('Für andere ausgeblendet. Grund: Beleidigung');
    expect(text(one('message-body', messageEl(1)!))).toBe('Beitrag 1'); // moderators still read it

    expect(await menuItem(1, 'message-mute')).toBeTruthy(); // a group thread: the author may be muted
  });

  it('says when the thread does not exist', async () => {
    localStorage.clear();
    realtime = new FakeSharedRealtime();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: SharedRealtime, useValue: realtime },
        provideRouter([{ path: 'threads/:id', component: ThreadPage }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(meFixture());
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(`/threads/${THREAD_ID}`, ThreadPage);
    (await request((r) => r.url === THREAD_URL)).flush({ statusCode: 404, code: 'NOT_FOUND', message: 'x', requestId: 'r' }, { status: 404, statusText: 'Not Found' });
    http.match((r) => r.url === MESSAGES); // cancelled with the failed thread
    await navigation;
    await settle();
    expect(text(one('thread-load-error'))).toContain('Dieses Thema gibt es nicht, oder Sie können es nicht lesen.');
    expect(realtime.opened).toBe(0);
  });
});
