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

// the camera's frames "contain" this code (jsqr is loaded lazily by the scanner)
jest.mock('jsqr', () => ({ __esModule: true, default: () => ({ data: 'K7Q2XZ9A' }) }));

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

  /** Opens the page; a runner's tabs load the check-in list (list, count, small groups), the polls, the groups and the small groups. */
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
      await answer('GET', `${MEETING_URL}/check-ins`, checkIns, 3);
      await answer('GET', `${MEETING_URL}/polls`, polls);
      await answer('GET', '/api/working-groups', { items: [], total: 0, page: 1, pageSize: 100 });
      await answer('GET', `${MEETING_URL}/small-groups`, []);
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
    expect(tabs.map((tab) => tab.textContent?.trim())).toEqual(['Check-in', 'Tagesordnung & Protokoll', 'Beschlüsse', 'Punktabfrage', 'Kleingruppen']);
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

  describe('scanning QR codes', () => {
    const restore: (() => void)[] = [];

    /** Replaces a property of a prototype (jsdom has no camera, video or canvas) until the test ends. */
    function stub<T extends object>(target: T, key: string, value: unknown, getter = false): void {
      const original = Object.getOwnPropertyDescriptor(target, key);
      Object.defineProperty(target, key, getter ? { get: () => value, configurable: true } : { value, configurable: true, writable: true });
      restore.push(() => (original ? Object.defineProperty(target, key, original) : delete (target as Record<string, unknown>)[key]));
    }

    afterEach(() => restore.splice(0).reverse().forEach((undo) => undo()));

    function code(): HTMLInputElement {
      const input = el().querySelector<HTMLInputElement>('[data-testid="check-in-code-input"]');
      if (!input) throw new Error('no code input');
      return input;
    }

    async function until(check: () => boolean): Promise<void> {
      let ok = check();
      for (let i = 0; i < 100 && !ok; i++) {
        await settle();
        await new Promise((resolve) => setTimeout(resolve, 10));
        ok = check();
      }
      expect(ok).toBe(true);
    }

    it('offers the typed code when the device has no camera', async () => {
      stub(navigator, 'mediaDevices', undefined);
      await open(meetingDetail({ permissions: { canManage: true, canRegister: false } }), [], []);

      (el().querySelector('[data-testid="scan-start"]') as HTMLButtonElement).click();
      await settle();
      expect(text('scan-problem')).toBe('Auf diesem Gerät steht keine Kamera zur Verfügung. Bitte tippen Sie den Code unten ein.');
      expect(el().querySelector('[data-testid="scan-problem"]')?.getAttribute('role')).toBe('alert');
      await until(() => document.activeElement === code());
    });

    it('says so when the camera is not allowed', async () => {
      const getUserMedia = jest.fn().mockRejectedValue(Object.assign(new Error('denied'), { name: 'NotAllowedError' }));
      stub(navigator, 'mediaDevices', { getUserMedia });
      await open(meetingDetail({ permissions: { canManage: true, canRegister: false } }), [], []);

      (el().querySelector('[data-testid="scan-start"]') as HTMLButtonElement).click();
      await until(() => !!el().querySelector('[data-testid="scan-problem"]'));
      expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      expect(text('scan-problem')).toContain('Der Zugriff auf die Kamera ist nicht erlaubt');
      expect(el().querySelector('[data-testid="scan-start"]')).not.toBeNull(); // one may try again
    });

    it('checks in the code read by the rear camera, once, and stops the camera', async () => {
      const track = { stop: jest.fn() };
      const stream = { getTracks: () => [track] };
      stub(navigator, 'mediaDevices', { getUserMedia: jest.fn().mockResolvedValue(stream) });
      stub(HTMLMediaElement.prototype, 'play', () => Promise.resolve());
      stub(HTMLMediaElement.prototype, 'srcObject', null);
      stub(HTMLMediaElement.prototype, 'readyState', 4, true);
      stub(HTMLVideoElement.prototype, 'videoWidth', 640, true);
      stub(HTMLVideoElement.prototype, 'videoHeight', 480, true);
      stub(HTMLCanvasElement.prototype, 'getContext', () => ({
        drawImage: () => undefined,
        getImageData: (_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
      }));
      await open(meetingDetail({ permissions: { canManage: true, canRegister: false } }), [entry({})], []);

      (el().querySelector('[data-testid="scan-start"]') as HTMLButtonElement).click();
      let post: ReturnType<HttpTestingController['match']> = [];
      await until(() => (post = http.match({ method: 'POST', url: `${MEETING_URL}/check-ins` })).length > 0);
      expect(post).toHaveLength(1);
      expect(post[0].request.body).toEqual({ code: 'K7Q2XZ9A' });
      post[0].flush(entry({ checkedInAt: '2026-06-11T15:02:00.000Z' }));
      await settle();
      expect(text('check-in-outcome')).toBe('Markus Kamps ist eingecheckt.');
      expect(text('scan-status')).toContain('Halten Sie den QR-Code vor die Kamera');

      // the code stays in view: no second check-in
      await new Promise((resolve) => setTimeout(resolve, 400));
      http.expectNone({ method: 'POST', url: `${MEETING_URL}/check-ins` });

      (el().querySelector('[data-testid="scan-stop"]') as HTMLButtonElement).click();
      await settle();
      expect(track.stop).toHaveBeenCalled();
      expect(el().querySelector('[data-testid="scan-start"]')).not.toBeNull();
    });
  });
});
