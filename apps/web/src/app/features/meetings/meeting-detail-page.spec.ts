import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MeetingDetailDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { MEETING_ID, meetingDetail } from '../../../testing/meeting-fixtures';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { MeetingDetailPage } from './meeting-detail-page';

const URL = `/api/meetings/${MEETING_ID}`;
const FUTURE = '2999-06-11T15:00:00.000Z';

describe('MeetingDetailPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const el = () => harness.routeNativeElement as HTMLElement;
  const one = <T extends HTMLElement = HTMLElement>(id: string) => el().querySelector<T>(`[data-testid="${id}"]`);
  const text = (id: string) => one(id)?.textContent?.replace(/\s+/g, ' ').trim();

  async function request(method: string, url: string): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  async function settle(): Promise<void> {
    TestBed.tick();
    await harness.fixture.whenStable();
  }

  async function open(detail: MeetingDetailDto, signedIn = true): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([{ path: 'meetings/:id', component: MeetingDetailPage }, { path: '**', children: [] }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    if (signedIn) TestBed.inject(AuthStore).setMe(meFixture());
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(`/meetings/${MEETING_ID}`, MeetingDetailPage);
    (await request('GET', URL)).flush(detail);
    await navigation;
    await settle();
  }

  function type(id: string, value: string): void {
    const input = one<HTMLInputElement>(id);
    if (!input) throw new Error(`no input ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => http.verify());

  it('shows time in Berlin, venue, seats, agenda with minutes and decisions with method and level', async () => {
    await open(meetingDetail({ startsAt: '2026-01-15T16:00:00.000Z', endsAt: '2026-01-15T19:00:00.000Z' }));

    expect(el().querySelectorAll('h1')).toHaveLength(1);
    expect(text('meeting-title')).toBe('9. Treffen der Wirtschaftsallianz');
    expect(text('meeting-number')).toBe('9. Plattformtreffen');
    expect(text('meeting-time')).toBe('Do., 15. Januar 2026, 17:00–20:00 Uhr');
    expect(text('meeting-venue')).toBe('Bottrop, Rathaus, Ernst-Wilczok-Platz 1');
    expect(text('meeting-seats')).toBe('12 von 60 Plätzen belegt');
    expect(el().querySelectorAll('[data-testid="agenda-item"]')).toHaveLength(2);
    expect(text('agenda-minutes')).toBe('Maßnahmen in Kleingruppen gesammelt.');
    expect(text('decision-method')).toBe('Methode: Konsent');
    expect(text('decision-level')).toBe('Beteiligungsstufe: Konsultieren');
    expect(one('meeting-run')).toBeNull();
    expect(one('guest-form')).toBeNull();
  });

  it('registers me and then shows my check-in code', async () => {
    await open(meetingDetail());
    one<HTMLButtonElement>('register')?.click();
    TestBed.tick();
    (await request('POST', `${URL}/registrations`)).flush({ status: 'registered', waitlistPosition: null });
    (await request('GET', URL)).flush(
      meetingDetail({ myStatus: 'registered', myCheckInCode: 'K7Q2XZ9A', registeredCount: 13, permissions: { canManage: false, canRegister: false } }),
    );
    await settle();

    expect(text('meeting-notice')).toBe('Sie sind angemeldet. Ihren Check-in-Code finden Sie unten.');
    expect(text('check-in-code')).toBe('K7Q2XZ9A');
    expect(text('registration-state')).toBe('Sie sind angemeldet.');
    expect(one('to-vote')?.getAttribute('href')).toBe(`/meetings/${MEETING_ID}/vote`);
  });

  it('puts me on the waiting list when the meeting is full', async () => {
    await open(meetingDetail({ capacity: 12, registeredCount: 12 }));
    expect(one('register')?.textContent?.trim()).toBe('Auf die Warteliste');
    one<HTMLButtonElement>('register')?.click();
    TestBed.tick();
    (await request('POST', `${URL}/registrations`)).flush({ status: 'waitlisted', waitlistPosition: 2 });
    (await request('GET', URL)).flush(
      meetingDetail({ capacity: 12, registeredCount: 12, waitlistCount: 2, myStatus: 'waitlisted', myWaitlistPosition: 2, permissions: { canManage: false, canRegister: false } }),
    );
    await settle();
    expect(text('meeting-notice')).toBe('Das Treffen ist ausgebucht. Sie stehen auf der Warteliste auf Platz 2.');
    expect(one('check-in-code')).toBeNull();
  });

  it('translates a closed registration', async () => {
    await open(meetingDetail());
    one<HTMLButtonElement>('register')?.click();
    TestBed.tick();
    (await request('POST', `${URL}/registrations`)).flush(
      { statusCode: 409, code: 'REGISTRATION_CLOSED', message: 'x', requestId: 'r' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(text('meeting-notice')).toBe('Die Anmeldung ist geschlossen.');
  });

  it('lets outsiders register for a public conference and tells them to check their mail', async () => {
    await open(
      meetingDetail({ kind: 'conference', seriesNumber: null, title: 'Fachtagung', visibility: 'public', endsAt: FUTURE, permissions: { canManage: false, canRegister: false } }),
      false,
    );
    expect(one('sign-in-to-register')).not.toBeNull();
    expect(one('guest-form')).not.toBeNull();

    // nothing is sent without the required fields and the consent
    one<HTMLButtonElement>('guest-submit')?.click();
    await settle();
    http.expectNone(`${URL}/guest-registrations`);
    expect(el().textContent).toContain('Ohne Ihr Einverständnis können wir Sie nicht anmelden.');

    type('guest-name', 'Gerda Gast');
    type('guest-email', 'gerda@example.org');
    type('guest-organisation', 'Stadt Gladbeck');
    one('guest-consent')?.querySelector<HTMLInputElement>('input')?.click();
    one<HTMLButtonElement>('guest-submit')?.click();
    TestBed.tick();
    const post = await request('POST', `${URL}/guest-registrations`);
    expect(post.request.body).toEqual({ name: 'Gerda Gast', email: 'gerda@example.org', organisation: 'Stadt Gladbeck', consent: true, locale: 'de' });
    post.flush({ status: 'pending_confirmation' }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(text('guest-success')).toContain('Bitte sehen Sie in Ihr Postfach (gerda@example.org)');
    expect(one('guest-form')).toBeNull();
  });

  it('offers the run and edit links to whoever runs the meeting', async () => {
    await open(meetingDetail({ permissions: { canManage: true, canRegister: true } }));
    expect(one('meeting-run')?.getAttribute('href')).toBe(`/meetings/${MEETING_ID}/run`);
    expect(one('meeting-edit')?.getAttribute('href')).toBe(`/meetings/${MEETING_ID}/edit`);
  });
});
