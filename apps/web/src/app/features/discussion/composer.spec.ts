import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { PostMessageRequest } from '@allmende/contracts';
import { BEN_ID, THREAD_ID, messageFixture as msg, threadFixture } from '../../../testing/discussion-fixtures';
import { FakeSharedRealtime } from '../../../testing/fake-realtime';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { SharedRealtime } from '../../core/realtime/shared-realtime';
import { Composer } from './composer';
import { ThreadRoom } from './thread-room';
import { POST_RETRY_DELAYS_MS, ThreadStore } from './thread-store';

const MESSAGES = `/api/threads/${THREAD_ID}/messages`;
const CEM = { id: '88888888-8888-4888-8888-888888888888', name: 'Cem Demir' };

describe('Composer', () => {
  let fixture: ComponentFixture<Composer>;
  let http: HttpTestingController;
  let store: ThreadStore;
  let realtime: FakeSharedRealtime;

  const el = () => fixture.nativeElement as HTMLElement;
  const one = <T extends HTMLElement = HTMLElement>(id: string) => el().querySelector<T>(`[data-testid="${id}"]`);
  const textarea = () => one<HTMLTextAreaElement>('composer-text')!;
  const text = (id: string) => one(id)?.textContent?.replace(/\s+/g, ' ').trim();
  const sleep = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

  async function settle(): Promise<void> {
    TestBed.tick();
    await fixture.whenStable();
  }

  function type(value: string): void {
    const field = textarea();
    field.focus();
    field.value = value;
    field.setSelectionRange(value.length, value.length);
    field.dispatchEvent(new Event('input'));
  }

  function press(key: string, options: KeyboardEventInit = {}): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...options });
    textarea().dispatchEvent(event);
    return event;
  }

  beforeEach(async () => {
    realtime = new FakeSharedRealtime();
    realtime.socket.answers.set('thread:join', () => ({ ok: true, missed: [] }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        ThreadRoom,
        ThreadStore,
        { provide: SharedRealtime, useValue: realtime },
        { provide: POST_RETRY_DELAYS_MS, useValue: [0, 0] },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(meFixture());
    store = TestBed.inject(ThreadStore);
    const opening = store.open(THREAD_ID);
    http.expectOne(`/api/threads/${THREAD_ID}`).flush(threadFixture());
    http.expectOne(MESSAGES).flush({ items: [msg(1), msg(2)], hasMore: false });
    await opening;
    fixture = TestBed.createComponent(Composer);
    await settle();
  });

  afterEach(() => http.verify());

  it('sends with Enter, clears the field and keeps the focus there', async () => {
    type('Guten Morgen');
    expect(press('Enter').defaultPrevented).toBe(true);
    const post = http.expectOne(MESSAGES);
    const body = post.request.body as PostMessageRequest;
    expect(body).toMatchObject({ body: 'Guten Morgen', parentId: null });
    expect(body.clientId).toMatch(/^[0-9a-f-]{36}$/);
    post.flush(msg(3, { body: 'Guten Morgen', author: { id: 'p-1', name: 'Anna Beispiel' } }), { status: 201, statusText: 'Created' });
    await settle();

    expect(textarea().value).toBe('');
    expect(text('composer-status')).toBe('Beitrag gesendet.');
    expect(document.activeElement).toBe(textarea());
    expect(store.messages().map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('starts a new line with Shift+Enter instead of sending', () => {
    type('Zeile 1');
    expect(press('Enter', { shiftKey: true }).defaultPrevented).toBe(false);
    http.expectNone(MESSAGES);
  });

  it('does not send an empty message', async () => {
    type('   ');
    press('Enter');
    await settle();
    http.expectNone(MESSAGES);
    expect(text('composer-error')).toBe('Bitte schreiben Sie zuerst etwas.');
  });

  it('keeps the client id across retries until the message is stored, then takes a new one', async () => {
    type('Wichtige Nachricht');
    press('Enter');
    // the first try and both automatic retries get no answer
    const clientIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      await sleep();
      const post = http.expectOne(MESSAGES);
      clientIds.push((post.request.body as PostMessageRequest).clientId);
      post.error(new ProgressEvent('error'));
    }
    await settle();
    expect(text('composer-error')).toContain('Keine Verbindung zum Server');
    expect(textarea().value).toBe('Wichtige Nachricht');

    // sent again by hand: still the same message for the server
    press('Enter');
    const again = http.expectOne(MESSAGES);
    clientIds.push((again.request.body as PostMessageRequest).clientId);
    expect(new Set(clientIds).size).toBe(1);
    again.flush(msg(3, { clientId: clientIds[0] }), { status: 200, statusText: 'OK' });
    await settle();
    expect(textarea().value).toBe('');

    type('Die nächste');
    press('Enter');
    const next = http.expectOne(MESSAGES);
    expect((next.request.body as PostMessageRequest).clientId).not.toBe(clientIds[0]);
    next.flush(msg(4));
  });

  it('keeps the text and says how long to wait when posting too fast', async () => {
    type('Noch eine Nachricht');
    press('Enter');
    http.expectOne(MESSAGES).flush(
      { statusCode: 429, code: 'RATE_LIMITED', message: 'At most 8 messages per 10 seconds', requestId: 'r', retryAfterSeconds: 10 },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await settle();
    expect(text('composer-error')).toBe(
      'Sie schreiben gerade sehr schnell. Bitte warten Sie 10 Sekunden und senden Sie dann erneut – Ihr Text bleibt erhalten.',
    );
    expect(textarea().value).toBe('Noch eine Nachricht');
    expect(textarea().getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps the text when the thread was locked or I am muted', async () => {
    type('Hallo');
    press('Enter');
    http.expectOne(MESSAGES).flush(
      { statusCode: 403, code: 'MUTED', message: 'muted', requestId: 'r' },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();
    expect(text('composer-error')).toContain('stummgeschaltet');
    expect(textarea().value).toBe('Hallo');

    press('Enter');
    http.expectOne(MESSAGES).flush(
      { statusCode: 409, code: 'THREAD_LOCKED', message: 'locked', requestId: 'r' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(text('composer-error')).toBe('Das Thema ist gesperrt. Ihr Text bleibt erhalten.');
    expect(textarea().value).toBe('Hallo');
  });

  it('says until when I am muted, in Berlin time', async () => {
    type('Hallo');
    press('Enter');
    http.expectOne(MESSAGES).flush(
      // 13:00 UTC in December is 14:00 in Berlin
      { statusCode: 403, code: 'MUTED', message: 'muted', requestId: 'r', until: '2026-12-03T13:00:00.000Z' },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();
    expect(text('composer-error')).toBe(
      'Sie sind in dieser Arbeitsgruppe bis 3. Dezember 2026, 14:00 stummgeschaltet und können bis dahin nicht schreiben. Ihr Text bleibt erhalten.',
    );
    expect(textarea().value).toBe('Hallo');
  });

  it('suggests persons after @ and inserts the chosen one as a mention token, by keyboard', async () => {
    type('Frag mal @Be');
    await sleep(200); // the query waits for a pause in typing
    const search = http.expectOne((r) => r.url === `/api/threads/${THREAD_ID}/mentionable`);
    expect(search.request.params.get('q')).toBe('Be');
    search.flush([
      { id: BEN_ID, name: 'Ben Berger' },
      { id: 'p-1', name: 'Anna Beispiel' }, // me: not offered
      CEM,
    ]);
    await settle();

    const options = [...el().querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.textContent?.trim())).toEqual(['Ben Berger', 'Cem Demir']);
    expect(one('composer-mentions')?.getAttribute('role')).toBe('listbox');
    expect(textarea().getAttribute('aria-controls')).toBe('composer-mentions');
    expect(textarea().getAttribute('aria-activedescendant')).toBe(options[0].id);
    expect(options[0].getAttribute('aria-selected')).toBe('true');
    expect(text('composer-status')).toBe('2 Vorschläge. Mit den Pfeiltasten wählen, Enter übernimmt.');

    press('ArrowDown');
    await settle();
    expect(textarea().getAttribute('aria-activedescendant')).toBe(options[1].id);
    expect(press('Enter').defaultPrevented).toBe(true);
    await settle();

    expect(textarea().value).toBe(`Frag mal @[Cem Demir](person:${CEM.id}) `);
    expect(textarea().selectionStart).toBe(textarea().value.length);
    expect(one('composer-mentions')).toBeNull();
    expect(textarea().getAttribute('aria-activedescendant')).toBeNull();
    http.expectNone(MESSAGES); // Enter took the suggestion, it did not send

    press('Enter');
    expect((http.expectOne(MESSAGES).request.body as PostMessageRequest).body).toBe(`Frag mal @[Cem Demir](person:${CEM.id})`);
  });

  it('closes the suggestions with Escape', async () => {
    type('@Be');
    await sleep(200);
    http.expectOne((r) => r.url.endsWith('/mentionable')).flush([CEM]);
    await settle();
    expect(one('composer-mentions')).not.toBeNull();
    press('Escape');
    await settle();
    expect(one('composer-mentions')).toBeNull();
    expect(textarea().value).toBe('@Be');
  });

  it('answers the message chosen for a reply, quoting it', async () => {
    store.replyTo.set(msg(2, { body: 'Wer kommt mit?' }));
    await settle();
    expect(text('composer-reply')).toContain('Antwort auf Ben Berger:');
    expect(one('composer-reply')?.querySelector('q')?.textContent).toBe('Wer kommt mit?');
    type('Ich!');
    press('Enter');
    const post = http.expectOne(MESSAGES);
    expect(post.request.body).toMatchObject({ body: 'Ich!', parentId: 2 });
    post.flush(msg(3, { parentId: 2 }));
    await settle();
    expect(store.replyTo()).toBeNull();
    expect(one('composer-reply')).toBeNull();
  });

  it('edits my message and gives back the draft afterwards', async () => {
    type('Entwurf');
    store.editing.set(msg(2, { body: 'Alter Text', author: { id: 'p-1', name: 'Anna Beispiel' } }));
    await settle();
    expect(textarea().value).toBe('Alter Text');
    expect(text('composer-editing')).toContain('Sie bearbeiten Ihren Beitrag.');
    type('Neuer Text');
    press('Enter');
    const edit = http.expectOne('/api/messages/2');
    expect(edit.request.method).toBe('PATCH');
    expect(edit.request.body).toEqual({ body: 'Neuer Text' });
    edit.flush(msg(2, { body: 'Neuer Text', editedAt: '2026-05-04T10:00:00.000Z' }));
    await settle();
    expect(store.messages()[1].body).toBe('Neuer Text');
    expect(textarea().value).toBe('Entwurf');
    expect(text('composer-status')).toBe('Änderung gespeichert.');
  });
});
