import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { ActionFieldDto } from '@allmende/contracts';
import { ACTION_FIELDS, HANDWERK_ID } from '../../../testing/group-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { OfficeActionFieldsPage } from './office-action-fields-page';

const ARCHIVED: ActionFieldDto = { ...ACTION_FIELDS[0], id: 'old', slug: 'alt', nameDe: 'Altes Feld', position: 9, archived: true };

describe('OfficeActionFieldsPage', () => {
  let fixture: ComponentFixture<OfficeActionFieldsPage>;
  let http: HttpTestingController;

  const page = () => fixture.nativeElement as HTMLElement;
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const inDialog = <T extends HTMLElement>(id: string) => dialog()?.querySelector<T>(`[data-testid="${id}"]`) ?? null;
  const rows = () => [...page().querySelectorAll('[data-testid="action-field-row"]')].map((r) => r.querySelector('th')?.textContent?.replace(/\s+/g, ' ').trim());

  async function settle(): Promise<void> {
    await fixture.whenStable();
  }

  async function request(method: string, url: string): Promise<TestRequest> {
    for (let i = 0; i < 200; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  /** The dialog closes after its exit animation; then the page shows the result. */
  async function dialogClosed(): Promise<void> {
    for (let i = 0; i < 50 && dialog(); i++) {
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(dialog()).toBeNull();
    await settle();
  }

  function type(id: string, value: string): void {
    const input = inDialog<HTMLInputElement | HTMLTextAreaElement>(id);
    if (!input) throw new Error(`no field ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [OfficeActionFieldsPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OfficeActionFieldsPage);
    const list = await request('GET', '/api/action-fields');
    expect(list.request.params.get('includeArchived')).toBe('true');
    list.flush([...ACTION_FIELDS, ARCHIVED]);
    await settle();
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('lists every field in order, archived ones marked', () => {
    expect(page().querySelectorAll('h1')).toHaveLength(1);
    expect(rows()).toEqual(['Handwerk Crafts', 'Handel der Zukunft Retail of the future', 'Altes Feld Retail of the future']);
    const last = page().querySelectorAll('[data-testid="action-field-row"]')[2];
    expect(last.textContent).toContain('Archiviert');
    expect(last.textContent).toContain('#005cbb');
  });

  it('adds a field through the dialog, after validating it', async () => {
    page().querySelector<HTMLButtonElement>('[data-testid="add-action-field"]')?.click();
    await settle();
    expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Handlungsfeld hinzufügen');

    type('field-slug', 'Fachkräfte');
    type('field-color', 'blau');
    inDialog<HTMLButtonElement>('field-save')?.click();
    await settle();
    const errors = [...(dialog()?.querySelectorAll('mat-error') ?? [])].map((e) => e.textContent?.trim());
    expect(errors).toEqual([
      'Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche (höchstens 60 Zeichen).',
      'Bitte 2 bis 150 Zeichen eingeben.',
      'Bitte 2 bis 150 Zeichen eingeben.',
      'Bitte eine Farbe wie #6b3a8a eingeben.',
      '2 bis 40 Kleinbuchstaben oder Unterstriche.',
    ]);
    http.expectNone({ method: 'POST', url: '/api/action-fields' });

    type('field-slug', 'fachkraefte');
    type('field-name-de', 'Fachkräfte');
    type('field-name-en', 'Skilled workers');
    type('field-color', '#6B3A8A');
    type('field-icon', 'school');
    inDialog<HTMLButtonElement>('field-save')?.click();

    const create = await request('POST', '/api/action-fields');
    expect(create.request.body).toEqual({
      slug: 'fachkraefte',
      nameDe: 'Fachkräfte',
      nameEn: 'Skilled workers',
      descriptionDe: '',
      descriptionEn: '',
      color: '#6b3a8a',
      icon: 'school',
      archived: false,
    });
    create.flush({ ...create.request.body, id: 'new', position: 4 });
    await dialogClosed();
    expect(rows()).toContain('Fachkräfte Skilled workers');
    expect(page().querySelector('[data-testid="fields-notice"]')?.textContent?.trim()).toBe('„Fachkräfte“ ist angelegt.');
  });

  it('edits a field and explains a taken slug', async () => {
    page().querySelector<HTMLButtonElement>('[data-testid="edit-action-field"]')?.click();
    await settle();
    expect(inDialog<HTMLInputElement>('field-slug')?.value).toBe('handwerk');
    expect(inDialog<HTMLInputElement>('field-position')?.value).toBe('1');

    type('field-slug', 'handel');
    inDialog<HTMLButtonElement>('field-save')?.click();
    const update = await request('PUT', `/api/action-fields/${HANDWERK_ID}`);
    expect(update.request.body).toMatchObject({ slug: 'handel', nameDe: 'Handwerk', position: 1, archived: false });
    update.flush({ statusCode: 409, code: 'SLUG_TAKEN', message: 'taken', requestId: 'r' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(inDialog('field-error')?.textContent?.trim()).toBe('Diese Kurzbezeichnung ist schon vergeben.');
  });
});
