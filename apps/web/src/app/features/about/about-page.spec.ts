import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { StrategyDto, WorkingGroupSummaryDto } from '@allmende/contracts';
import { ACTION_FIELDS, HANDEL_ID, HANDWERK_ID, groupSummary } from '../../../testing/group-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { meetingSummary } from '../../../testing/meeting-fixtures';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { AboutPage } from './about-page';

const STRATEGY: StrategyDto = {
  mission: { de: 'Die Allianz ist eine offene Plattform.', en: 'The alliance is an open platform.' },
  goals: [
    { number: 2, de: 'Die Innenstadt beleben', en: 'Revive the town centre', strategicGoals: [] },
    { number: 1, de: 'Kooperationen stärken', en: 'Strengthen cooperation', strategicGoals: [] },
  ],
  canEdit: false,
};

const GROUPS: WorkingGroupSummaryDto[] = [
  groupSummary({ id: 'g-1', name: 'Digitale Werkstatt Handwerk', actionFieldId: HANDWERK_ID, state: 'active' }),
  groupSummary({ id: 'g-2', name: 'Fachkräfte-Willkommen', actionFieldId: HANDWERK_ID, state: 'proposed' }),
  groupSummary({ id: 'g-3', name: 'Lieferdienst lokal', actionFieldId: HANDEL_ID, state: 'dissolved' }),
  groupSummary({ id: 'g-4', name: 'Lebendige Innenstadt', actionFieldId: HANDEL_ID, state: 'permanent' }),
];

const CONFERENCE = meetingSummary({
  id: 'm-1',
  kind: 'conference',
  seriesNumber: null,
  title: 'Fachtagung: Lokale Wirtschaftsstrukturen transformieren',
  startsAt: '2027-01-16T08:00:00.000Z',
  endsAt: '2027-01-16T15:00:00.000Z',
  venueName: 'Hochschule Ruhr West',
  venueAddress: 'Bottrop, Lützowstraße 5',
  visibility: 'public',
});

