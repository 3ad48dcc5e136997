import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { OrganisationDto, SaveOrganisationRequest } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { OrganisationForm } from './organisation-form';

describe('OrganisationForm', () => {
  let fixture: ComponentFixture<OrganisationForm>;
  let saved: SaveOrganisationRequest[];

  const el = () => fixture.nativeElement as HTMLElement;
  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const sectorField = () => el().querySelector('[data-testid="organisation-sector"]');
  const actorTypeSelect = () =>
    loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="organisation-actor-type"]' }));
  const sectorSelect = () => loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="organisation-sector"]' }));

  function type(label: string, value: string): void {
    const field = [...el().querySelectorAll('mat-form-field')].find((f) => f.querySelector('mat-label')?.textContent?.trim() === label);
    const input = field?.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    if (!input) throw new Error(`no field ${label}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function chooseActorType(text: string): Promise<void> {
    const select = await actorTypeSelect();
    await select.open();
    await select.clickOptions({ text });
  }

  async function submit(): Promise<void> {
    el().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  function errors(): string[] {
    return [...el().querySelectorAll('mat-error')].map((e) => e.textContent?.trim() ?? '');
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [OrganisationForm], providers: [provideI18nTesting()] });
    fixture = TestBed.createComponent(OrganisationForm);
    fixture.componentRef.setInput('submitLabel', 'Speichern');
    saved = [];
    fixture.componentInstance.saved.subscribe((value) => saved.push(value));
    await fixture.whenStable();
  });

  it('offers a sector only for businesses, and drops it when the actor type changes', async () => {
    expect(sectorField()).toBeNull();

    await chooseActorType('Wissenschaft');
    expect(sectorField()).toBeNull();

    await chooseActorType('Unternehmen');
    expect(sectorField()).not.toBeNull();
    const sector = await sectorSelect();
    await sector.open();
    await sector.clickOptions({ text: 'Handwerk' });
    expect(await sector.getValueText()).toBe('Handwerk');

    await chooseActorType('Zivilgesellschaft');
    expect(sectorField()).toBeNull();

    type('Name', 'Bürgerstiftung Bottrop');
    await submit();

    expect(saved).toEqual([
      {
        name: 'Bürgerstiftung Bottrop',
        actorType: 'civil_society',
        sector: null,
        wzCode: null,
        district: null,
        website: null,
        description: null,
      },
    ]);
  });

  it('sends a business with its sector and trimmed optional fields', async () => {
    type('Name', '  Tischlerei Brinkmann ');
    await chooseActorType('Unternehmen');
    const sector = await sectorSelect();
    await sector.open();
    await sector.clickOptions({ text: 'Handwerk' });
    type('WZ-2008-Code', '16.23');
    type('Stadtteil', 'Kirchhellen');
    type('Website', 'https://tischlerei-brinkmann.example');
    type('Beschreibung', '  Möbel nach Maß ');
    await submit();

    expect(saved).toEqual([
      {
        name: 'Tischlerei Brinkmann',
        actorType: 'business',
        sector: 'crafts',
        wzCode: '16.23',
        district: 'Kirchhellen',
        website: 'https://tischlerei-brinkmann.example',
        description: 'Möbel nach Maß',
      },
    ]);
  });

  it('explains what is missing or malformed and sends nothing', async () => {
    await submit();

    expect(saved).toEqual([]);
    expect(errors()).toEqual(['Bitte geben Sie den Namen der Organisation ein.', 'Bitte wählen Sie einen Akteurstyp.']);

    type('Name', 'X');
    type('WZ-2008-Code', '4322');
    type('Website', 'www.beispiel.de');
    await chooseActorType('Verwaltung');
    await submit();

    expect(saved).toEqual([]);
    expect(errors()).toEqual([
      'Der Name muss 2 bis 200 Zeichen lang sein.',
      'Bitte geben Sie einen WZ-2008-Code wie 43.22 ein.',
      'Bitte geben Sie eine Adresse beginnend mit http:// oder https:// ein.',
    ]);
  });

  it('fills in an organisation to edit', async () => {
    const org: OrganisationDto = {
      id: 'o1',
      name: 'Bäckerei Overbeck',
      actorType: 'business',
      sector: 'retail',
      wzCode: '10.71',
      district: 'Altstadt',
      website: null,
      description: 'Seit 1921',
    };
    fixture.componentRef.setInput('initial', org);
    await fixture.whenStable();

    expect(await (await actorTypeSelect()).getValueText()).toBe('Unternehmen');
    expect(await (await sectorSelect()).getValueText()).toBe('Handel');
    await submit();

    expect(saved).toEqual([
      { name: 'Bäckerei Overbeck', actorType: 'business', sector: 'retail', wzCode: '10.71', district: 'Altstadt', website: null, description: 'Seit 1921' },
    ]);
  });
});
