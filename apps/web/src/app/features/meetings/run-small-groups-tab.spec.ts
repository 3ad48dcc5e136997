import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { CheckInListEntryDto, SmallGroupDto } from '@allmende/contracts';
import { FakeMeetingSocket } from '../../../testing/fake-meeting-socket';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { MEETING_ID } from '../../../testing/meeting-fixtures';
import { MeetingSocket } from './meeting-socket';
import { RunSmallGroupsTab, attendeeOrder } from './run-small-groups-tab';

const URL = `/api/meetings/${MEETING_ID}`;

function entry(overrides: Partial<CheckInListEntryDto>): CheckInListEntryDto {
  return { registrationId: 'r-1', name: 'Markus Kamps', organisation: null, status: 'registered', guest: false, checkedInAt: null, ...overrides };
}

function group(overrides: Partial<SmallGroupDto>): SmallGroupDto {
  return { id: 'sg-1', meetingId: MEETING_ID, name: 'Gruppe 1', position: 1, note: '', noteUpdatedAt: null, members: [], canEditNote: true, ...overrides };
}

const ENTRIES = [
  entry({ registrationId: 'r-1', name: 'Markus Kamps' }),
  entry({ registrationId: 'r-2', name: 'Anna Beispiel', checkedInAt: '2026-06-11T15:01:00.000Z' }),
  entry({ registrationId: 'r-3', name: 'Jana Brinkmann', checkedInAt: '2026-06-11T15:03:00.000Z' }),
  entry({ registrationId: 'r-4', name: 'Storniert', status: 'cancelled' }),
];

describe('attendeeOrder', () => {
  it('puts the checked-in first, by name, and leaves out cancellations', () => {
    expect(attendeeOrder(ENTRIES).map((e) => e.name)).toEqual(['Anna Beispiel', 'Jana Brinkmann', 'Markus Kamps']);
  });
});

