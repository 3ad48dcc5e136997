import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MeetingSummaryDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meetingSummary } from '../../../testing/meeting-fixtures';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { MeetingsPage } from './meetings-page';

describe('MeetingsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const el = () => harness.routeNativeElement as HTMLElement;
  const all = (id: string) => [...el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const squash = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim();

  async function request(url: string): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === 'GET' && req.url === url);
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error(`no request GET ${url}`);
  }

  async function open(url: string, items: MeetingSummaryDto[], signedIn = false): Promise<TestRequest> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([{ path: 'meetings', component: MeetingsPage }, { path: '**', children: [] }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    if (signedIn) TestBed.inject(AuthStore).setMe(meFixture());
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url, MeetingsPage);
    const list = await request('/api/meetings');
    list.flush({ items, total: items.length, page: 1, pageSize: 20 });
    await navigation;
    await harness.fixture.whenStable();
    return list;
  }

  afterEach(() => http.verify());

  it('lists upcoming meetings by month, in Berlin time, with kind, seats and my status', async () => {
    const before = Date.now();
    const list = await open('/meetings', [
      meetingSummary({ myStatus: 'registered' }),
      meetingSummary({
        id: 'm-2',
        kind: 'conference',
        seriesNumber: null,
        title: 'Fachtagung',
        // 23:30 UTC on 30 June is already July in Berlin
        startsAt: '2026-06-30T23:30:00.000Z',
        endsAt: '2026-07-01T06:00:00.000Z',
        capacity: 80,
        registeredCount: 80,
        waitlistCount: 3,
        visibility: 'public',
      }),
    ]);

    const params = list.request.params;
    expect(new Date(params.get('from') ?? '').getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(params.has('to')).toBe(false);
    expect(params.get('pageSize')).toBe('20');

    expect(el().querySelectorAll('h1')).toHaveLength(1);
    expect([...el().querySelectorAll('.month-heading')].map((h) => h.textContent?.trim())).toEqual(['Juni 2026', 'Juli 2026']);
    const [plenary, conference] = all('meeting-card');
    expect(squash(plenary.querySelector('.when')?.textContent)).toBe('Do., 11. Juni 2026, 17:00–20:00 Uhr');
    expect(squash(plenary.querySelector('[data-testid="meeting-kind"]')?.textContent)).toBe('Art: Plattformtreffen');
    expect(squash(plenary.querySelector('[data-testid="meeting-my-status"]')?.textContent)).toBe('Angemeldet');
    expect(squash(plenary.querySelector('[data-testid="meeting-seats"]')?.textContent)).toBe('12 von 60 Plätzen belegt');
    expect(squash(conference.querySelector('[data-testid="meeting-seats"]')?.textContent)).toBe('80 von 80 Plätzen belegt · 3 auf der Warteliste');
    expect(squash(conference.querySelector('.when')?.textContent)).toBe('Mi., 1. Juli 2026, 01:30–08:00 Uhr');
    expect(plenary.querySelector('a')?.getAttribute('href')).toBe('/meetings/44444444-4444-4444-8444-444444444444');
    expect(squash(el().querySelector('[data-testid="meetings-count"]')?.textContent)).toBe('2 Treffen');
  });

  it('asks for past meetings and only mine from the URL', async () => {
    const list = await open('/meetings?tab=past&kind=plenary&mine=true', [], true);
    const params = list.request.params;
    expect(params.has('from')).toBe(false);
    expect(params.get('to')).toBeTruthy();
    expect(params.get('kind')).toBe('plenary');
    expect(params.get('mine')).toBe('true');
    expect(squash(el().querySelector('[data-testid="meetings-empty"]')?.textContent)).toContain('Kein Treffen passt zu den Filtern.');
    expect(el().querySelector('[data-testid="tab-past"]')?.getAttribute('aria-selected')).toBe('true');
    expect(el().querySelector('[data-testid="feed-renew"]')).not.toBeNull();
  });

  it('offers anonymous visitors the public conference feed, not the personal one', async () => {
    await open('/meetings', []);
    expect(el().querySelector('[data-testid="filter-mine"]')).toBeNull();
    expect(el().querySelector('[data-testid="feed-renew"]')).toBeNull();
    expect(el().querySelector('[data-testid="conference-feed"]')?.getAttribute('href')).toMatch(/\/api\/calendar\/conferences\.ics$/);
  });
});
