import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ActionFieldDto, WorkingGroupSummaryDto } from '@allmende/contracts';
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

function group(overrides: Partial<WorkingGroupSummaryDto>): WorkingGroupSummaryDto {
  return {
    id: 'g',
    name: 'Gruppe',
    purpose: 'Zweck der Gruppe',
    actionFieldId: '1',
    state: 'active',
    access: 'open',
    realWorldLab: false,
    memberCount: 3,
    myRole: null,
    ...overrides,
  };
}

function groupPage(items: WorkingGroupSummaryDto[]) {
  return { items, total: items.length, page: 1, pageSize: 100 };
}

describe('ActionFieldsPage', () => {
  let fixture: ComponentFixture<ActionFieldsPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const text = (selector: string) => page.querySelector(selector)?.textContent?.trim();
  const cardNames = () => [...page.querySelectorAll('[data-testid="action-field"] h2')].map((h) => h.textContent?.trim());

  /**
   * Answers the groups requests the cards made (with no groups) and waits until the page is stable:
   * an open request keeps it unstable.
   */
  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      TestBed.tick();
      for (const open of http.match((req) => req.url === '/api/working-groups')) open.flush(groupPage([]));
      await new Promise((resolve) => setTimeout(resolve));
    }
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
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting(), provideRouter([])],
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

  describe('working groups per field', () => {
    /** Waits for the groups requests (one per shown field) and returns them by action field. */
    async function groupRequests(count = 2) {
      for (let i = 0; i < 200; i++) {
        TestBed.tick();
        const open = http.match((req) => req.url === '/api/working-groups');
        if (open.length === count) return new Map(open.map((req) => [req.request.params.get('actionField'), req]));
        expect(open).toHaveLength(0);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error('no requests to /api/working-groups');
    }

    const card = (name: string) =>
      [...page.querySelectorAll<HTMLElement>('[data-testid="action-field"]')].find(
        (li) => li.querySelector('h2')?.textContent?.trim() === name,
      );

    it('loads the groups of each shown field and lists the decided ones, linked, with state and lab badge', async () => {
      expectRequest().flush(FIELDS);
      const requests = await groupRequests();
      // one request per shown field (not for the archived one), with a large page
      expect([...requests.keys()].sort()).toEqual(['1', '2']);
      for (const req of requests.values()) {
        expect(req.request.method).toBe('GET');
        expect(req.request.params.get('pageSize')).toBe('100');
      }

      requests.get('1')?.flush(
        groupPage([
          group({ id: 'g1', name: 'Digitale Werkstatt Handwerk', state: 'active' }),
          group({ id: 'g2', name: 'Reallabor Maschinenring', state: 'active', realWorldLab: true, access: 'closed' }),
          group({ id: 'g3', name: 'Neuer Vorschlag', state: 'proposed' }),
          group({ id: 'g4', name: 'Alte Gruppe', state: 'dissolved' }),
          group({ id: 'g5', name: 'Ruhende Gruppe', state: 'dormant' }),
        ]),
      );
      requests.get('2')?.flush(groupPage([group({ id: 'g6', actionFieldId: '2', name: 'Lebendige Innenstadt', state: 'permanent' })]));
      await settle();

      const crafts = card('Handwerk');
      const items = [...(crafts?.querySelectorAll('[data-testid="field-group"]') ?? [])];
      expect(items.map((li) => li.querySelector('a')?.textContent?.trim())).toEqual([
        'Digitale Werkstatt Handwerk',
        'Reallabor Maschinenring',
        'Ruhende Gruppe',
      ]);
      expect(items[0].querySelector('a')?.getAttribute('href')).toBe('/groups/g1');
      expect(items[0].querySelector('[data-testid="group-state"]')?.textContent?.trim()).toBe('Status: Aktiv');
      expect(items[0].querySelector('[data-testid="group-lab"]')).toBeNull();
      expect(items[1].querySelector('[data-testid="group-lab"]')?.textContent?.trim()).toBe('Reallabor');
      expect(items[2].querySelector('[data-testid="group-state"]')?.textContent).toContain('Ruhend');
      expect(crafts?.textContent).not.toContain('Neuer Vorschlag');
      expect(crafts?.textContent).not.toContain('Alte Gruppe');

      const all = crafts?.querySelector<HTMLAnchorElement>('[data-testid="field-groups-link"]');
      expect(all?.textContent).toContain('Alle Gruppen im Handlungsfeld');
      expect(all?.getAttribute('href')).toBe('/groups?actionField=1');

      const retail = card('Handel der Zukunft');
      expect(retail?.querySelector('[data-testid="field-group"] a')?.textContent?.trim()).toBe('Lebendige Innenstadt');
      expect(retail?.querySelector('[data-testid="group-state"]')?.textContent).toContain('Verstetigt');

      // headings stay in order: one h1, a h2 per field, a h3 for its groups
      expect(page.querySelectorAll('h1')).toHaveLength(1);
      expect(crafts?.querySelector('h3')?.textContent?.trim()).toBe('Arbeitsgruppen');
    });

    it('says so when a field has no groups yet', async () => {
      expectRequest().flush(FIELDS);
      for (const req of (await groupRequests()).values()) req.flush(groupPage([group({ state: 'proposed' })]));
      await settle();

      expect(card('Handwerk')?.querySelector('[data-testid="field-groups-empty"]')?.textContent?.trim()).toBe(
        'In diesem Handlungsfeld gibt es noch keine Arbeitsgruppen.',
      );
    });

    it('keeps the fields when the groups cannot be loaded', async () => {
      expectRequest().flush(FIELDS);
      const requests = await groupRequests();
      requests.get('1')?.flush({ code: 'INTERNAL_ERROR' }, { status: 500, statusText: 'Server Error' });
      await settle();

      expect(cardNames()).toEqual(['Handwerk', 'Handel der Zukunft']);
      expect(card('Handwerk')?.querySelector('[data-testid="field-groups-error"]')?.textContent?.trim()).toBe(
        'Die Arbeitsgruppen konnten nicht geladen werden.',
      );
      expect(page.querySelector('[role="alert"]')).toBeNull();
    });
  });
});
