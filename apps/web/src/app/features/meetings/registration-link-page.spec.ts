import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { MEETING_ID } from '../../../testing/meeting-fixtures';
import { RegistrationLinkPage } from './registration-link-page';

describe('RegistrationLinkPage (links in the guest mails)', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const el = () => harness.routeNativeElement as HTMLElement;
  const text = (id: string) => el().querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

  async function request(method: string, url: string): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  async function open(path: string): Promise<Promise<unknown>> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter(
          [
            { path: 'meetings/:id/confirm', data: { action: 'confirm' }, component: RegistrationLinkPage },
            { path: 'meetings/:id/cancel', data: { action: 'cancel' }, component: RegistrationLinkPage },
            { path: '**', children: [] },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    return harness.navigateByUrl(`/meetings/${MEETING_ID}/${path}`, RegistrationLinkPage);
  }

  afterEach(() => http.verify());

  it('confirms the registration with the token on load', async () => {
    const navigation = await open('confirm?token=abcdefghijklmnop');
    const confirm = await request('POST', '/api/meeting-registrations/confirm');
    expect(confirm.request.body).toEqual({ token: 'abcdefghijklmnop' });
    confirm.flush({ status: 'registered', waitlistPosition: null, meetingId: MEETING_ID });
    await navigation;
    await harness.fixture.whenStable();
    expect(el().querySelector('h1')?.textContent?.trim()).toBe('Anmeldung bestätigen');
    expect(text('link-done')).toBe('Ihre Anmeldung ist bestätigt. Ihren Check-in-Code haben wir Ihnen per E-Mail geschickt.');
    expect(el().querySelector('[data-testid="link-to-meeting"]')?.getAttribute('href')).toBe(`/meetings/${MEETING_ID}`);
  });

  it('tells a guest on the waiting list their place', async () => {
    const navigation = await open('confirm?token=abcdefghijklmnop');
    (await request('POST', '/api/meeting-registrations/confirm')).flush({ status: 'waitlisted', waitlistPosition: 4, meetingId: MEETING_ID });
    await navigation;
    await harness.fixture.whenStable();
    expect(text('link-done')).toContain('auf der Warteliste auf Platz 4');
  });

  it('explains a used or invalid link', async () => {
    const navigation = await open('cancel?token=abcdefghijklmnop');
    (await request('POST', '/api/meeting-registrations/cancel')).flush(
      { statusCode: 400, code: 'INVALID_OR_EXPIRED_TOKEN', message: 'x', requestId: 'r' },
      { status: 400, statusText: 'Bad Request' },
    );
    await navigation;
    await harness.fixture.whenStable();
    expect(el().querySelector('h1')?.textContent?.trim()).toBe('Anmeldung stornieren');
    expect(text('link-failed')).toBe('Der Link ist ungültig oder wurde schon benutzt.');
  });

  it('cancels with the token, and does not call the API without one', async () => {
    let navigation = await open('cancel?token=abcdefghijklmnop');
    const cancel = await request('POST', '/api/meeting-registrations/cancel');
    expect(cancel.request.body).toEqual({ token: 'abcdefghijklmnop' });
    cancel.flush(null, { status: 204, statusText: 'No Content' });
    await navigation;
    await harness.fixture.whenStable();
    expect(text('link-done')).toContain('Ihre Anmeldung ist storniert');

    TestBed.resetTestingModule();
    navigation = await open('confirm');
    await navigation;
    await harness.fixture.whenStable();
    expect(text('link-failed')).toBe('Der Link ist ungültig oder wurde schon benutzt.');
  });
});
