import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { CreateThreadRequest, ThreadDto } from '@allmende/contracts';
import { THREAD_ID, messageFixture, threadFixture } from '../../../testing/discussion-fixtures';
import { GROUP_ID } from '../../../testing/group-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { ThreadList } from './thread-list';

const NEW_ID = '99999999-9999-4999-8999-999999999999';

describe('ThreadList', () => {
  let fixture: ComponentFixture<ThreadList>;
  let http: HttpTestingController;

  const el = () => fixture.nativeElement as HTMLElement;
  const one = <T extends HTMLElement = HTMLElement>(id: string) => el().querySelector<T>(`[data-testid="${id}"]`);
  const all = (id: string) => [...el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

  async function settle(): Promise<void> {
    TestBed.tick();
    await fixture.whenStable();
  }

  async function create(inputs: Record<string, unknown>, signedIn = true): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    if (signedIn) TestBed.inject(AuthStore).setMe(meFixture());
    fixture = TestBed.createComponent(ThreadList);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    // not whenStable: the list is loading (a pending task) until the test answers
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }

  function threadsRequest(): TestRequest {
    return http.expectOne((r) => r.method === 'GET' && r.url === '/api/threads');
  }

  async function answer(threads: ThreadDto[]): Promise<void> {
    threadsRequest().flush(threads);
    await settle();
  }

  function type(id: string, value: string): void {
    const input = one<HTMLInputElement | HTMLTextAreaElement>(id)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => http.verify());

  it('lists the threads of its subject with unread counts and links', async () => {
    await create({ subjectType: 'group', subjectId: GROUP_ID });
    const request = threadsRequest();
    expect(request.request.params.get('subjectType')).toBe('group');
    expect(request.request.params.get('subjectId')).toBe(GROUP_ID);
    request.flush([
      threadFixture({ subjectType: 'group', subjectId: GROUP_ID, unread: 3, messageCount: 12 }),
      threadFixture({ id: 't-2', title: 'Sommerfest', unread: 0, messageCount: 1, locked: true, lastMessageAt: null }),
    ]);
    await settle();

    expect(text(el().querySelector('h2'))).toBe('Diskussion');
    const items = all('thread');
    expect(items.map((i) => text(i.querySelector('a')))).toEqual(['Leerstand in der Innenstadt 3 neu', 'Sommerfest']);
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe(`/threads/${THREAD_ID}`);
    expect(text(items[0])).toContain('12 Beiträge');
    expect(text(items[0])).toContain('Letzter Beitrag: 4. Mai 2026, 11:00'); // 09:00 UTC in Berlin
    expect(text(items[1])).toContain('1 Beitrag');
    expect(text(items[1].querySelector('[data-testid="thread-locked"]'))).toBe('Gesperrt');
  });

  it('invites to the first topic when there is none yet', async () => {
    await create({ subjectType: 'meeting', subjectId: 'm-1' });
    await answer([]);
    expect(text(one('thread-list-empty'))).toBe('Noch keine Themen. Eröffnen Sie das erste!');
  });

  it('opens a new topic with its first message and shows it at the top', async () => {
    await create({ subjectType: 'group', subjectId: GROUP_ID });
    await answer([threadFixture()]);

    const toggle = one<HTMLButtonElement>('new-thread-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).not.toBeNull();

    type('new-thread-title', 'Gemeinsamer Einkauf');
    type('new-thread-body', 'Wer macht mit?');
    one<HTMLButtonElement>('new-thread-submit')!.click();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/threads');
    const body = post.request.body as CreateThreadRequest;
    expect(body).toMatchObject({ subjectType: 'group', subjectId: GROUP_ID, title: 'Gemeinsamer Einkauf', body: 'Wer macht mit?' });
    expect(body.clientId).toMatch(/^[0-9a-f-]{36}$/);
    post.flush(
      { thread: threadFixture({ id: NEW_ID, title: 'Gemeinsamer Einkauf', messageCount: 1 }), message: messageFixture(9) },
      { status: 201, statusText: 'Created' },
    );
    await settle();
    await settle();

    expect(all('thread').map((i) => text(i.querySelector('a')))).toEqual(['Gemeinsamer Einkauf', 'Leerstand in der Innenstadt']);
    expect(text(one('thread-list-notice'))).toBe('Das Thema „Gemeinsamer Einkauf“ ist eröffnet.');
    expect(one('new-thread-title')).toBeNull();
    expect(document.activeElement?.getAttribute('data-thread-id')).toBe(NEW_ID);
  });

  it('checks the form and keeps it (and its client id) when opening fails', async () => {
    await create({ subjectType: 'alliance' });
    await answer([]);
    one<HTMLButtonElement>('new-thread-toggle')!.click();
    await settle();
    one<HTMLButtonElement>('new-thread-submit')!.click();
    await settle();
    http.expectNone((r) => r.method === 'POST');
    expect(text(el().querySelector('mat-error'))).toBe('Bitte geben Sie einen Titel ein.');

    type('new-thread-title', 'Leerstand');
    type('new-thread-body', 'Ideen?');
    one<HTMLButtonElement>('new-thread-submit')!.click();
    const first = http.expectOne((r) => r.method === 'POST');
    expect(first.request.body).toMatchObject({ subjectType: 'alliance', subjectId: null });
    first.error(new ProgressEvent('error'));
    await settle();
    expect(text(one('new-thread-error'))).toContain('Keine Verbindung zum Server');
    expect(one<HTMLInputElement>('new-thread-title')?.value).toBe('Leerstand');

    one<HTMLButtonElement>('new-thread-submit')!.click();
    const second = http.expectOne((r) => r.method === 'POST');
    expect((second.request.body as CreateThreadRequest).clientId).toBe((first.request.body as CreateThreadRequest).clientId);
    second.flush({ thread: threadFixture({ id: NEW_ID, title: 'Leerstand' }), message: messageFixture(1) });
  });

  it('lists every other thread I may read, with its subject, when no subject is given', async () => {
    await create({});
    const request = threadsRequest();
    expect(request.request.params.keys()).toEqual([]);
    request.flush([
      threadFixture({ id: 'a', title: 'Allianz-Thema' }),
      threadFixture({ id: 'g', title: 'Werkstatt', subjectType: 'group', subjectId: GROUP_ID, subjectTitle: 'Digitale Werkstatt' }),
    ]);
    await settle();
    expect(text(el().querySelector('h2'))).toBe('Themen aus Arbeitsgruppen, Treffen und Karten');
    expect(all('thread').map((i) => text(i))).toEqual([expect.stringContaining('Werkstatt Arbeitsgruppe: Digitale Werkstatt')]);
    expect(one('new-thread-toggle')).toBeNull();
  });

  it('offers no new topic to those who do not take part, and says who may', async () => {
    await create({ subjectType: 'group', subjectId: GROUP_ID, canCreate: false, headingLevel: 3 });
    await answer([]);
    expect(one('new-thread-toggle')).toBeNull();
    expect(el().querySelector('h3')).not.toBeNull();
    expect(text(one('thread-list-empty'))).toBe('Hier gibt es noch keine Themen, die Sie lesen können.');
    expect(text(one('thread-list-participants-only'))).toContain('Mitdiskutieren können alle, die daran beteiligt sind');
  });

  it('asks visitors to sign in, without loading anything', async () => {
    await create({ subjectType: 'group', subjectId: GROUP_ID }, false);
    http.expectNone('/api/threads');
    expect(text(one('thread-list-signed-out'))).toBe('Melden Sie sich an, um mitzudiskutieren.');
  });
});