describe('RunSmallGroupsTab', () => {
  let fixture: ComponentFixture<RunSmallGroupsTab>;
  let http: HttpTestingController;
  let socket: FakeMeetingSocket;

  const el = () => fixture.nativeElement as HTMLElement;
  const all = (id: string) => [...el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const one = <T extends HTMLElement = HTMLElement>(id: string, root: ParentNode = el()) => root.querySelector<T>(`[data-testid="${id}"]`);
  const text = (id: string, root: ParentNode = el()) => one(id, root)?.textContent?.replace(/\s+/g, ' ').trim();

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
  }

  async function request(method: string, url: string): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      if (open.length === 1) return open[0];
      expect(open.length).toBe(0);
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  function type(input: HTMLInputElement | HTMLTextAreaElement | null, value: string): void {
    if (!input) throw new Error('no field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function open(groups: SmallGroupDto[], entries = ENTRIES): Promise<void> {
    localStorage.clear();
    socket = new FakeMeetingSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: MeetingSocket, useFactory: () => socket },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RunSmallGroupsTab);
    fixture.componentRef.setInput('meetingId', MEETING_ID);
    await settle();
    (await request('GET', `${URL}/small-groups`)).flush(groups);
    (await request('GET', `${URL}/check-ins`)).flush(entries);
    await settle();
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('creates a small group, but not without a name', async () => {
    await open([]);
    expect(text('small-groups-empty')).toBe('Noch keine Kleingruppen.');
    expect(el().querySelector('h2')?.textContent?.trim()).toBe('Kleingruppen');
    // checked-in attendees first; each has a labelled select, disabled while there is no group
    expect(all('small-group-attendee').map((a) => a.querySelector('.row-name')?.textContent?.trim())).toEqual([
      'Anna Beispiel',
      'Jana Brinkmann',
      'Markus Kamps',
    ]);
    expect(text('small-group-distribute')).toBe('Eingecheckte verteilen (2)');

    one<HTMLButtonElement>('small-group-create')?.click();
    await settle();
    http.expectNone({ method: 'POST', url: `${URL}/small-groups` });
    expect(el().textContent).toContain('Bitte geben Sie einen Namen ein.');

    type(one<HTMLInputElement>('small-group-new-name'), '  Leerstand  ');
    one<HTMLButtonElement>('small-group-create')?.click();
    const post = await request('POST', `${URL}/small-groups`);
    expect(post.request.body).toEqual({ name: 'Leerstand' });
    post.flush([group({ name: 'Leerstand' })]);
    await settle();

    expect(text('small-groups-outcome')).toBe('Die Kleingruppe „Leerstand“ ist angelegt.');
    expect(one('small-groups-outcome')?.getAttribute('role')).toBe('status');
    expect(text('small-group-name')).toBe('Leerstand');
    expect(text('small-group-no-members')).toBe('Noch niemand in dieser Gruppe.');
    expect(one<HTMLInputElement>('small-group-new-name')?.value).toBe('');
  });

  it('spreads the checked-in attendees over N groups', async () => {
    await open([]);
    type(one<HTMLInputElement>('small-group-count'), '0');
    one<HTMLButtonElement>('small-group-distribute')?.click();
    await settle();
    http.expectNone({ method: 'POST', url: `${URL}/small-groups/distribute` });
    expect(el().textContent).toContain('Eine ganze Zahl von 1 bis 50.');

    type(one<HTMLInputElement>('small-group-count'), '2');
    one<HTMLButtonElement>('small-group-distribute')?.click();
    const post = await request('POST', `${URL}/small-groups/distribute`);
    expect(post.request.body).toEqual({ count: 2 });
    post.flush([
      group({ id: 'sg-1', name: 'Gruppe 1', members: [{ registrationId: 'r-2', name: 'Anna Beispiel' }] }),
      group({ id: 'sg-2', name: 'Gruppe 2', position: 2, members: [{ registrationId: 'r-3', name: 'Jana Brinkmann' }] }),
    ]);
    await settle();
    expect(text('small-groups-outcome')).toBe('Die Eingecheckten sind auf 2 Gruppen verteilt.');
    expect(all('small-group')).toHaveLength(2);

    const loader = TestbedHarnessEnvironment.loader(fixture);
    const selects = await loader.getAllHarnesses(MatSelectHarness.with({ selector: '[data-testid="small-group-assign"]' }));
    expect(await Promise.all(selects.map((s) => s.getValueText()))).toEqual(['Gruppe 1', 'Gruppe 2', 'Keine']);
  });

  it('puts a person into a group and takes them out again, from a labelled select', async () => {
    const groups = [
      group({ id: 'sg-1', name: 'Leerstand', members: [{ registrationId: 'r-2', name: 'Anna Beispiel' }] }),
      group({ id: 'sg-2', name: 'Azubis', position: 2 }),
    ];
    await open(groups);
    const markus = all('small-group-attendee')[2];
    expect(markus.querySelector('mat-label')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Kleingruppe: Markus Kamps');

    const loader = TestbedHarnessEnvironment.loader(fixture);
    const select = async (index: number) =>
      (await loader.getAllHarnesses(MatSelectHarness.with({ selector: '[data-testid="small-group-assign"]' })))[index];

    let markusSelect = await select(2);
    await markusSelect.open();
    expect(await Promise.all((await markusSelect.getOptions()).map((o) => o.getText()))).toEqual(['Keine', 'Leerstand', 'Azubis']);
    await markusSelect.clickOptions({ text: 'Leerstand' });
    const put = await request('PUT', `${URL}/small-groups/sg-1/members`);
    expect(put.request.body).toEqual({ registrationIds: ['r-2', 'r-1'] });
    const joined = [group({ ...groups[0], members: [...groups[0].members, { registrationId: 'r-1', name: 'Markus Kamps' }] }), groups[1]];
    put.flush(joined);
    await settle();
    expect(text('small-groups-outcome')).toBe('Markus Kamps ist jetzt in „Leerstand“.');
    expect([...all('small-group')[0].querySelectorAll('[data-testid="small-group-members"] li')].map((li) => li.textContent?.trim())).toEqual([
      'Anna Beispiel',
      'Markus Kamps',
    ]);

    // and out again
    markusSelect = await select(2);
    await markusSelect.open();
    await markusSelect.clickOptions({ text: 'Keine' });
    const out = await request('PUT', `${URL}/small-groups/sg-1/members`);
    expect(out.request.body).toEqual({ registrationIds: ['r-2'] });
    out.flush(groups);
    await settle();
    expect(text('small-groups-outcome')).toBe('Markus Kamps ist nicht mehr in „Leerstand“.');
  });

  it('saves a group note and keeps what is typed while others change the groups', async () => {
    const first = group({ id: 'sg-1', name: 'Leerstand', note: 'Ideen', noteUpdatedAt: '2026-06-11T15:40:00.000Z' });
    await open([first]);
    const card = all('small-group')[0];
    expect(text('small-group-note-updated', card)).toBe('Zuletzt gespeichert: 11. Juni 2026, 17:40 Uhr');
    const note = one<HTMLTextAreaElement>('small-group-note', card);
    expect(note?.value).toBe('Ideen');
    expect(card.querySelector('mat-label')?.textContent?.trim()).toBe('Name');

    type(note, 'Ideen und Pläne');
    // meanwhile someone is put into the group elsewhere: the typed note stays
    socket.smallGroups.next();
    (await request('GET', `${URL}/small-groups`)).flush([{ ...first, members: [{ registrationId: 'r-2', name: 'Anna Beispiel' }] }]);
    await settle();
    expect(one<HTMLTextAreaElement>('small-group-note')?.value).toBe('Ideen und Pläne');
    expect(text('small-group-members')).toBe('Anna Beispiel');

    one<HTMLButtonElement>('small-group-note-save')?.click();
    const put = await request('PUT', `${URL}/small-groups/sg-1`);
    expect(put.request.body).toEqual({ note: 'Ideen und Pläne' });
    put.flush([{ ...first, note: 'Ideen und Pläne', noteUpdatedAt: '2026-06-11T15:45:00.000Z', members: [{ registrationId: 'r-2', name: 'Anna Beispiel' }] }]);
    await settle();
    expect(text('small-groups-outcome')).toBe('Die Notiz von „Leerstand“ ist gespeichert.');
    expect(text('small-group-note-updated')).toBe('Zuletzt gespeichert: 11. Juni 2026, 17:45 Uhr');

    // a member changes it later: the field follows
    socket.smallGroups.next();
    (await request('GET', `${URL}/small-groups`)).flush([{ ...first, note: 'Von Anna ergänzt' }]);
    await settle();
    expect(one<HTMLTextAreaElement>('small-group-note')?.value).toBe('Von Anna ergänzt');
  });

  it('renames a group and deletes one after confirming', async () => {
    await open([group({ id: 'sg-1', name: 'Gruppe 1' }), group({ id: 'sg-2', name: 'Gruppe 2', position: 2 })]);
    const card = all('small-group')[0];
    type(one<HTMLInputElement>('small-group-name-input', card), 'Leerstand');
    one<HTMLButtonElement>('small-group-rename', card)?.click();
    const put = await request('PUT', `${URL}/small-groups/sg-1`);
    expect(put.request.body).toEqual({ name: 'Leerstand' });
    put.flush([group({ id: 'sg-1', name: 'Leerstand' }), group({ id: 'sg-2', name: 'Gruppe 2', position: 2 })]);
    await settle();
    expect(text('small-groups-outcome')).toBe('Die Kleingruppe heißt jetzt „Leerstand“.');
    expect(all('small-group-name').map((h) => h.textContent?.trim())).toEqual(['Leerstand', 'Gruppe 2']);

    one<HTMLButtonElement>('small-group-remove', all('small-group')[1])?.click();
    await settle();
    for (let i = 0; i < 50 && !document.querySelector('mat-dialog-container h2')?.textContent?.trim(); i++) {
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(document.querySelector('mat-dialog-container')?.textContent).toContain('„Gruppe 2“ und ihre Notiz werden gelöscht');
    document.querySelector<HTMLButtonElement>('[data-testid="confirm-dialog-confirm"]')?.click();
    (await request('DELETE', `${URL}/small-groups/sg-2`)).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(text('small-groups-outcome')).toBe('Die Kleingruppe „Gruppe 2“ ist gelöscht.');
    expect(all('small-group-name').map((h) => h.textContent?.trim())).toEqual(['Leerstand']);
  });

  it('reloads the attendees when someone checks in', async () => {
    await open([group({})]);
    socket.checkIns.next(3);
    await new Promise((resolve) => setTimeout(resolve, 600));
    (await request('GET', `${URL}/check-ins`)).flush([...ENTRIES.slice(0, 3), entry({ registrationId: 'r-5', name: 'Neu', checkedInAt: '2026-06-11T15:10:00.000Z' })]);
    await settle();
    expect(text('small-group-distribute')).toBe('Eingecheckte verteilen (3)');
  });
});
