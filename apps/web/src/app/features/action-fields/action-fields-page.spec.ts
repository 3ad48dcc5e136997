import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ActionFieldDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { LanguageService } from '../../core/i18n/language-service';
import { ActionFieldsPage } from './action-fields-page';

function field(overrides: Partial<ActionFieldDto>): ActionFieldDto {
  return {
    id: 'id',
    slug: 'slug',
    nameDe: 'Name',
    nameEn: 'Name',
    descriptionDe: 'Beschreibung',
    descriptionEn: 'Description',
    color: '#8a4b08',
    icon: 'handyman',
    position: 0,
    archived: false,
    ...overrides,
  };
}

const FIELDS: ActionFieldDto[] = [
  field({
    id: '2',
    slug: 'handel',
    nameDe: 'Handel der Zukunft',
    nameEn: 'Retail of the future',
    descriptionDe: 'Lebendige Innenstadt',
    descriptionEn: 'A lively town centre',
    color: '#005cbb',
    position: 2,
  }),
  field({
    id: '1',
    slug: 'handwerk',
    nameDe: 'Handwerk',
    nameEn: 'Crafts',
    descriptionDe: 'Kooperative und digitale Produktion',
    descriptionEn: 'Cooperative and digital production',
    position: 1,
  }),
  field({ id: '3', slug: 'alt', nameDe: 'Archiviert', nameEn: 'Archived', position: 0, archived: true }),
];

describe('ActionFieldsPage', () => {
  let fixture: ComponentFixture<ActionFieldsPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const text = (selector: string) => page.querySelector(selector)?.textContent?.trim();
  const cardNames = () => [...page.querySelectorAll('[data-testid="action-field"] h2')].map((h) => h.textContent?.trim());

  async function settle(): Promise<void> {
    await fixture.whenStable();
  }

  function expectRequest() {
    TestBed.tick();
    const request = http.expectOne('/api/action-fields');
    expect(request.request.method).toBe('GET');
    return request;
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ActionFieldsPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ActionFieldsPage);
    page = fixture.nativeElement;
  });

  afterEach(() => http.verify());

  it('shows a loading state, then the fields in German', async () => {
    const request = expectRequest();
    fixture.detectChanges();
    expect(page.querySelector('[data-testid="action-fields-loading"]')?.textContent).toContain(
      'Handlungsfelder werden geladen',
    );

    request.flush(FIELDS);
    await settle();

    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect(text('h1')).toBe('Handlungsfelder der Allianz');
    const list = page.querySelector('[data-testid="action-field-list"]');
    expect(list?.tagName).toBe('UL');
    expect(list?.querySelectorAll(':scope > li[data-testid="action-field"]')).toHaveLength(2);
    // Sorted by position, archived fields hidden.
    expect(cardNames()).toEqual(['Handwerk', 'Handel der Zukunft']);
    expect(page.textContent).toContain('Kooperative und digitale Produktion');
    expect(page.textContent).not.toContain('Archiviert');
    expect(page.querySelector('[data-testid="action-fields-loading"]')).toBeNull();
  });

  it('uses each field colour as the card accent', async () => {
    expectRequest().flush(FIELDS);
    await settle();

    const cards = page.querySelectorAll<HTMLElement>('[data-testid="action-field"] mat-card');
    expect(cards[0].style.getPropertyValue('--alm-accent')).toBe('#8a4b08');
    expect(cards[1].style.getPropertyValue('--alm-accent')).toBe('#005cbb');
  });

  it('switches names, descriptions and headings to English', async () => {
    expectRequest().flush(FIELDS);
    await settle();

    TestBed.inject(LanguageService).use('en');
    await settle();

    expect(text('h1')).toBe('Action fields of the alliance');
    expect(cardNames()).toEqual(['Crafts', 'Retail of the future']);
    expect(page.textContent).toContain('Cooperative and digital production');
    expect(page.textContent).not.toContain('Handwerk');
  });

  it('shows an error with a retry button when the request fails, and retries', async () => {
    expectRequest().flush({ code: 'INTERNAL_ERROR' }, { status: 500, statusText: 'Server Error' });
    await settle();

    const alert = page.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Die Handlungsfelder konnten nicht geladen werden.');
    expect(page.querySelector('[data-testid="action-field-list"]')).toBeNull();

    const retry = alert?.querySelector('button');
    expect(retry?.textContent?.trim()).toBe('Erneut versuchen');
    retry?.click();

    expectRequest().flush(FIELDS);
    await settle();

    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(cardNames()).toEqual(['Handwerk', 'Handel der Zukunft']);
  });

  it('shows an empty state when there are no (active) fields', async () => {
    expectRequest().flush([field({ archived: true })]);
    await settle();

    expect(text('[data-testid="action-fields-empty"]')).toBe('Es gibt noch keine Handlungsfelder.');
    expect(page.querySelector('[data-testid="action-field-list"]')).toBeNull();
  });
});
