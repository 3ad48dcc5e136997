import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { NotificationSettingsSection } from './notification-settings-section';

const URL = '/api/me/notification-settings';

describe('NotificationSettingsSection', () => {
  let fixture: ComponentFixture<NotificationSettingsSection>;
  let http: HttpTestingController;

  const el = () => fixture.nativeElement as HTMLElement;
  const radio = (value: string) => el().querySelector<HTMLInputElement>(`[data-testid="digest-${value}"] input`)!;
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

  async function settle(): Promise<void> {
    TestBed.tick();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationSettingsSection);
    TestBed.tick();
    http.expectOne(URL).flush({ digest: 'weekly' });
    await settle();
  });

  afterEach(() => http.verify());

  it('offers off, daily and weekly as a labelled choice, with the stored one chosen', () => {
    expect(text(el().querySelector('h2'))).toBe('Benachrichtigungen per E-Mail');
    const group = el().querySelector('[role="radiogroup"]');
    expect(group?.getAttribute('aria-labelledby')).toBe('notification-settings-heading');
    expect([...el().querySelectorAll('mat-radio-button')].map((r) => text(r))).toEqual([
      'Keine E-Mails',
      'Täglich eine Zusammenfassung',
      'Wöchentlich eine Zusammenfassung',
    ]);
    expect(radio('weekly').checked).toBe(true);
  });

  it('saves a new choice at once and says so', async () => {
    radio('daily').click();
    const put = http.expectOne(URL);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ digest: 'daily' });
    put.flush({ digest: 'daily' });
    await settle();
    expect(text(el().querySelector('[data-testid="digest-outcome"]'))).toBe('Gespeichert.');
    expect(radio('daily').checked).toBe(true);
  });

  it('goes back to the stored choice when saving fails', async () => {
    radio('off').click();
    TestBed.tick();
    http.expectOne(URL).flush({ statusCode: 500, message: 'x' }, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(text(el().querySelector('[data-testid="digest-outcome"]'))).toContain('konnte nicht gespeichert werden');
    expect(radio('weekly').checked).toBe(true);
  });
});
