import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { WorkingGroupDetailDto } from '@allmende/contracts';
import { ACTION_FIELDS, GROUP_ID, HANDWERK_ID, groupDetail } from '../../../testing/group-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { GroupEditPage } from './group-edit-page';

describe('GroupEditPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const el = () => harness.routeNativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement>(id: string) => el().querySelector<T>(`[data-testid="${id}"]`);

  async function request(method: string, url: string): Promise<TestRequest> {
    for (let i = 0; i < 200; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  async function open(detail: WorkingGroupDetailDto): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([{ path: 'groups/:id/edit', component: GroupEditPage }, { path: '**', children: [] }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(`/groups/${GROUP_ID}/edit`, GroupEditPage);
    (await request('GET', `/api/working-groups/${GROUP_ID}`)).flush(detail);
    (await request('GET', '/api/action-fields')).flush(ACTION_FIELDS);
    await navigation;
    await harness.fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('fills the proposal form with the group and saves the changes', async () => {
    await open(groupDetail({ myRole: 'lead', permissions: { canManage: true, canJoin: false, canLeave: true } }));

    expect(byTestId<HTMLInputElement>('group-name')?.value).toBe('Digitale Werkstatt Handwerk');
    expect(byTestId<HTMLInputElement>('group-rhythm')?.value).toBe('Monatlich, erster Dienstag, 17 Uhr');

    const rhythm = byTestId<HTMLInputElement>('group-rhythm');
    if (!rhythm) throw new Error('no rhythm field');
    rhythm.value = 'Alle zwei Wochen';
    rhythm.dispatchEvent(new Event('input'));
    byTestId<HTMLButtonElement>('group-submit')?.click();

    const save = await request('PATCH', `/api/working-groups/${GROUP_ID}`);
    expect(save.request.body).toEqual({
      name: 'Digitale Werkstatt Handwerk',
      actionFieldId: HANDWERK_ID,
      purpose: 'Handwerksbetriebe probieren gemeinsam digitale Werkzeuge aus.',
      goals: 'Ein gemeinsames Auftragsportal.',
      meetingRhythm: 'Alle zwei Wochen',
      realWorldLab: false,
      access: 'open',
    });
    save.flush(groupDetail({ meetingRhythm: 'Alle zwei Wochen' }));
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(TestBed.inject(Router).url).toBe(`/groups/${GROUP_ID}`);
  });

  it('shows an API refusal, e.g. when the group was dissolved meanwhile', async () => {
    await open(groupDetail({ permissions: { canManage: true, canJoin: false, canLeave: false } }));
    byTestId<HTMLButtonElement>('group-submit')?.click();
    (await request('PATCH', `/api/working-groups/${GROUP_ID}`)).flush(
      { statusCode: 409, code: 'GROUP_DISSOLVED', message: 'no', requestId: 'r' },
      { status: 409, statusText: 'Conflict' },
    );
    await harness.fixture.whenStable();
    expect(byTestId('group-form-error')?.textContent?.trim()).toBe('Eine aufgelöste Gruppe kann nicht mehr geändert werden.');
  });

  it('does not offer the form to others', async () => {
    await open(groupDetail());
    expect(byTestId('group-form')).toBeNull();
    expect(byTestId('edit-forbidden')?.textContent?.trim()).toBe(
      'Nur die Leitung der Gruppe und die Geschäftsstelle können die Gruppe bearbeiten.',
    );
  });
});
