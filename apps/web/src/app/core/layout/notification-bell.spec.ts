import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import type { NotificationPage } from '@allmende/contracts';
import { THREAD_ID, notificationFixture } from '../../../testing/discussion-fixtures';
import { FakeSharedRealtime } from '../../../testing/fake-realtime';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../auth/auth-store';
import { SharedRealtime } from '../realtime/shared-realtime';
import { NotificationBell } from './notification-bell';

@Component({ selector: 'alm-test-page', template: '<h1>Thema</h1>' })
class TestPage {}

describe('NotificationBell', () => {
  let fixture: ComponentFixture<NotificationBell>;
  let http: HttpTestingController;
  let realtime: FakeSharedRealtime;

  const bell = () => (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="notification-bell"]')!;
  const badge = () => (fixture.nativeElement as HTMLElement).querySelector('[data-testid="notification-count"]');
  const inMenu = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
  const page = (overrides: Partial<NotificationPage> = {}): NotificationPage => ({
    items: [notificationFixture('3'), notificationFixture('2'), notificationFixture('1', { read: true, kind: 'new_thread', text: 'Neues Thema in Werkstatt: „Einkauf“' })],
    unread: 2,
    ...overrides,
  });

  async function settle(): Promise<void> {
    TestBed.tick();
    await fixture.whenStable();
  }

  async function create(first: NotificationPage = page()): Promise<void> {
    realtime = new FakeSharedRealtime();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([{ path: 'threads/:id', component: TestPage }]),
        { provide: SharedRealtime, useValue: realtime },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(meFixture());
    fixture = TestBed.createComponent(NotificationBell);
    http.expectOne('/api/notifications').flush(first);
    await settle();
  }

  async function openMenu(): Promise<void> {
    bell().click();
    await settle();
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('shows the unread count, with a label that says it, and goes live after loading', async () => {
    await create();
    expect(text(badge())).toBe('2');
    expect(badge()?.getAttribute('aria-hidden')).toBe('true');
    expect(bell().getAttribute('aria-label')).toBe('2 ungelesene Benachrichtigungen');
    expect(bell().getAttribute('aria-haspopup')).toBe('menu');
    expect(realtime.opened).toBe(1);
  });

  it('counts up when a notification arrives live', async () => {
    await create();
    realtime.fire('notification:new', { notification: notificationFixture('4', { text: 'Ben hat geantwortet' }), unread: 3 });
    await settle();
    expect(text(badge())).toBe('3');
    expect(bell().getAttribute('aria-label')).toBe('3 ungelesene Benachrichtigungen');

    await openMenu();
    expect(inMenu('notification-item').map((i) => text(i.querySelector('.item-text')))).toEqual([
      'Ungelesen: Ben hat geantwortet',
      'Ungelesen: Ben Berger hat Sie in „Thema 3“ erwähnt',
      'Ungelesen: Ben Berger hat Sie in „Thema 2“ erwähnt',
      'Neues Thema in Werkstatt: „Einkauf“',
    ]);
    expect(text(inMenu('notification-item')[0].querySelector('time'))).toBe('04.05.2026, 11:00');
  });

  it('marks all as read', async () => {
    await create();
    await openMenu();
    inMenu('notifications-mark-all')[0].click();
    const request = http.expectOne('/api/notifications/read');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({});
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(badge()).toBeNull();
    expect(bell().getAttribute('aria-label')).toBe('Benachrichtigungen');

    await openMenu();
    expect(inMenu('notification-item').some((i) => i.classList.contains('unread'))).toBe(false);
    expect((inMenu('notifications-mark-all')[0] as HTMLButtonElement).disabled).toBe(true);
  });

  it('follows a notification into the app and marks it read', async () => {
    await create();
    await openMenu();
    const item = inMenu('notification-item')[0];
    expect(item.getAttribute('href')).toBe(`/threads/${THREAD_ID}?message=3`);
    item.click();
    const request = http.expectOne('/api/notifications/read');
    expect(request.request.body).toEqual({ ids: ['3'] });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/threads/${THREAD_ID}?message=3`);
    expect(bell().getAttribute('aria-label')).toBe('1 ungelesene Benachrichtigung');
  });

  it('says when there is nothing, and loads again after a reconnect', async () => {
    await create(page({ items: [], unread: 0 }));
    realtime.connect(); // the first connect follows the load
    http.expectNone('/api/notifications');
    await openMenu();
    expect(text(inMenu('notifications-empty')[0])).toBe('Keine Benachrichtigungen.');

    realtime.disconnect();
    realtime.connect();
    http.expectOne('/api/notifications').flush(page({ items: [notificationFixture('9')], unread: 1 }));
    await settle();
    expect(text(badge())).toBe('1');
  });
});
