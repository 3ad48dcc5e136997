import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { MembershipStatus } from '@allmende/contracts';
import { ACTION_FIELDS, GROUP_ID, HANDEL_ID, HANDWERK_ID, groupDetail } from '../../../testing/group-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { GroupNewPage } from './group-new-page';

describe('GroupNewPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  const el = () => harness.routeNativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement>(id: string) => el().querySelector<T>(`[data-testid="${id}"]`);
  const errors = () => [...el().querySelectorAll('mat-error')].map((e) => e.textContent?.trim());

  async function request(method: string, url: string): Promise<TestRequest> {
    for (let i = 0; i < 200; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  function type(id: string, value: string): void {
    const input = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
    if (!input) throw new Error(`no field ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function open(status: MembershipStatus, url = '/groups/new'): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([{ path: 'groups/new', component: GroupNewPage }, { path: '**', children: [] }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    const me = meFixture();
    TestBed.inject(AuthStore).setMe({ ...me, membership: { ...me.membership, status } });
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url, GroupNewPage);
    (await request('GET', '/api/action-fields')).flush(ACTION_FIELDS);
    await navigation;
    await harness.fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('validates the form before sending anything', async () => {
    await open('signatory');
    expect(el().querySelectorAll('h1')).toHaveLength(1);
    expect(byTestId('signatories-only')).toBeNull();

    type('group-name', 'AG');
    type('group-purpose', 'zu kurz');
    byTestId<HTMLButtonElement>('group-submit')?.click();
    await harness.fixture.whenStable();

    expect(errors()).toEqual([
      'Der Name braucht 3 bis 150 Zeichen.',
      'Bitte wählen Sie ein Handlungsfeld.',
      'Der Zweck braucht 10 bis 2000 Zeichen.',
    ]);
    expect(document.activeElement).toBe(byTestId('group-name'));
    http.expectNone('/api/working-groups');
  });

  it('proposes the group and goes to its page', async () => {
    await open('active', `/groups/new?actionField=${HANDEL_ID}`);
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);

    const field = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="group-action-field"]' }));
    expect(await field.getValueText()).toBe('Handel der Zukunft'); // from the link it came from
    await field.open();
    await field.clickOptions({ text: 'Handwerk' });
    type('group-name', '  Digitale Werkstatt Handwerk ');
    type('group-purpose', 'Handwerksbetriebe probieren gemeinsam digitale Werkzeuge aus.');
    type('group-goals', 'Ein Auftragsportal');
    type('group-rhythm', '');
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: 'Geschlossen – Beitritt auf Anfrage' });
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Die Gruppe ist ein Reallabor-Team' }))).check();

    byTestId<HTMLButtonElement>('group-submit')?.click();
    const propose = await request('POST', '/api/working-groups');
    expect(propose.request.body).toEqual({
      name: 'Digitale Werkstatt Handwerk',
      actionFieldId: HANDWERK_ID,
      purpose: 'Handwerksbetriebe probieren gemeinsam digitale Werkzeuge aus.',
      goals: 'Ein Auftragsportal',
      meetingRhythm: null,
      realWorldLab: true,
      access: 'closed',
    });
    propose.flush(groupDetail({ state: 'proposed', myRole: 'lead' }));
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe(`/groups/${GROUP_ID}`);
  });

  it('tells persons who have not signed the charter that only signatories may propose', async () => {
    await open('interested');
    expect(byTestId('signatories-only')?.textContent).toContain('nur Unterzeichnende');

    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const field = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="group-action-field"]' }));
    await field.open();
    await field.clickOptions({ text: 'Handwerk' });
    type('group-name', 'Neue Gruppe');
    type('group-purpose', 'Ein Zweck mit genug Zeichen.');
    byTestId<HTMLButtonElement>('group-submit')?.click();
    (await request('POST', '/api/working-groups')).flush(
      { statusCode: 403, code: 'SIGNATORIES_ONLY', message: 'no', requestId: 'r' },
      { status: 403, statusText: 'Forbidden' },
    );
    await harness.fixture.whenStable();
    expect(byTestId('group-form-error')?.textContent?.trim()).toBe(
      'Arbeitsgruppen können nur Unterzeichnende von Leitbild und Leitzielen vorschlagen.',
    );
    expect(router.url).toBe('/groups/new');
  });
});
