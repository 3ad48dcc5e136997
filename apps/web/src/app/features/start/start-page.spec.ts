import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role, StartPageDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { StartPage } from './start-page';

const EMPTY: StartPageDto = { groups: [], meetings: [], unreadThreads: [], cards: [], openPolls: [], officeTasks: null };

const FULL: StartPageDto = {
  groups: [
    { id: 'g-1', name: 'Digitale Werkstatt Handwerk', role: 'lead', state: 'active' },
    { id: 'g-2', name: 'Leerstand als Gründungsort', role: 'member', state: 'dormant' },
  ],
  meetings: [
    { id: 'm-1', title: '9. Treffen der Wirtschaftsallianz', kind: 'plenary', startsAt: '2027-01-01T16:00:00.000Z', myStatus: 'registered', myWaitlistPosition: null },
    { id: 'm-2', title: 'Fachtagung', kind: 'conference', startsAt: '2027-01-16T08:00:00.000Z', myStatus: 'waitlisted', myWaitlistPosition: 3 },
  ],
  unreadThreads: [
    { id: 't-1', title: 'Buchungsregeln für die Maschinen', subjectTitle: 'Maschinenring Handwerk', unread: 2, lastMessageAt: '2026-11-30T22:08:01.419Z' },
    { id: 't-2', title: 'Wie erreichen wir junge Betriebe?', subjectTitle: null, unread: 1, lastMessageAt: null },
  ],
  cards: [{ id: 'c-1', boardId: 'b-1', title: 'Beschlussarchiv öffentlich machen', stage: 'measure', dueDate: '2027-03-31', boardTitle: 'Zukunftsplan' }],
  openPolls: [{ id: 'p-1', meetingId: 'm-1', meetingTitle: '9. Treffen der Wirtschaftsallianz', question: 'Welche Maßnahme zuerst?', dotsLeft: 3 }],
  officeTasks: null,
};

