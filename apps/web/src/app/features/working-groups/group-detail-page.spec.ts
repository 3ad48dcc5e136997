import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AffiliationDto, MeetingSummaryDto, Role, WorkingGroupDetailDto } from '@allmende/contracts';
import { ACTION_FIELDS, GROUP_ID, groupDetail } from '../../../testing/group-fixtures';
import { meetingSummary } from '../../../testing/meeting-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { GroupDetailPage } from './group-detail-page';

const URL = `/api/working-groups/${GROUP_ID}`;
const ME = { personId: 'p-1', displayName: 'Anna Beispiel', role: 'member' as const, organisationName: null, joinedAt: '2026-01-01T10:00:00.000Z' };

function affiliation(overrides: Partial<AffiliationDto>): AffiliationDto {
  return {
    id: 'a',
    organisationId: 'o',
    organisationName: 'Org',
    actorType: 'business',
    role: 'employee',
    confirmedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('GroupDetailPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const el = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string) => el().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim();
  const memberNames = () => [...el().querySelectorAll('[data-testid="member"] .member-name')].map((n) => n.textContent?.trim());

  /** Waits for the one open request matching `method url` (effects and navigations are async). */
  async function request(method: string, url: string): Promise<TestRequest> {
    for (let i = 0; i < 200; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      if (open.length === 1) return open[0];
      expect(open.length).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function configure(options: { roles?: Role[] | null; affiliations?: AffiliationDto[] } = {}): void {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([{ path: 'groups/:id', component: GroupDetailPage }, { path: '**', children: [] }], withComponentInputBinding()),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    if (options.roles !== null) {
      TestBed.inject(AuthStore).setMe(meFixture({ roles: options.roles ?? ['member'], affiliations: options.affiliations ?? [] }));
    }
  }

  /** The group's meetings: two lists, upcoming (`from`) and past (`to`). */
  const page = (items: MeetingSummaryDto[]) => ({ items, total: items.length, page: 1, pageSize: 5 });

  async function answerMeetings(upcoming: MeetingSummaryDto[], past: MeetingSummaryDto[]): Promise<TestRequest[]> {
    let open: TestRequest[] = [];
    for (let i = 0; i < 200 && open.length < 2; i++) {
      TestBed.tick();
      open = [...open, ...http.match((req) => req.method === 'GET' && req.url === '/api/meetings')];
      if (open.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(open).toHaveLength(2);
    const [from] = open.filter((r) => r.request.params.has('from'));
    const [to] = open.filter((r) => r.request.params.has('to'));
    from.flush(page(upcoming));
    to.flush(page(past));
    return [from, to];
  }

  async function open(detail: WorkingGroupDetailDto, meetings: { upcoming?: MeetingSummaryDto[]; past?: MeetingSummaryDto[] } = {}): Promise<TestRequest[]> {
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(`/groups/${GROUP_ID}`, GroupDetailPage);
    (await request('GET', URL)).flush(detail);
    (await request('GET', '/api/action-fields')).flush(ACTION_FIELDS);
    const requests = await answerMeetings(meetings.upcoming ?? [], meetings.past ?? []);
    // the embedded discussion list (tested on its own) loads for signed-in persons
    if (TestBed.inject(AuthStore).isSignedIn()) (await request('GET', '/api/threads')).flush([]);
    // the muted members (tested on their own) load for those who moderate: leads and the office
    if (TestBed.inject(AuthStore).isOffice() || detail.myRole === 'lead' || detail.myRole === 'co_lead') {
      (await request('GET', `${URL}/mutes`)).flush([]);
    }
    await navigation;
    await settle();
    return requests;
  }

  async function click(id: string): Promise<void> {
    const button = byTestId(id);
    if (!button) throw new Error(`no element ${id}`);
    button.click();
    TestBed.tick();
  }

  /** Answers the confirmation dialog (it lives in the overlay, outside the page). */
  async function confirmDialog(confirm: boolean): Promise<void> {
    await settle();
    const dialog = document.querySelector('mat-dialog-container');
    if (!dialog) throw new Error('no dialog');
    const buttons = dialog.querySelectorAll<HTMLButtonElement>('button');
    (confirm ? dialog.querySelector<HTMLButtonElement>('[data-testid="confirm-dialog-confirm"]') : buttons[0])?.click();
    // the answer arrives once the dialog has closed
    for (let i = 0; i < 200 && document.querySelector('mat-dialog-container'); i++) {
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    await settle();
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  describe('an outsider', () => {
    it('sees purpose, goals, rhythm, the state history and a note on hidden members', async () => {
      configure();
      await open(groupDetail({ hiddenMembers: 3 }));

      expect(el().querySelectorAll('h1')).toHaveLength(1);
      expect(text('group-name')).toBe('Digitale Werkstatt Handwerk');
      expect(text('group-purpose')).toBe('Handwerksbetriebe probieren gemeinsam digitale Werkzeuge aus.');
      expect(text('group-goals')).toBe('Ein gemeinsames Auftragsportal.');
      expect(text('group-rhythm')).toBe('Monatlich, erster Dienstag, 17 Uhr');
      expect(text('group-member-count')).toBe('2');
      expect(text('group-state')).toBe('Status: Aktiv');
      expect(el().textContent).toContain('Handlungsfeld: Handwerk');
      expect(text('hidden-members')).toBe('3 weitere Mitglieder nicht öffentlich');

      const entries = [...el().querySelectorAll('[data-testid="history-entry"]')].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
      expect(entries).toHaveLength(3);
      expect(entries[0]).toContain('Vorgeschlagen');
      expect(entries[0]).not.toContain('proposed'); // the API's technical first reason is not shown
      expect(entries[1]).toContain('Vorgeschlagen → zu Beschlossen');
      expect(entries[1]).toContain('Beschluss des 2. Plattformtreffens');
      expect(entries[1]).toContain('01.02.2023');
      expect(entries[2]).toContain('Beschlossen → zu Aktiv');

      expect(memberNames()).toEqual(['Mia Member', 'Jana Brinkmann']);
      const roles = [...el().querySelectorAll('[data-testid="member-role"]')].map((r) => r.textContent?.trim());
      expect(roles).toEqual(['Leitung', 'Mitglied']);
      expect(el().textContent).toContain('für Tischlerei Brinkmann');
      // nothing to manage
      expect(byTestId('group-edit')).toBeNull();
      expect(byTestId('open-status')).toBeNull();
      expect(byTestId('member-role-select')).toBeNull();
    });

    it('is asked to sign in before joining', async () => {
      configure({ roles: null });
      await open(groupDetail({ permissions: { canManage: false, canJoin: false, canLeave: false } }));

      const link = el().querySelector('[data-testid="sign-in-to-join"]');
      expect(link?.getAttribute('href')).toBe(`/login?returnUrl=%2Fgroups%2F${GROUP_ID}`);
      expect(byTestId('join')).toBeNull();
    });
  });

  describe('joining', () => {
    it('joins an open group at once and shows me among the members', async () => {
      configure();
      await open(groupDetail());

      expect(text('join')).toBe('Beitreten');
      expect(el().textContent).toContain('Die Gruppe ist offen');
      expect(byTestId('join-organisation')).toBeNull(); // no confirmed organisation to represent

      await click('join');
      const join = await request('POST', `${URL}/members`);
      expect(join.request.body).toEqual({});
      const joined = groupDetail({
        myRole: 'member',
        memberCount: 3,
        members: [...groupDetail().members, ME],
        permissions: { canManage: false, canJoin: false, canLeave: true },
      });
      join.flush(joined);
      await settle();

      expect(text('group-notice')).toBe('Sie sind jetzt Mitglied von „Digitale Werkstatt Handwerk“.');
      expect(byTestId('group-notice')?.getAttribute('role')).toBe('status');
      expect(document.activeElement).toBe(byTestId('group-notice'));
      expect(memberNames()).toContain('Anna Beispiel');
      expect(text('group-member-count')).toBe('3');
      expect(text('is-member')).toBe('Sie sind in dieser Gruppe: Mitglied.');
      expect(text('group-my-role')).toBe('Meine Rolle: Mitglied');
      expect(byTestId('join')).toBeNull();
      expect(text('leave')).toBe('Gruppe verlassen');
    });

    it('sends a request to a closed group and shows that it waits', async () => {
      configure();
      await open(groupDetail({ access: 'closed' }));

      expect(text('join')).toBe('Anfrage senden');
      expect(el().textContent).toContain('Die Gruppe ist geschlossen');
      expect(text('group-closed')).toBe('Geschlossen');

      await click('join');
      const join = await request('POST', `${URL}/members`);
      expect(join.request.body).toEqual({});
      join.flush(groupDetail({ access: 'closed', myRole: 'pending', permissions: { canManage: false, canJoin: false, canLeave: true } }));
      await settle();

      expect(text('group-notice')).toBe('Ihre Anfrage an „Digitale Werkstatt Handwerk“ ist gesendet.');
      expect(text('request-pending')).toBe('Ihre Anfrage ist gesendet. Die Leitung der Gruppe entscheidet darüber.');
      expect(text('group-my-role')).toBe('Anfrage gesendet');
      expect(text('group-member-count')).toBe('2'); // not a member yet
      expect(memberNames()).not.toContain('Anna Beispiel');
      expect(byTestId('join')).toBeNull();

      // the request can be withdrawn
      await click('withdraw');
      (await request('DELETE', `${URL}/members/me`)).flush(null, { status: 204, statusText: 'No Content' });
      (await request('GET', URL)).flush(groupDetail({ access: 'closed' }));
      await settle();
      expect(text('group-notice')).toBe('Ihre Anfrage ist zurückgezogen.');
      expect(text('join')).toBe('Anfrage senden');
    });

    it('accepts an invitation on behalf of one of my confirmed organisations', async () => {
      configure({
        affiliations: [
          affiliation({ organisationId: 'o-1', organisationName: 'Tischlerei Brinkmann' }),
          affiliation({ organisationId: 'o-2', organisationName: 'Noch nicht bestätigt', confirmedAt: null }),
        ],
      });
      await open(groupDetail({ access: 'closed', myRole: 'invited', permissions: { canManage: false, canJoin: true, canLeave: true } }));

      expect(text('invited')).toBe('Sie sind zu dieser Gruppe eingeladen.');
      expect(text('join')).toBe('Einladung annehmen');
      const select = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(
        MatSelectHarness.with({ selector: '[data-testid="join-organisation"]' }),
      );
      expect(await select.getValueText()).toBe('Nur für mich persönlich');
      await select.open();
      expect(await Promise.all((await select.getOptions()).map((o) => o.getText()))).toEqual([
        'Nur für mich persönlich',
        'Tischlerei Brinkmann',
      ]);
      await select.clickOptions({ text: 'Tischlerei Brinkmann' });

      await click('join');
      const join = await request('POST', `${URL}/members`);
      expect(join.request.body).toEqual({ organisationId: 'o-1' });
      join.flush(groupDetail({ myRole: 'member', memberCount: 3, members: [...groupDetail().members, { ...ME, organisationName: 'Tischlerei Brinkmann' }] }));
      await settle();
      expect(text('group-notice')).toBe('Einladung angenommen: Sie sind jetzt Mitglied von „Digitale Werkstatt Handwerk“.');
    });

    it('explains an API refusal', async () => {
      configure();
      await open(groupDetail());
      await click('join');
      (await request('POST', `${URL}/members`)).flush(
        { statusCode: 409, code: 'GROUP_NOT_JOINABLE', message: 'no', requestId: 'r' },
        { status: 409, statusText: 'Conflict' },
      );
      await settle();
      expect(text('group-notice')).toBe('Dieser Gruppe kann man in ihrem jetzigen Status nicht beitreten.');
      expect(byTestId('group-notice')?.classList).toContain('notice-error');
    });

    it('leaves only after confirming', async () => {
      configure();
      const member = groupDetail({ myRole: 'member', memberCount: 3, members: [...groupDetail().members, ME], permissions: { canManage: false, canJoin: false, canLeave: true } });
      await open(member);

      await click('leave');
      await confirmDialog(false);
      http.expectNone(`${URL}/members/me`);

      await click('leave');
      await confirmDialog(true);
      (await request('DELETE', `${URL}/members/me`)).flush(null, { status: 204, statusText: 'No Content' });
      (await request('GET', URL)).flush(groupDetail());
      await settle();

      expect(text('group-notice')).toBe('Sie haben „Digitale Werkstatt Handwerk“ verlassen.');
      expect(memberNames()).not.toContain('Anna Beispiel');
      expect(text('join')).toBe('Beitreten');
    });
  });

  describe('leads and the office', () => {
    const managed = () =>
      groupDetail({
        access: 'closed',
        myRole: 'lead',
        members: [{ ...ME, role: 'lead' }, ...groupDetail().members.slice(1)],
        pending: [
          { personId: 'p-9', displayName: 'Ella Engel', organisationName: 'Engel Elektro', kind: 'request', createdAt: '2026-01-05T10:00:00.000Z' },
          { personId: 'p-8', displayName: 'Olaf Offen', organisationName: null, kind: 'invitation', createdAt: '2026-01-06T10:00:00.000Z' },
        ],
        permissions: { canManage: true, canJoin: false, canLeave: true },
      });

    it('accepts and declines requests, withdraws invitations', async () => {
      configure();
      await open(managed());

      expect(text('pending-request')).toContain('Ella Engel');
      expect(text('pending-request')).toContain('für Engel Elektro');
      expect(text('pending-invitation')).toContain('Olaf Offen');
      expect(byTestId('accept-request')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Annehmen: Ella Engel');

      await click('accept-request');
      const accept = await request('POST', `${URL}/requests/p-9/accept`);
      accept.flush({ ...managed(), pending: managed().pending.slice(1), memberCount: 3 });
      await settle();
      expect(text('group-notice')).toBe('Ella Engel ist jetzt Mitglied der Gruppe.');
      expect(byTestId('pending-request')).toBeNull();

      await click('withdraw-invitation');
      (await request('DELETE', `${URL}/requests/p-8`)).flush(null, { status: 204, statusText: 'No Content' });
      (await request('GET', URL)).flush({ ...managed(), pending: [] });
      await settle();
      expect(text('group-notice')).toBe('Die Einladung an Olaf Offen ist zurückgezogen.');
      expect(byTestId('pending')).toBeNull();
    });

    it('changes a member role and removes members, but not themselves', async () => {
      configure();
      await open(managed());

      expect(el().querySelectorAll('[data-testid="member-remove"]')).toHaveLength(1); // not for myself
      const selects = await TestbedHarnessEnvironment.loader(harness.fixture).getAllHarnesses(
        MatSelectHarness.with({ selector: '[data-testid="member-role-select"]' }),
      );
      expect(selects).toHaveLength(2);
      await selects[1].open();
      await selects[1].clickOptions({ text: 'Ko-Leitung' });
      const role = await request('PUT', `${URL}/members/p-2/role`);
      expect(role.request.body).toEqual({ role: 'co_lead' });
      role.flush(managed());
      await settle();
      expect(text('group-notice')).toBe('Jana Brinkmann hat jetzt die Rolle „Ko-Leitung“.');

      await click('member-remove');
      await confirmDialog(true);
      (await request('DELETE', `${URL}/members/p-2`)).flush(null, { status: 204, statusText: 'No Content' });
      (await request('GET', URL)).flush({ ...managed(), members: managed().members.slice(0, 1) });
      await settle();
      expect(text('group-notice')).toBe('Jana Brinkmann ist nicht mehr Mitglied der Gruppe.');
      expect(memberNames()).toEqual(['Anna Beispiel']);
    });

    it('offers editing to leads; the status change only to the office', async () => {
      configure();
      await open(managed());
      expect(byTestId('group-edit')?.getAttribute('href')).toBe(`/groups/${GROUP_ID}/edit`);
      expect(byTestId('open-invite')).not.toBeNull();
      expect(byTestId('open-status')).toBeNull();
    });

    it('lets the office open the status dialog with the allowed moves', async () => {
      configure({ roles: ['member', 'moderator'] });
      await open(groupDetail({ permissions: { canManage: true, canJoin: true, canLeave: false } }));

      await click('open-status');
      await settle();
      const select = await TestbedHarnessEnvironment.documentRootLoader(harness.fixture).getHarness(
        MatSelectHarness.with({ selector: '[data-testid="status-to"]' }),
      );
      await select.open();
      expect(await Promise.all((await select.getOptions()).map((o) => o.getText()))).toEqual(['Ruhend', 'Aufgelöst', 'Verstetigt']);
      await select.close();
    });

    it('hides the status change when the group is final', async () => {
      configure({ roles: ['member', 'admin'] });
      await open(groupDetail({ state: 'dissolved', permissions: { canManage: false, canJoin: false, canLeave: false } }));
      expect(byTestId('open-status')).toBeNull();
      expect(text('not-joinable')).toBe('Dieser Gruppe kann man im Status „Aufgelöst“ nicht beitreten.');
    });
  });

  describe('sessions', () => {
    const upcoming = [
      meetingSummary({ id: 'm-1', kind: 'group_session', seriesNumber: null, title: 'Werkstatt-Treffen November', startsAt: '2999-11-03T16:00:00.000Z', endsAt: '2999-11-03T18:00:00.000Z', groupId: GROUP_ID, myStatus: 'registered' }),
    ];
    const past = [
      meetingSummary({ id: 'm-2', kind: 'group_session', seriesNumber: null, title: 'Werkstatt-Treffen Januar', startsAt: '2026-01-13T16:00:00.000Z', endsAt: '2026-01-13T18:00:00.000Z', groupId: GROUP_ID }),
      meetingSummary({ id: 'm-3', kind: 'group_session', seriesNumber: null, title: 'Werkstatt-Treffen Dezember', startsAt: '2025-12-09T16:00:00.000Z', endsAt: '2025-12-09T18:00:00.000Z', groupId: GROUP_ID, cancelled: true }),
    ];
    const sessions = (id: string) => [...el().querySelectorAll(`[data-testid="${id}"] [data-testid="group-meeting"]`)];

    it('lists the coming and the latest past sessions of the group, each linked to its page', async () => {
      configure();
      const [from, to] = await open(groupDetail(), { upcoming, past });
      expect(from.request.params.get('group')).toBe(GROUP_ID);
      expect(to.request.params.get('group')).toBe(GROUP_ID);
      expect(from.request.params.get('pageSize')).toBe('5');

      expect(el().querySelector('#group-meetings-heading')?.textContent?.trim()).toBe('Sitzungen');
      const coming = sessions('group-meetings-upcoming');
      expect(coming).toHaveLength(1);
      expect(coming[0].querySelector('a')?.getAttribute('href')).toBe('/meetings/m-1');
      expect(coming[0].textContent).toContain('Werkstatt-Treffen November');
      expect(coming[0].textContent).toContain('3. November 2999, 17:00–19:00 Uhr');
      expect(coming[0].textContent).toContain('Angemeldet');

      expect(sessions('group-meetings-past').map((m) => m.querySelector('a')?.textContent?.trim())).toEqual([
        'Werkstatt-Treffen Januar',
        'Werkstatt-Treffen Dezember',
      ]);
      expect(sessions('group-meetings-past')[1].textContent).toContain('Abgesagt');
      // a plain member plans no sessions
      expect(byTestId('new-group-session')).toBeNull();
    });

    it('says when there are none', async () => {
      configure();
      await open(groupDetail());
      expect(text('group-meetings-upcoming-empty')).toBe('Zurzeit ist keine Sitzung geplant.');
      expect(text('group-meetings-past-empty')).toBe('Noch keine vergangenen Sitzungen.');
    });

    it('lets leads and co-leads start a new session of the group', async () => {
      configure();
      await open(groupDetail({ myRole: 'co_lead', permissions: { canManage: true, canJoin: false, canLeave: true } }));
      expect(byTestId('new-group-session')?.getAttribute('href')).toBe(`/meetings/new?kind=group_session&group=${GROUP_ID}`);
      expect(text('new-group-session')).toBe('Neue Sitzung');
    });

    it('lets the office start one too', async () => {
      configure({ roles: ['moderator', 'member'] });
      await open(groupDetail());
      expect(byTestId('new-group-session')).not.toBeNull();
    });

    it('offers a retry when the sessions cannot be loaded', async () => {
      configure();
      harness = await RouterTestingHarness.create();
      const navigation = harness.navigateByUrl(`/groups/${GROUP_ID}`, GroupDetailPage);
      (await request('GET', URL)).flush(groupDetail());
      (await request('GET', '/api/action-fields')).flush(ACTION_FIELDS);
      let open: TestRequest[] = [];
      for (let i = 0; i < 200 && open.length < 2; i++) {
        TestBed.tick();
        open = [...open, ...http.match((req) => req.url === '/api/meetings')];
        if (open.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      open.find((r) => r.request.params.has('from'))?.flush({ statusCode: 500, message: 'x' }, { status: 500, statusText: 'Server Error' });
      open.find((r) => r.request.params.has('to'))?.flush(page(past));
      (await request('GET', '/api/threads')).flush([]);
      await navigation;
      await settle();
      expect(text('group-meetings-upcoming-error')).toContain('Die Treffen konnten nicht geladen werden.');
      expect(sessions('group-meetings-past')).toHaveLength(2);

      byTestId('group-meetings-upcoming-error')?.querySelector('button')?.click();
      TestBed.tick();
      const retry = await request('GET', '/api/meetings');
      expect(retry.request.params.has('from')).toBe(true);
      retry.flush(page(upcoming));
      await settle();
      expect(sessions('group-meetings-upcoming')).toHaveLength(1);
    });
  });

  describe('discussion', () => {
    it('embeds the group’s threads, open to new topics for its members', async () => {
      configure();
      await open(groupDetail({ myRole: 'member' }));
      const list = el().querySelector('alm-thread-list');
      expect(list?.querySelector('h2')?.textContent?.trim()).toBe('Diskussion');
      expect(list?.querySelector('[data-testid="new-thread-toggle"]')).not.toBeNull();
    });

    it('shows the muted members to leads, not to members', async () => {
      configure();
      await open(groupDetail({ myRole: 'lead', permissions: { canManage: true, canJoin: false, canLeave: true } }));
      expect(byTestId('group-mutes')?.querySelector('h2')?.textContent?.trim()).toBe('Stummschaltungen');
      expect(text('group-mutes-empty')).toBe('Derzeit ist in dieser Gruppe niemand stummgeschaltet.');
    });

    it('keeps the muted members from ordinary members', async () => {
      configure();
      await open(groupDetail({ myRole: 'member' }));
      expect(byTestId('group-mutes')).toBeNull();
    });
  });
});
