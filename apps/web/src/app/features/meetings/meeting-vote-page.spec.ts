import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MeetingDetailDto, PollDto } from '@allmende/contracts';
import { FakeMeetingSocket, broadcast } from '../../../testing/fake-meeting-socket';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { MEETING_ID, POLL_ID, meetingDetail, poll } from '../../../testing/meeting-fixtures';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { MeetingSocket } from './meeting-socket';
import { MeetingVotePage } from './meeting-vote-page';

const MEETING_URL = `/api/meetings/${MEETING_ID}`;
const POLLS_URL = `${MEETING_URL}/polls`;
const DOTS_URL = `/api/polls/${POLL_ID}/dots`;

describe('MeetingVotePage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let socket: FakeMeetingSocket;

  const el = () => harness.routeNativeElement as HTMLElement;
  const all = (id: string) => [...el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const one = (id: string) => el().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => one(id)?.textContent?.replace(/\s+/g, ' ').trim();
  const resultValues = () => all('poll-result-value').map((v) => v.textContent?.trim());
  const myDots = () => all('my-dots').map((d) => Number(d.firstChild?.textContent?.trim()));

  async function request(method: string, url: string): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      if (open.length === 1) return open[0];
      expect(open.length).toBe(0);
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  async function settle(): Promise<void> {
    TestBed.tick();
    await harness.fixture.whenStable();
  }

  async function open(detail: MeetingDetailDto, polls: PollDto[]): Promise<void> {
    localStorage.clear();
    socket = new FakeMeetingSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([{ path: 'meetings/:id/vote', component: MeetingVotePage }, { path: '**', children: [] }], withComponentInputBinding()),
      ],
    });
    TestBed.overrideComponent(MeetingVotePage, { set: { providers: [{ provide: MeetingSocket, useValue: socket }] } });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(meFixture());
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(`/meetings/${MEETING_ID}/vote`, MeetingVotePage);
    (await request('GET', MEETING_URL)).flush(detail);
    (await request('GET', POLLS_URL)).flush(polls);
    await navigation;
    await settle();
  }

  async function click(id: string, index = 0): Promise<void> {
    const button = all(id)[index] as HTMLButtonElement | undefined;
    if (!button) throw new Error(`no element ${id}[${index}]`);
    button.click();
    await settle();
  }

  afterEach(() => http.verify());

  it('joins the meeting room and shows the open polls with the live totals', async () => {
    await open(meetingDetail({ myStatus: 'registered', myCheckedIn: true }), [poll(), poll({ id: 'closed', status: 'closed', question: 'Alt?' })]);

    expect(socket.joined).toEqual([MEETING_ID]);
    expect(el().querySelectorAll('h1')).toHaveLength(1);
    expect(text('vote-title')).toBe('Punktabfrage: 9. Treffen der Wirtschaftsallianz');
    expect(all('vote-poll')).toHaveLength(1);
    expect(all('closed-poll')).toHaveLength(1);
    expect(text('dots-left')).toBe('Noch 3 von 3 Punkten frei');
    expect(resultValues().slice(0, 3)).toEqual(['4 Punkte', '2 Punkte', '0 Punkte']);
    expect(one('not-checked-in')).toBeNull();
  });

  it('never lets me give more dots than the poll allows', async () => {
    await open(meetingDetail({ myStatus: 'registered', myCheckedIn: true }), [poll()]);

    for (let i = 0; i < 5; i++) await click('dot-plus', 0);
    expect(myDots()).toEqual([3, 0, 0]);
    expect(text('dots-left')).toBe('Noch 0 von 3 Punkten frei');
    expect(all('dot-plus').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);

    // moving a dot to another option frees one first
    await click('dot-minus', 0);
    expect(text('dots-left')).toBe('Noch 1 von 3 Punkten frei');
    await click('dot-plus', 1);
    await click('dot-plus', 2);
    expect(myDots()).toEqual([2, 1, 0]);
    expect((all('dot-plus')[2] as HTMLButtonElement).disabled).toBe(true);
    expect((all('dot-minus')[2] as HTMLButtonElement).disabled).toBe(true);

    await click('vote-submit');
    const cast = await request('POST', DOTS_URL);
    expect(cast.request.body).toEqual({ dots: { 'o-1': 2, 'o-2': 1 } });
    cast.flush(poll({ myDots: { 'o-1': 2, 'o-2': 1 }, options: [{ id: 'o-1', label: 'Leerstandsbörse', dots: 6 }, { id: 'o-2', label: 'Azubi-Speeddating', dots: 3 }, { id: 'o-3', label: 'Lieferdienst', dots: 0 }], voters: 3 }));
    await settle();
    expect(text('vote-notice')).toBe('Ihre Punkte sind gespeichert.');
    expect(myDots()).toEqual([2, 1, 0]);
    expect(text('vote-submit')).toBe('Punkte ändern');
    expect(resultValues()).toEqual(['6 Punkte', '3 Punkte', '0 Punkte']);
  });

  it('updates the results when the room reports new dots, without reloading and without losing my unsaved dots', async () => {
    await open(meetingDetail({ myStatus: 'registered', myCheckedIn: true }), [poll()]);
    await click('dot-plus', 2);

    const shared = broadcast(poll({
      voters: 5,
      options: [
        { id: 'o-1', label: 'Leerstandsbörse', dots: 9 },
        { id: 'o-2', label: 'Azubi-Speeddating', dots: 5 },
        { id: 'o-3', label: 'Lieferdienst', dots: 1 },
      ],
    }));
    socket.polls.next(shared);
    await settle();

    http.expectNone(() => true);
    expect(resultValues()).toEqual(['9 Punkte', '5 Punkte', '1 Punkt']);
    expect(text('poll-summary')).toBe('15 Punkte von 5 Personen');
    expect(myDots()).toEqual([0, 0, 1]);
  });

  it('shows a poll the moment it is opened', async () => {
    await open(meetingDetail({ myStatus: 'registered', myCheckedIn: true }), []);
    expect(one('no-open-polls')).not.toBeNull();

    const opened = broadcast(poll({ id: 'fresh', question: 'Wohin geht die Exkursion?' }));
    socket.polls.next(opened);
    await settle();
    expect(one('no-open-polls')).toBeNull();
    expect(all('vote-poll')).toHaveLength(1);
    expect(el().textContent).toContain('Wohin geht die Exkursion?');
  });

  it('explains that only checked-in participants vote', async () => {
    await open(meetingDetail({ myStatus: 'registered', myCheckedIn: false }), [poll()]);
    expect(text('not-checked-in')).toContain('eingecheckte Teilnehmende');

    await click('dot-plus', 0);
    await click('vote-submit');
    (await request('POST', DOTS_URL)).flush(
      { statusCode: 403, code: 'NOT_CHECKED_IN', message: 'Only checked-in participants vote', requestId: 'r' },
      { status: 403, statusText: 'Forbidden' },
    );
    (await request('GET', POLLS_URL)).flush([poll()]);
    await settle();
    expect(text('vote-notice')).toBe('Abstimmen können nur eingecheckte Teilnehmende. Bitte checken Sie am Eingang ein.');
  });
});