describe('StartPage', () => {
  let fixture: ComponentFixture<StartPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  const section = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
  const squash = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim();
  const links = (el: HTMLElement) => [...el.querySelectorAll('a')].map((a) => [squash(a.textContent), a.getAttribute('href')]);

  async function open(body: StartPageDto | null, roles: Role[] = ['member']): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [StartPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideI18nTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(meFixture({ roles }));
    fixture = TestBed.createComponent(StartPage);
    root = fixture.nativeElement;
    TestBed.tick();
    const req = http.expectOne('/api/me/start');
    if (body) req.flush(body);
    else req.flush({ code: 'INTERNAL' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('greets the person and shows each section with a count', async () => {
    await open(FULL);
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Willkommen, Anna Beispiel');
    const headings = [...root.querySelectorAll('section h2')].map((h) => squash(h.textContent));
    expect(headings).toEqual([
      'Meine Arbeitsgruppen 2',
      'Meine nächsten Treffen 2',
      'Ungelesene Diskussionen 2',
      'Meine Karten 1',
      'Offene Abstimmungen 1',
    ]);
    for (const s of root.querySelectorAll('section')) {
      expect(s.getAttribute('aria-labelledby')).toBe(s.querySelector('h2')?.id);
    }
    // no office tasks for members
    expect(root.querySelector('[data-testid="start-office"]')).toBeNull();
  });

  it('links groups with my role and their state', async () => {
    await open(FULL);
    const groups = [...section('start-groups').querySelectorAll('[data-testid="start-group"]')];
    expect(groups.map((g) => squash(g.querySelector('.meta')?.textContent))).toEqual(['Leitung · Aktiv', 'Mitglied · Ruhend']);
    expect(links(section('start-groups'))).toEqual([
      ['Digitale Werkstatt Handwerk', '/groups/g-1'],
      ['Leerstand als Gründungsort', '/groups/g-2'],
      ['Alle meine Arbeitsgruppen', '/groups?mine=true'],
    ]);
  });

  it('shows my next meetings in Berlin time with my registration or waitlist position', async () => {
    await open(FULL);
    const meetings = [...section('start-meetings').querySelectorAll<HTMLElement>('[data-testid="start-meeting"]')];
    expect(meetings[0].querySelector('a')?.getAttribute('href')).toBe('/meetings/m-1');
    expect(squash(meetings[0].querySelector('time')?.textContent)).toBe('1. Januar 2027, 17:00');
    expect(squash(meetings[0].querySelector('[data-testid="meeting-my-status"]')?.textContent)).toBe('Angemeldet');
    expect(squash(meetings[1].querySelector('[data-testid="meeting-my-status"]')?.textContent)).toBe('Warteliste, Platz 3');
    expect(squash(meetings[1].querySelector('[data-testid="meeting-kind"]')?.textContent)).toBe('Art: Fachtagung');
  });

  it('links unread threads, my cards on their board, and open votes', async () => {
    await open(FULL);
    expect(links(section('start-threads'))).toEqual([
      ['Buchungsregeln für die Maschinen', '/threads/t-1'],
      ['Wie erreichen wir junge Betriebe?', '/threads/t-2'],
      ['Alle Diskussionen', '/threads'],
    ]);
    expect(squash(section('start-threads').querySelectorAll('.meta')[0].textContent)).toBe('Maschinenring Handwerk · 2 ungelesen');
    expect(squash(section('start-threads').querySelectorAll('.meta')[1].textContent)).toBe('Allgemeine Diskussion · 1 ungelesen');

    expect(links(section('start-cards'))).toEqual([['Beschlussarchiv öffentlich machen', '/boards/b-1?card=c-1']]);
    expect(squash(section('start-cards').querySelector('.meta')?.textContent)).toBe('Zukunftsplan · Maßnahme · fällig am 31.03.2027');

    expect(links(section('start-polls'))).toEqual([['Welche Maßnahme zuerst?', '/meetings/m-1/vote']]);
    expect(squash(section('start-polls').querySelector('.meta')?.textContent)).toBe('9. Treffen der Wirtschaftsallianz · Noch 3 Punkte frei');
  });

  it('suggests a next step in every empty section', async () => {
    await open(EMPTY);
    const empty = (id: string) => [squash(section(id).querySelector('.empty')?.textContent), links(section(id))];
    expect(empty('start-groups')).toEqual([
      'Sie arbeiten noch in keiner Arbeitsgruppe mit.',
      [['Arbeitsgruppen entdecken und beitreten', '/groups']],
    ]);
    expect(empty('start-meetings')).toEqual([
      'Sie sind für kein kommendes Treffen angemeldet.',
      [['Kommende Treffen ansehen und anmelden', '/meetings']],
    ]);
    expect(empty('start-threads')).toEqual(['Sie haben alle Beiträge gelesen.', [['Zur Diskussion', '/threads']]]);
    expect(empty('start-cards')).toEqual(['Sie sind für keine offene Karte verantwortlich.', [['Boards ansehen', '/boards']]]);
    expect(empty('start-polls')[1]).toEqual([['Zu den Treffen', '/meetings']]);
    expect(root.querySelectorAll('section h2 .badge')[0].textContent?.trim()).toBe('0');
  });

  it('shows the office what waits for it, with counts and links', async () => {
    await open({ ...EMPTY, officeTasks: { approvals: 3, groupProposals: 1, openReports: 0 } }, ['moderator']);
    const office = section('start-office');
    expect(office.querySelector('h2')?.textContent?.trim()).toBe('Aufgaben der Geschäftsstelle');
    expect(links(office)).toEqual([
      ['3 Unterzeichnungen warten auf Freigabe', '/office/members'],
      ['1 Vorgeschlagene Arbeitsgruppen', '/groups?state=proposed'],
      ['0 Gemeldete Beiträge', '/office/moderation'],
    ]);
    expect(office.querySelector('[data-testid="start-office-idle"]')).toBeNull();
  });

  it('tells the office when nothing waits', async () => {
    await open({ ...EMPTY, officeTasks: { approvals: 0, groupProposals: 0, openReports: 0 } }, ['admin']);
    expect(squash(section('start-office-idle').textContent)).toBe('Gerade wartet nichts auf die Geschäftsstelle.');
  });

  it('offers a retry when the start page cannot be loaded', async () => {
    await open(null);
    const error = section('start-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(squash(error.textContent)).toContain('Ihre Startseite konnte nicht geladen werden.');
    error.querySelector('button')!.click();
    TestBed.tick();
    http.expectOne('/api/me/start').flush(FULL);
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="start-error"]')).toBeNull();
    expect(root.querySelectorAll('[data-testid="start-group"]')).toHaveLength(2);
  });
});