describe('AboutPage', () => {
  let fixture: ComponentFixture<AboutPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const squash = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim();
  const page = <T>(items: T[], total = items.length) => ({ items, total, page: 1, pageSize: 100 });

  function expectGet(url: string): TestRequest {
    return http.expectOne((req) => req.method === 'GET' && req.url === url);
  }

  async function open(options: { signedIn?: boolean; conferences?: unknown[]; fail?: boolean } = {}): Promise<Record<string, TestRequest>> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [AboutPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideI18nTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    if (options.signedIn) TestBed.inject(AuthStore).setMe(meFixture());
    fixture = TestBed.createComponent(AboutPage);
    root = fixture.nativeElement;
    TestBed.tick();
    const requests = {
      strategy: expectGet('/api/strategy'),
      fields: expectGet('/api/action-fields'),
      groups: expectGet('/api/working-groups'),
      meetings: expectGet('/api/meetings'),
      members: expectGet('/api/members'),
      organisations: expectGet('/api/organisations'),
    };
    if (options.fail) requests.strategy.flush({ code: 'INTERNAL' }, { status: 500, statusText: 'Server Error' });
    else requests.strategy.flush(STRATEGY);
    requests.fields.flush(ACTION_FIELDS);
    requests.groups.flush(page(GROUPS));
    requests.meetings.flush(page(options.conferences ?? [CONFERENCE]));
    requests.members.flush(page([{}], 23));
    requests.organisations.flush(page([{}], 12));
    await fixture.whenStable();
    return requests;
  }

  afterEach(() => http.verify());

  it('introduces the alliance and invites visitors to take part', async () => {
    await open();
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Die Wirtschaftsallianz Bottrop');
    expect(byTestId('about-register')?.getAttribute('href')).toBe('/register');
    const facts = [...byTestId('about-facts')!.querySelectorAll('a')].map((a) => [squash(a.textContent), a.getAttribute('href')]);
    expect(facts).toEqual([
      ['23 gelistete Mitglieder', '/members'],
      ['12 Organisationen', '/organisations'],
      ['2 Arbeitsgruppen', '/groups'],
    ]);
  });

  it('asks only the public endpoints, for what it shows', async () => {
    const before = Date.now();
    const requests = await open();
    expect(requests['groups'].request.params.get('pageSize')).toBe('100');
    const meetings = requests['meetings'].request.params;
    expect(meetings.get('kind')).toBe('conference');
    expect(new Date(meetings.get('from') ?? '').getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(meetings.get('pageSize')).toBe('5');
    expect(requests['members'].request.params.get('pageSize')).toBe('1');
    expect(requests['members'].request.headers.has('Authorization')).toBe(false);
  });

  it('shows the Leitbild and the Leitziele in order, with links to the strategy and the charter', async () => {
    await open();
    expect(byTestId('about-mission-text')?.textContent?.trim()).toBe('Die Allianz ist eine offene Plattform.');
    const goals = byTestId('about-goals')!;
    expect(goals.tagName).toBe('OL');
    expect([...goals.querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual(['Kooperationen stärken', 'Die Innenstadt beleben']);
    expect(byTestId('about-strategy-link')?.getAttribute('href')).toBe('/strategy');
  });

  it('lists the action fields with their decided groups (no proposals, no dissolved groups)', async () => {
    await open();
    const fields = [...root.querySelectorAll<HTMLElement>('[data-testid="action-field"]')];
    expect(fields.map((f) => f.querySelector('h2')?.textContent?.trim())).toEqual(['Handwerk', 'Handel der Zukunft']);
    const groupLinks = (field: HTMLElement) =>
      [...field.querySelectorAll('[data-testid="field-group"] a')].map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(groupLinks(fields[0])).toEqual([['Digitale Werkstatt Handwerk', '/groups/g-1']]);
    expect(groupLinks(fields[1])).toEqual([['Lebendige Innenstadt', '/groups/g-4']]);
  });

  it('lists upcoming conferences with a registration link', async () => {
    await open();
    const conference = byTestId('about-conference')!;
    expect(conference.querySelector('h3')?.textContent?.trim()).toBe(CONFERENCE.title);
    expect(squash(conference.querySelector('time')?.textContent)).toBe('Sa., 16. Januar 2027, 09:00–16:00 Uhr');
    expect(squash(conference.textContent)).toContain('Hochschule Ruhr West, Bottrop, Lützowstraße 5');
    const register = byTestId('about-conference-register')!;
    expect(register.getAttribute('href')).toBe('/meetings/m-1');
    expect(squash(register.textContent)).toBe(`Zur Anmeldung: ${CONFERENCE.title}`);
  });

  it('says when no conference is planned, and links all meetings and the listed members', async () => {
    await open({ conferences: [] });
    expect(squash(byTestId('about-conferences-empty')?.textContent)).toBe('Gerade ist keine Fachtagung geplant.');
    expect(byTestId('about-members-link')?.getAttribute('href')).toBe('/members');
  });

  it('keeps the other sections when one part fails, and retries it', async () => {
    await open({ fail: true });
    const mission = byTestId('about-mission')!;
    expect(mission.querySelector('[role="alert"]')?.textContent).toContain('Dieser Bereich konnte nicht geladen werden.');
    expect(root.querySelectorAll('[data-testid="action-field"]')).toHaveLength(2);
    mission.querySelector('button')!.click();
    TestBed.tick();
    expectGet('/api/strategy').flush(STRATEGY);
    await fixture.whenStable();
    expect(byTestId('about-mission-text')).not.toBeNull();
  });

  it('follows the language, and offers signed-in persons the charter instead of registering', async () => {
    await open({ signedIn: true });
    expect(byTestId('about-register')).toBeNull();
    expect(root.querySelector('.actions a')?.getAttribute('href')).toBe('/charter');
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('The Bottrop economic alliance');
    expect(byTestId('about-mission-text')?.textContent?.trim()).toBe('The alliance is an open platform.');
  });
});
