import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CheckInListEntryDto, MeetingDetailDto } from '@allmende/contracts';
import { FakeMeetingSocket, broadcast } from '../../../testing/fake-meeting-socket';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { MEETING_ID, meetingDetail, poll } from '../../../testing/meeting-fixtures';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { MeetingRunPage } from './meeting-run-page';
import { MeetingSocket } from './meeting-socket';

const MEETING_URL = `/api/meetings/${MEETING_ID}`;

function entry(overrides: Partial<CheckInListEntryDto>): CheckInListEntryDto {
  return { registrationId: 'r-1', name: 'Markus Kamps', organisation: 'Kamps Bäckerei', status: 'registered', guest: false, checkedInAt: null, ...overrides };
}

describe('MeetingRunPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let socket: FakeMeetingSocket;

  const el = () => harness.routeNativeElement as HTMLElement;
  const all = (id: string) => [...el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const text = (id: string) => el().querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

  /** Answers every open request to `url` (pages load in parallel); returns how many there were. */
  async function answer(method: string, url: string, body: object, min = 1): Promise<number> {
    let answered = 0;
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      open.forEach((r) => r.flush(body));
      answered += open.length;
      if (answered >= min) return answered;
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  async function settle(): Promise<void> {
    TestBed.tick();
    await harness.fixture.whenStable();
  }

  /** Opens the page; a runner's tabs load the check-in list (twice: list and count), the polls and the groups. */
  async function open(detail: MeetingDetailDto, checkIns: CheckInListEntryDto[] = [], polls = [poll()]): Promise<void> {
    localStorage.clear();
    socket = new FakeMeetingSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        // tab bodies switch after their animation; jsdom never ends one
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([{ path: 'meetings/:id/run', component: MeetingRunPage }, { path: '**', children: [] }], withComponentInputBinding()),
      ],
    });
    TestBed.overrideComponent(MeetingRunPage, { set: { providers: [{ provide: MeetingSocket, useValue: socket }] } });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(meFixture({ roles: ['moderator', 'member'] }));
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(`/meetings/${MEETING_ID}/run`, MeetingRunPage);
    await answer('GET', MEETING_URL, detail);
    if (detail.permissions.canManage) {
      await answer('GET', `${MEETING_URL}/check-ins`, checkIns, 2);
      await answer('GET', `${MEETING_URL}/polls`, polls);
      await answer('GET', '/api/working-groups', { items: [], total: 0, page: 1, pageSize: 100 });
    }
    await navigation;
    await settle();
  }

  afterEach(() => http.verify());

  it('refuses persons who do not run the meeting, without opening the room', async () => {
    await open(meetingDetail({ permissions: { canManage: false, canRegister: true } }));
    expect(text('run-forbidden')).toContain('Ihnen fehlt dazu die Berechtigung');
    expect(el().querySelectorAll('h1')).toHaveLength(1);
    expect(socket.joined).toEqual([]);
    expect(el().querySelector('[data-testid="run-tabs"]')).toBeNull();
  });

  it('joins the room and shows live check-ins and live dot-voting results', async () => {
    await open(meetingDetail({ permissions: { canManage: true, canRegister: false } }), [
      entry({}),
      entry({ registrationId: 'r-2', name: 'Gast', guest: true, checkedInAt: '2026-06-11T14:55:00.000Z' }),
    ]);
    expect(socket.joined).toEqual([MEETING_ID]);
    expect(text('run-title')).toBe('Treffen leiten: 9. Treffen der Wirtschaftsallianz');

    expect(text('checked-in-count')).toBe('Eingecheckt: 1');
    expect(all('check-in-entry')).toHaveLength(2);
    expect(text('checked-in')).toBe('Eingecheckt um 16:55 Uhr');

    // someone is checked in at another device: the count follows the room
    socket.checkIns.next(2);
    await settle();
    expect(text('checked-in-count')).toBe('Eingecheckt: 2');

    // dots arrive on the voting tab: the bars follow without a request
    const tabs = [...el().querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.map((tab) => tab.textContent?.trim())).toEqual(['Check-in', 'Tagesordnung & Protokoll', 'Beschlüsse', 'Punktabfrage']);
    tabs[3].click();
    await settle();
    const shared = broadcast(poll({
      voters: 7,
      options: [
        { id: 'o-1', label: 'Leerstandsbörse', dots: 10 },
        { id: 'o-2', label: 'Azubi-Speeddating', dots: 8 },
        { id: 'o-3', label: 'Lieferdienst', dots: 3 },
      ],
    }));
    socket.polls.next(shared);
    await settle();
    http.expectNone(() => true);
    const poll0 = all('run-poll')[0];
    expect([...poll0.querySelectorAll('[data-testid="poll-result-value"]')].map((v) => v.textContent?.trim())).toEqual([
      '10 Punkte',
      '8 Punkte',
      '3 Punkte',
    ]);
    expect(poll0.querySelector('[data-testid="poll-summary"]')?.getAttribute('role')).toBe('status');
    expect(poll0.querySelector('[data-testid="poll-summary"]')?.textContent?.trim()).toBe('21 Punkte von 7 Personen');
    // the longest bar is full width, the others in proportion
    const widths = [...poll0.querySelectorAll<HTMLElement>('.fill')].map((f) => f.style.width);
    expect(widths).toEqual(['100%', '80%', '30%']);
  });

  it('checks a person in from the list', async () => {
    await open(meetingDetail({ permissions: { canManage: true, canRegister: false } }), [entry({})], []);

    (all('check-in-entry-button')[0] as HTMLButtonElement).click();
    TestBed.tick();
    const post = http.expectOne({ method: 'POST', url: `${MEETING_URL}/check-ins` });
    expect(post.request.body).toEqual({ registrationId: 'r-1' });
    post.flush(entry({ checkedInAt: '2026-06-11T15:02:00.000Z' }));
    await settle();
    expect(text('check-in-outcome')).toBe('Markus Kamps ist eingecheckt.');
    expect(text('checked-in')).toBe('Eingecheckt um 17:02 Uhr');
  });

  it('tells the door when a code is unknown', async () => {
    await open(meetingDetail({ permissions: { canManage: true, canRegister: false } }), [], []);

    const input = el().querySelector<HTMLInputElement>('[data-testid="check-in-code-input"]');
    if (!input) throw new Error('no code input');
    input.value = 'ABCD1234';
    input.dispatchEvent(new Event('input'));
    (el().querySelector('[data-testid="check-in-code-submit"]') as HTMLButtonElement).click();
    TestBed.tick();
    const post = http.expectOne({ method: 'POST', url: `${MEETING_URL}/check-ins` });
    expect(post.request.body).toEqual({ code: 'ABCD1234' });
    post.flush({ statusCode: 404, code: 'UNKNOWN_CHECK_IN_CODE', message: 'x', requestId: 'r' }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(text('check-in-outcome')).toContain('Diesen Check-in-Code kennen wir für dieses Treffen nicht');
  });
});
