import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { MEETING_ID, meetingDetail } from '../../../testing/meeting-fixtures';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { MeetingEditPage, MeetingNewPage } from './meeting-edit-pages';

const GROUPS = { items: [{ id: 'g-1', name: 'Digitale Werkstatt Handwerk' }], total: 1, page: 1, pageSize: 100 };

describe('meeting form pages', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const el = () => harness.routeNativeElement as HTMLElement;
  const input = (id: string) => {
    const found = el().querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
    if (!found) throw new Error(`no input ${id}`);
    return found;
  };

  function type(id: string, value: string): void {
    const field = input(id);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
  }

  async function request(method: string, url: string): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  function configure(roles: ('member' | 'moderator')[] = ['moderator', 'member']): void {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter(
          [
            { path: 'meetings/new', component: MeetingNewPage },
            { path: 'meetings/:id/edit', component: MeetingEditPage },
            { path: '**', children: [] },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(meFixture({ roles }));
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('creates a group session: asks for the group, and sends Berlin times as UTC', async () => {
    configure();
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/meetings/new', MeetingNewPage);
    (await request('GET', '/api/working-groups')).flush(GROUPS);
    await navigation;
    await harness.fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);

    const kind = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="meeting-kind-select"]' }));
    await kind.open();
    await kind.clickOptions({ text: 'Arbeitsgruppen-Sitzung' });
    type('meeting-title-input', 'Arbeitstreffen Digitale Werkstatt');
    type('meeting-start-date', '2026-11-03');
    type('meeting-start-time', '17:00');
    type('meeting-end-time', '19:00');
    await harness.fixture.whenStable();
    expect(input('meeting-end-date').value).toBe('2026-11-03'); // follows the start

    // without the group nothing is sent
    input('meeting-submit').click();
    await harness.fixture.whenStable();
    http.expectNone({ method: 'POST', url: '/api/meetings' });
    expect(el().textContent).toContain('Bitte wählen Sie die Arbeitsgruppe.');

    const group = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="meeting-group"]' }));
    await group.open();
    await group.clickOptions({ text: 'Digitale Werkstatt Handwerk' });
    input('meeting-submit').click();
    const post = await request('POST', '/api/meetings');
    expect(post.request.body).toEqual({
      kind: 'group_session',
      title: 'Arbeitstreffen Digitale Werkstatt',
      description: '',
      startsAt: '2026-11-03T16:00:00.000Z',
      endsAt: '2026-11-03T18:00:00.000Z',
      groupId: 'g-1',
      venueOrganisationId: null,
      venueAddress: null,
      onlineUrl: null,
      capacity: null,
      registrationDeadline: null,
      visibility: 'group',
    });
    post.flush(meetingDetail({ kind: 'group_session' }));
  });

  it('refuses an end before the start', async () => {
    configure();
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/meetings/new', MeetingNewPage);
    (await request('GET', '/api/working-groups')).flush(GROUPS);
    await navigation;
    type('meeting-title-input', '10. Treffen der Wirtschaftsallianz');
    type('meeting-start-date', '2026-07-01');
    type('meeting-start-time', '17:00');
    type('meeting-end-time', '16:00');
    input('meeting-submit').click();
    await harness.fixture.whenStable();
    http.expectNone({ method: 'POST', url: '/api/meetings' });
    expect(el().querySelector('[data-testid="meeting-times-error"]')?.textContent?.trim()).toBe('Das Ende muss nach dem Beginn liegen.');
  });

  it('edits a meeting in Berlin time and keeps its venue organisation', async () => {
    configure();
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(`/meetings/${MEETING_ID}/edit`, MeetingEditPage);
    (await request('GET', `/api/meetings/${MEETING_ID}`)).flush(
      meetingDetail({ venueName: 'Stadt Bottrop', startsAt: '2026-01-15T16:00:00.000Z', endsAt: '2026-01-15T19:00:00.000Z', permissions: { canManage: true, canRegister: false } }),
    );
    const lookup = await request('GET', '/api/organisations');
    expect(lookup.request.params.get('q')).toBe('Stadt Bottrop');
    lookup.flush({ items: [{ id: 'org-stadt', name: 'Stadt Bottrop' }], total: 1, page: 1, pageSize: 10 });
    (await request('GET', '/api/working-groups')).flush(GROUPS);
    await navigation;
    await harness.fixture.whenStable();

    expect(input('meeting-start-date').value).toBe('2026-01-15');
    expect(input('meeting-start-time').value).toBe('17:00');
    expect(input('meeting-venue').value).toBe('Stadt Bottrop');
    type('meeting-start-time', '18:00');
    type('meeting-end-time', '21:00');
    input('meeting-submit').click();
    const put = await request('PUT', `/api/meetings/${MEETING_ID}`);
    expect(put.request.body).toMatchObject({
      kind: 'plenary',
      startsAt: '2026-01-15T17:00:00.000Z',
      endsAt: '2026-01-15T20:00:00.000Z',
      venueOrganisationId: 'org-stadt',
      capacity: 60,
    });
    put.flush(meetingDetail());
  });

  describe('group leads', () => {
    const MINE = {
      items: [
        { id: 'g-1', name: 'Digitale Werkstatt Handwerk', myRole: 'lead' },
        { id: 'g-2', name: 'Azubi-Netzwerk', myRole: 'co_lead' },
        { id: 'g-3', name: 'Leerstand', myRole: 'member' },
      ],
      total: 3,
      page: 1,
      pageSize: 100,
    };

    it('create sessions of the groups they lead, preset from the group page', async () => {
      configure(['member']);
      harness = await RouterTestingHarness.create();
      const navigation = harness.navigateByUrl('/meetings/new?kind=group_session&group=g-1', MeetingNewPage);
      const groups = await request('GET', '/api/working-groups');
      expect(groups.request.params.get('mine')).toBe('true');
      groups.flush(MINE);
      await navigation;
      await harness.fixture.whenStable();
      const loader = TestbedHarnessEnvironment.loader(harness.fixture);

      expect(el().querySelector('.back a')?.getAttribute('href')).toBe('/groups/g-1');
      const kind = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="meeting-kind-select"]' }));
      expect(await kind.getValueText()).toBe('Arbeitsgruppen-Sitzung');
      await kind.open();
      expect(await Promise.all((await kind.getOptions()).map((o) => o.getText()))).toEqual(['Arbeitsgruppen-Sitzung']);
      await kind.close();
      expect(el().querySelector('[data-testid="meeting-kind-lead-hint"]')?.textContent?.trim()).toBe(
        'Als Leitung einer Arbeitsgruppe legen Sie Sitzungen Ihrer Gruppen an.',
      );
      const group = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="meeting-group"]' }));
      expect(await group.getValueText()).toBe('Digitale Werkstatt Handwerk');
      await group.open();
      // only the groups they lead (or co-lead)
      expect(await Promise.all((await group.getOptions()).map((o) => o.getText()))).toEqual(['Azubi-Netzwerk', 'Digitale Werkstatt Handwerk']);
      await group.close();

      type('meeting-title-input', 'Werkstatt-Treffen');
      type('meeting-start-date', '2026-11-03');
      input('meeting-submit').click();
      const post = await request('POST', '/api/meetings');
      expect(post.request.body).toMatchObject({ kind: 'group_session', groupId: 'g-1', title: 'Werkstatt-Treffen', visibility: 'group' });
      post.flush(meetingDetail({ kind: 'group_session' }));
    });

    it('does not preset a group they do not lead', async () => {
      configure(['member']);
      harness = await RouterTestingHarness.create();
      const navigation = harness.navigateByUrl('/meetings/new?kind=group_session&group=g-3', MeetingNewPage);
      (await request('GET', '/api/working-groups')).flush(MINE);
      await navigation;
      await harness.fixture.whenStable();
      const group = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(
        MatSelectHarness.with({ selector: '[data-testid="meeting-group"]' }),
      );
      expect(await group.getValueText()).toBe('');
    });

    it('tells members who lead no group that they cannot create meetings', async () => {
      configure(['member']);
      harness = await RouterTestingHarness.create();
      const navigation = harness.navigateByUrl('/meetings/new', MeetingNewPage);
      (await request('GET', '/api/working-groups')).flush({ ...MINE, items: [MINE.items[2]], total: 1 });
      await navigation;
      await harness.fixture.whenStable();
      expect(el().querySelector('[data-testid="new-forbidden"]')?.textContent?.trim()).toContain('Sie leiten keine Arbeitsgruppe.');
      expect(el().querySelector('[data-testid="meeting-form"]')).toBeNull();
    });

    it('lets the office choose any kind, preset from the query', async () => {
      configure();
      harness = await RouterTestingHarness.create();
      const navigation = harness.navigateByUrl('/meetings/new?kind=workshop', MeetingNewPage);
      const groups = await request('GET', '/api/working-groups');
      expect(groups.request.params.has('mine')).toBe(false);
      groups.flush(GROUPS);
      await navigation;
      await harness.fixture.whenStable();
      const kind = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(
        MatSelectHarness.with({ selector: '[data-testid="meeting-kind-select"]' }),
      );
      expect(await kind.getValueText()).toBe('Workshop');
      await kind.open();
      expect(await kind.getOptions()).toHaveLength(4);
    });
  });
});
