import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { CharterVersionDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { OfficeCharterPage } from './office-charter-page';

const V1: CharterVersionDto = {
  id: 'c1',
  version: 1,
  missionDe: 'Die Wirtschaftsallianz Bottrop ist eine offene Plattform.',
  missionEn: 'The Bottrop economic alliance is an open platform.',
  goals: [
    { de: 'Kooperationen stärken', en: 'Strengthen cooperation' },
    { de: 'Innenstadt beleben', en: 'Revive the town centre' },
  ],
  publishedAt: '2023-11-25T10:00:00.000Z',
};

describe('OfficeCharterPage', () => {
  let fixture: ComponentFixture<OfficeCharterPage>;
  let http: HttpTestingController;

  const el = () => fixture.nativeElement as HTMLElement;
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const goals = () => [...el().querySelectorAll<HTMLElement>('[data-testid="goal"]')];
  const goalInputs = (goal: HTMLElement) => [...goal.querySelectorAll<HTMLInputElement>('input')];

  function type(input: HTMLInputElement | HTMLTextAreaElement | null | undefined, value: string): void {
    if (!input) throw new Error('no input');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OfficeCharterPage);
    TestBed.tick();
    http.expectOne('/api/charter/versions').flush([V1]);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('lists the versions and starts the draft from the newest one', () => {
    expect(el().querySelector('[data-testid="charter-versions"]')?.textContent).toContain('Fassung 1 vom');
    expect(el().querySelector<HTMLTextAreaElement>('textarea[formcontrolname="missionDe"]')?.value).toBe(V1.missionDe);
    expect(goals().map((g) => goalInputs(g).map((i) => i.value))).toEqual([
      ['Kooperationen stärken', 'Strengthen cooperation'],
      ['Innenstadt beleben', 'Revive the town centre'],
    ]);
  });

  it('adds and removes goals, and publishes after confirming', async () => {
    el().querySelector<HTMLButtonElement>('[data-testid="add-goal"]')?.click();
    await fixture.whenStable();
    expect(goals()).toHaveLength(3);
    type(goalInputs(goals()[2])[0], 'Fachkräfte gewinnen');
    type(goalInputs(goals()[2])[1], 'Attract skilled workers');

    goals()[0].querySelector<HTMLButtonElement>('button')?.click(); // remove the first goal
    await fixture.whenStable();
    expect(goals()).toHaveLength(2);

    el().querySelector<HTMLButtonElement>('[data-testid="charter-publish"]')?.click();
    await settle();
    expect(dialog()?.textContent).toContain('Alle Unterzeichnenden werden gebeten, die neue Fassung zu bestätigen.');
    http.expectNone('/api/charter/versions');

    dialog()?.querySelector<HTMLButtonElement>('[data-testid="confirm-dialog-confirm"]')?.click();
    await settle();
    const request = http.expectOne((req) => req.method === 'POST' && req.url === '/api/charter/versions');
    expect(request.request.body).toEqual({
      missionDe: V1.missionDe,
      missionEn: V1.missionEn,
      goals: [
        { de: 'Innenstadt beleben', en: 'Revive the town centre' },
        { de: 'Fachkräfte gewinnen', en: 'Attract skilled workers' },
      ],
    });
    request.flush({ ...V1, id: 'c2', version: 2, publishedAt: '2026-11-25T10:00:00.000Z', goals: request.request.body.goals });
    await settle();

    expect(el().querySelector('[data-testid="charter-published"]')?.textContent?.trim()).toBe('Fassung 2 ist veröffentlicht.');
    expect(el().querySelectorAll('[data-testid="charter-versions"] mat-expansion-panel')).toHaveLength(2);
  });

  it('does not publish when cancelled or when the draft is invalid', async () => {
    el().querySelector<HTMLButtonElement>('[data-testid="charter-publish"]')?.click();
    await settle();
    [...(dialog()?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent?.trim() === 'Abbrechen')?.click();
    await settle();
    expect(dialog()).toBeNull();

    type(el().querySelector<HTMLTextAreaElement>('textarea[formcontrolname="missionEn"]'), 'Too short');
    type(goalInputs(goals()[1])[0], '');
    el().querySelector<HTMLButtonElement>('[data-testid="charter-publish"]')?.click();
    await settle();

    expect(dialog()).toBeNull();
    expect([...el().querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual([
      'Bitte mindestens 20 Zeichen eingeben.',
      'Bitte 3 bis 500 Zeichen eingeben.',
    ]);
    http.expectNone((req) => req.method === 'POST');
  });
});
