import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeetingDetailDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meetingDetail } from '../../../testing/meeting-fixtures';
import { RegistrationPanel } from './registration-panel';
import { guestRegistrationOpen, registrationState } from './registration-state';

describe('RegistrationPanel', () => {
  let fixture: ComponentFixture<RegistrationPanel>;

  const el = () => fixture.nativeElement as HTMLElement;
  const text = () => el().querySelector('[data-testid="registration-state"]')?.textContent?.replace(/\s+/g, ' ').trim();
  const button = (id: string) => el().querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);

  async function render(meeting: MeetingDetailDto, signedIn = true, busy = false): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideI18nTesting(), provideRouter([])] });
    fixture = TestBed.createComponent(RegistrationPanel);
    fixture.componentRef.setInput('meeting', meeting);
    fixture.componentRef.setInput('signedIn', signedIn);
    fixture.componentRef.setInput('busy', busy);
    await fixture.whenStable();
  }

  beforeEach(() => localStorage.clear());

  it('offers to register while seats are free', async () => {
    await render(meetingDetail({ capacity: 60, registeredCount: 12 }));
    expect(text()).toBe('Noch 48 Plätze frei.');
    expect(button('register')?.textContent?.trim()).toBe('Zum Treffen anmelden');
    expect(button('cancel-registration')).toBeNull();

    const emitted: string[] = [];
    fixture.componentInstance.registerRequested.subscribe(() => emitted.push('register'));
    button('register')?.click();
    expect(emitted).toEqual(['register']);
  });

  it('offers the waiting list when the meeting is full', async () => {
    await render(meetingDetail({ capacity: 60, registeredCount: 60, waitlistCount: 4 }));
    expect(text()).toBe('Das Treffen ist ausgebucht. Sie können sich auf die Warteliste setzen lassen.');
    expect(button('register')?.textContent?.trim()).toBe('Auf die Warteliste');
  });

  it('tells registered persons so and lets them cancel', async () => {
    await render(meetingDetail({ myStatus: 'registered', myCheckInCode: 'K7Q2XZ9A', permissions: { canManage: false, canRegister: false } }));
    expect(text()).toBe('Sie sind angemeldet.');
    expect(button('register')).toBeNull();
    expect(button('cancel-registration')?.textContent?.trim()).toBe('Teilnahme absagen');

    const emitted: string[] = [];
    fixture.componentInstance.cancelRequested.subscribe(() => emitted.push('cancel'));
    button('cancel-registration')?.click();
    expect(emitted).toEqual(['cancel']);
  });

  it('shows the place on the waiting list', async () => {
    await render(
      meetingDetail({ myStatus: 'waitlisted', myWaitlistPosition: 3, capacity: 60, registeredCount: 60, permissions: { canManage: false, canRegister: false } }),
    );
    expect(text()).toContain('Sie stehen auf der Warteliste auf Platz 3.');
    expect(button('cancel-registration')?.textContent?.trim()).toBe('Von der Warteliste nehmen');
    expect(button('register')).toBeNull();
  });

  it('disables the buttons while a request runs', async () => {
    await render(meetingDetail(), true, true);
    expect(button('register')?.disabled).toBe(true);
  });

  it('says when registration is closed, and asks anonymous visitors to sign in', async () => {
    await render(meetingDetail({ permissions: { canManage: false, canRegister: false } }));
    expect(text()).toBe('Die Anmeldung ist geschlossen.');
    expect(button('register')).toBeNull();

    TestBed.resetTestingModule();
    await render(meetingDetail({ endsAt: '2999-01-01T00:00:00.000Z' }), false);
    expect(el().querySelector('[data-testid="sign-in-to-register"]')?.getAttribute('href')).toContain('/login');
  });
});

describe('registration state', () => {
  const future = '2999-01-01T10:00:00.000Z';

  it('follows my status first, then seats and permission', () => {
    expect(registrationState(meetingDetail({ myStatus: 'registered' }), true)).toBe('registered');
    expect(registrationState(meetingDetail({ myStatus: 'waitlisted' }), true)).toBe('waitlisted');
    expect(registrationState(meetingDetail({ capacity: 2, registeredCount: 2 }), true)).toBe('waitlist');
    expect(registrationState(meetingDetail({ capacity: null, registeredCount: 200 }), true)).toBe('register');
    expect(registrationState(meetingDetail({ permissions: { canManage: true, canRegister: false } }), true)).toBe('closed');
    expect(registrationState(meetingDetail({ endsAt: future }), false)).toBe('signIn');
    expect(registrationState(meetingDetail({ endsAt: '2000-01-01T10:00:00.000Z' }), false)).toBe('closed');
  });

  it('opens the guest form only for public conferences before the deadline', () => {
    const conference = meetingDetail({ kind: 'conference', visibility: 'public', endsAt: future, registrationDeadline: future });
    expect(guestRegistrationOpen(conference, false)).toBe(true);
    expect(guestRegistrationOpen(conference, true)).toBe(false);
    expect(guestRegistrationOpen({ ...conference, kind: 'plenary' }, false)).toBe(false);
    expect(guestRegistrationOpen({ ...conference, registrationDeadline: '2000-01-01T00:00:00.000Z' }, false)).toBe(false);
    expect(guestRegistrationOpen({ ...conference, cancelled: true }, false)).toBe(false);
  });
});
