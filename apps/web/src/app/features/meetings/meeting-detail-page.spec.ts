import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MeetingDetailDto, MeetingDocumentDto, SmallGroupDto } from '@allmende/contracts';
import { FakeMeetingSocket } from '../../../testing/fake-meeting-socket';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { MEETING_ID, meetingDetail } from '../../../testing/meeting-fixtures';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { MeetingDetailPage } from './meeting-detail-page';
import { MeetingSocket } from './meeting-socket';
import { MySmallGroup } from './my-small-group';

const URL = `/api/meetings/${MEETING_ID}`;
const FUTURE = '2999-06-11T15:00:00.000Z';

function doc(overrides: Partial<MeetingDocumentDto>): MeetingDocumentDto {
  return {
    id: 'doc-1',
    meetingId: MEETING_ID,
    agendaItemId: null,
    filename: 'Einladung.pdf',
    contentType: 'application/pdf',
    sizeBytes: 250 * 1024,
    uploadedAt: '2026-05-20T08:30:00.000Z',
    ...overrides,
  };
}

function smallGroup(overrides: Partial<SmallGroupDto>): SmallGroupDto {
  return {
    id: 'sg-1',
    meetingId: MEETING_ID,
    name: 'Gruppe 1',
    position: 1,
    note: '',
    noteUpdatedAt: null,
    members: [],
    canEditNote: false,
    ...overrides,
  };
}

describe('MeetingDetailPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let socket: FakeMeetingSocket;

  const el = () => harness.routeNativeElement as HTMLElement;
  const one = <T extends HTMLElement = HTMLElement>(id: string) => el().querySelector<T>(`[data-testid="${id}"]`);
  const text = (id: string) => one(id)?.textContent?.replace(/\s+/g, ' ').trim();

  async function request(method: string, url: string): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  async function settle(): Promise<void> {
    TestBed.tick();
    await harness.fixture.whenStable();
  }

  async function open(detail: MeetingDetailDto, signedIn = true): Promise<void> {
    localStorage.clear();
    socket = new FakeMeetingSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([{ path: 'meetings/:id', component: MeetingDetailPage }, { path: '**', children: [] }], withComponentInputBinding()),
      ],
    });
    // a factory: the override may outlive one test, the socket of the running test is the one to use
    TestBed.overrideComponent(MySmallGroup, { set: { providers: [{ provide: MeetingSocket, useFactory: () => socket }] } });
    http = TestBed.inject(HttpTestingController);
    if (signedIn) TestBed.inject(AuthStore).setMe(meFixture());
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(`/meetings/${MEETING_ID}`, MeetingDetailPage);
    (await request('GET', URL)).flush(detail);
    // the embedded discussion list (tested on its own) loads for signed-in persons
    if (signedIn) (await request('GET', '/api/threads')).flush([]);
    await navigation;
    await settle();
  }

  function type(id: string, value: string): void {
    const input = one<HTMLInputElement>(id);
    if (!input) throw new Error(`no input ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  /** Waits until `check` holds (lazy libraries and dialogs settle asynchronously). */
  async function until(check: () => boolean): Promise<void> {
    let ok = check();
    for (let i = 0; i < 100 && !ok; i++) {
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 10));
      ok = check();
    }
    expect(ok).toBe(true);
  }

  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('shows time in Berlin, venue, seats, agenda with minutes and decisions with method and level', async () => {
    await open(meetingDetail({ startsAt: '2026-01-15T16:00:00.000Z', endsAt: '2026-01-15T19:00:00.000Z' }));

    expect(el().querySelectorAll('h1')).toHaveLength(1);
    expect(text('meeting-title')).toBe('9. Treffen der Wirtschaftsallianz');
    expect(text('meeting-number')).toBe('9. Plattformtreffen');
    expect(text('meeting-time')).toBe('Do., 15. Januar 2026, 17:00–20:00 Uhr');
    expect(text('meeting-venue')).toBe('Bottrop, Rathaus, Ernst-Wilczok-Platz 1');
    expect(text('meeting-seats')).toBe('12 von 60 Plätzen belegt');
    expect(el().querySelectorAll('[data-testid="agenda-item"]')).toHaveLength(2);
    expect(text('agenda-minutes')).toBe('Maßnahmen in Kleingruppen gesammelt.');
    expect(text('decision-method')).toBe('Methode: Konsent');
    expect(text('decision-level')).toBe('Beteiligungsstufe: Konsultieren');
    expect(one('meeting-run')).toBeNull();
    expect(one('guest-form')).toBeNull();
  });

  it('registers me and then shows my check-in code', async () => {
    await open(meetingDetail());
    one<HTMLButtonElement>('register')?.click();
    TestBed.tick();
    (await request('POST', `${URL}/registrations`)).flush({ status: 'registered', waitlistPosition: null });
    (await request('GET', URL)).flush(
      meetingDetail({ myStatus: 'registered', myCheckInCode: 'K7Q2XZ9A', registeredCount: 13, permissions: { canManage: false, canRegister: false } }),
    );
    await settle();
    // registered: my small group is looked up (none yet, so nothing is shown)
    (await request('GET', `${URL}/small-groups`)).flush([]);
    await settle();

    expect(text('meeting-notice')).toBe('Sie sind angemeldet. Ihren Check-in-Code finden Sie unten.');
    expect(text('check-in-code')).toBe('K7Q2XZ9A');
    expect(one('my-small-group')).toBeNull();
    // the code as a QR code too, loaded on demand
    await until(() => !!one('check-in-qr'));
    const qr = one<HTMLImageElement>('check-in-qr');
    expect(qr?.getAttribute('alt')).toBe('QR-Code zum Einchecken mit dem Code K7Q2XZ9A');
    expect(qr?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(text('registration-state')).toBe('Sie sind angemeldet.');
    expect(one('to-vote')?.getAttribute('href')).toBe(`/meetings/${MEETING_ID}/vote`);
  });

  it('puts me on the waiting list when the meeting is full', async () => {
    await open(meetingDetail({ capacity: 12, registeredCount: 12 }));
    expect(one('register')?.textContent?.trim()).toBe('Auf die Warteliste');
    one<HTMLButtonElement>('register')?.click();
    TestBed.tick();
    (await request('POST', `${URL}/registrations`)).flush({ status: 'waitlisted', waitlistPosition: 2 });
    (await request('GET', URL)).flush(
      meetingDetail({ capacity: 12, registeredCount: 12, waitlistCount: 2, myStatus: 'waitlisted', myWaitlistPosition: 2, permissions: { canManage: false, canRegister: false } }),
    );
    await settle();
    expect(text('meeting-notice')).toBe('Das Treffen ist ausgebucht. Sie stehen auf der Warteliste auf Platz 2.');
    expect(one('check-in-code')).toBeNull();
  });

  it('translates a closed registration', async () => {
    await open(meetingDetail());
    one<HTMLButtonElement>('register')?.click();
    TestBed.tick();
    (await request('POST', `${URL}/registrations`)).flush(
      { statusCode: 409, code: 'REGISTRATION_CLOSED', message: 'x', requestId: 'r' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(text('meeting-notice')).toBe('Die Anmeldung ist geschlossen.');
  });

  it('lets outsiders register for a public conference and tells them to check their mail', async () => {
    await open(
      meetingDetail({ kind: 'conference', seriesNumber: null, title: 'Fachtagung', visibility: 'public', endsAt: FUTURE, permissions: { canManage: false, canRegister: false } }),
      false,
    );
    expect(one('sign-in-to-register')).not.toBeNull();
    expect(one('guest-form')).not.toBeNull();

    // nothing is sent without the required fields and the consent
    one<HTMLButtonElement>('guest-submit')?.click();
    await settle();
    http.expectNone(`${URL}/guest-registrations`);
    expect(el().textContent).toContain('Ohne Ihr Einverständnis können wir Sie nicht anmelden.');

    type('guest-name', 'Gerda Gast');
    type('guest-email', 'gerda@example.org');
    type('guest-organisation', 'Stadt Gladbeck');
    one('guest-consent')?.querySelector<HTMLInputElement>('input')?.click();
    one<HTMLButtonElement>('guest-submit')?.click();
    TestBed.tick();
    const post = await request('POST', `${URL}/guest-registrations`);
    expect(post.request.body).toEqual({ name: 'Gerda Gast', email: 'gerda@example.org', organisation: 'Stadt Gladbeck', consent: true, locale: 'de' });
    post.flush({ status: 'pending_confirmation' }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(text('guest-success')).toContain('Bitte sehen Sie in Ihr Postfach (gerda@example.org)');
    expect(one('guest-form')).toBeNull();
  });

  it('offers the run and edit links to whoever runs the meeting', async () => {
    await open(meetingDetail({ permissions: { canManage: true, canRegister: true } }));
    expect(one('meeting-run')?.getAttribute('href')).toBe(`/meetings/${MEETING_ID}/run`);
    expect(one('meeting-edit')?.getAttribute('href')).toBe(`/meetings/${MEETING_ID}/edit`);
  });

  describe('cancelling the meeting', () => {
    it('shows a cancelled meeting with its reason, without the cancel action', async () => {
      await open(meetingDetail({ cancelled: true, cancelReason: 'Der Saal ist wegen eines Wasserschadens gesperrt.', permissions: { canManage: true, canRegister: false } }));
      expect(text('meeting-cancelled-banner')).toContain('Dieses Treffen ist abgesagt.');
      expect(text('meeting-cancel-reason')).toBe('Grund: Der Saal ist wegen eines Wasserschadens gesperrt.');
      expect(one('meeting-cancel')).toBeNull();
      expect(one('documents-mail-note')).toBeNull(); // nothing is mailed for a cancelled meeting
    });

    it('asks for the reason, confirms, and shows the cancelled meeting', async () => {
      await open(meetingDetail({ registeredCount: 12, waitlistCount: 2, endsAt: FUTURE, permissions: { canManage: true, canRegister: false } }));
      expect(one('meeting-cancelled-banner')).toBeNull();
      one<HTMLButtonElement>('meeting-cancel')?.click();
      await until(() => !!dialog()?.querySelector('h2')?.textContent?.trim());

      expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Treffen absagen?');
      expect(dialog()?.querySelector('[data-testid="cancel-meeting-mailed"]')?.textContent?.trim()).toBe(
        'Angemeldet: 12, auf der Warteliste: 2. Sie alle bekommen eine E-Mail mit dem Grund der Absage.',
      );
      // without a reason nothing is sent
      dialog()?.querySelector<HTMLButtonElement>('[data-testid="cancel-meeting-confirm"]')?.click();
      await settle();
      http.expectNone(`${URL}/cancel`);
      expect(dialog()?.textContent).toContain('Bitte nennen Sie den Grund');

      const reason = dialog()?.querySelector<HTMLTextAreaElement>('[data-testid="cancel-meeting-reason"]');
      if (!reason) throw new Error('no reason field');
      reason.value = '  Der Saal ist gesperrt.  ';
      reason.dispatchEvent(new Event('input'));
      dialog()?.querySelector<HTMLButtonElement>('[data-testid="cancel-meeting-confirm"]')?.click();
      const post = await request('POST', `${URL}/cancel`);
      expect(post.request.body).toEqual({ reason: 'Der Saal ist gesperrt.' });
      post.flush(meetingDetail({ cancelled: true, cancelReason: 'Der Saal ist gesperrt.', endsAt: FUTURE, permissions: { canManage: true, canRegister: false } }));
      await until(() => !dialog());

      expect(text('meeting-cancelled-banner')).toContain('Dieses Treffen ist abgesagt.');
      expect(text('meeting-cancel-reason')).toBe('Grund: Der Saal ist gesperrt.');
      expect(text('meeting-notice')).toBe('Das Treffen ist abgesagt. Alle Angemeldeten und die Personen auf der Warteliste bekommen eine E-Mail.');
      expect(text('meeting-cancelled')).toBe('Abgesagt');
      expect(one('meeting-cancel')).toBeNull();
    });

    it('leaves the meeting as it is when the dialog is left', async () => {
      await open(meetingDetail({ endsAt: FUTURE, permissions: { canManage: true, canRegister: false } }));
      one<HTMLButtonElement>('meeting-cancel')?.click();
      await until(() => !!dialog()?.querySelector('h2')?.textContent?.trim());
      dialog()?.querySelector<HTMLButtonElement>('[data-testid="cancel-meeting-back"]')?.click();
      await until(() => !dialog());
      http.expectNone(`${URL}/cancel`);
      expect(one('meeting-cancelled-banner')).toBeNull();
    });

    it('offers no cancel action to participants, nor once the meeting is over', async () => {
      await open(meetingDetail({ endsAt: FUTURE }));
      expect(one('meeting-cancel')).toBeNull();
      TestBed.resetTestingModule();
      await open(meetingDetail({ endsAt: '2020-01-01T18:00:00.000Z', permissions: { canManage: true, canRegister: false } }));
      expect(one('meeting-cancel')).toBeNull();
      expect(one('meeting-run')).not.toBeNull();
    });
  });

  describe('documents', () => {
    const documents = [
      doc({ id: 'doc-2', agendaItemId: 'a-2', filename: 'Zukunftsplan.pptx', sizeBytes: 3 * 1024 * 1024 + 300 * 1024 }),
      doc({}),
      doc({ id: 'doc-3', filename: 'Anfahrt.docx', sizeBytes: 900 }),
    ];

    function chooseFile(file: File): void {
      const input = one<HTMLInputElement>('document-file');
      if (!input) throw new Error('no file input');
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
    }

    function file(name: string, size = 1000): File {
      const f = new File(['x'], name, { type: 'application/octet-stream' });
      Object.defineProperty(f, 'size', { value: size });
      return f;
    }

    it('lists them by meeting and agenda item, tells when they are mailed, and downloads one', async () => {
      await open(meetingDetail({ documents, documentsMailDueAt: '2999-06-04T15:00:00.000Z' }));

      expect(text('documents-mail-note')).toBe('Die Unterlagen werden am Di., 4. Juni 2999 an alle Angemeldeten verschickt.');
      const groups = [...el().querySelectorAll('[data-testid="documents-group"]')].map((g) => g.textContent?.trim());
      expect(groups).toEqual(['Zum ganzen Treffen', 'TOP 2: Zukunftsplan']);
      const items = [...el().querySelectorAll('[data-testid="document"]')].map((d) => d.textContent?.replace(/\s+/g, ' ').trim());
      expect(items).toEqual([
        'Herunterladen: Anfahrt.docx DOCX, 900 B, hochgeladen am 20. Mai 2026, 10:30 Uhr',
        'Herunterladen: Einladung.pdf PDF, 250 KB, hochgeladen am 20. Mai 2026, 10:30 Uhr',
        'Herunterladen: Zukunftsplan.pptx PPTX, 3,3 MB, hochgeladen am 20. Mai 2026, 10:30 Uhr',
      ]);
      // participants neither upload nor delete
      expect(one('document-upload-form')).toBeNull();
      expect(one('document-remove')).toBeNull();

      const saved: string[] = [];
      const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push(`${this.download} ${this.href}`);
      });
      const createUrl = jest.fn(() => 'blob:doc-3');
      Object.assign(globalThis.URL, { createObjectURL: createUrl, revokeObjectURL: jest.fn() });
      try {
        one<HTMLButtonElement>('document-download')?.click();
        const get = await request('GET', `${URL}/documents/doc-3`);
        expect(get.request.responseType).toBe('blob');
        get.flush(new Blob(['docx']));
        await settle();
        expect(saved).toEqual(['Anfahrt.docx blob:doc-3']);
      } finally {
        click.mockRestore();
      }
    });

    it('checks type and size before uploading, then uploads for an agenda item', async () => {
      await open(meetingDetail({ documents: [], permissions: { canManage: true, canRegister: false } }));
      expect(text('documents-empty')).toBe('Noch keine Unterlagen.');
      expect(one<HTMLInputElement>('document-file')?.getAttribute('accept')).toBe('.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp');
      expect(el().querySelector('label[for="document-file"]')?.textContent?.trim()).toBe('Datei');

      // nothing chosen
      one<HTMLButtonElement>('document-upload')?.click();
      await settle();
      expect(text('document-problem')).toBe('Bitte wählen Sie zuerst eine Datei.');

      chooseFile(file('Foto.jpg'));
      await settle();
      expect(text('document-problem')).toBe(
        '„Foto.jpg“ hat keine erlaubte Dateiart. Erlaubt sind: PDF, DOC, DOCX, XLS, XLSX, PPT, PPTX, ODT, ODS, ODP.',
      );
      expect(one('document-file')?.getAttribute('aria-invalid')).toBe('true');
      one<HTMLButtonElement>('document-upload')?.click();
      await settle();

      chooseFile(file('Protokoll.PDF', 12 * 1024 * 1024));
      await settle();
      expect(text('document-problem')).toBe('„Protokoll.PDF“ ist zu groß (12 MB). Erlaubt sind höchstens 10 MB.');
      one<HTMLButtonElement>('document-upload')?.click();
      await settle();
      http.expectNone({ method: 'POST', url: `${URL}/documents` });
      expect(document.activeElement).toBe(one('document-file'));

      const good = file('Zukunftsplan.pdf', 2048);
      chooseFile(good);
      await settle();
      expect(text('document-problem')).toBe('');
      const target = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(
        MatSelectHarness.with({ selector: '[data-testid="document-target"]' }),
      );
      await target.open();
      await target.clickOptions({ text: 'TOP 2: Zukunftsplan' });
      one<HTMLButtonElement>('document-upload')?.click();
      const post = await request('POST', `${URL}/documents`);
      const body = post.request.body as FormData;
      expect((body.get('file') as File).name).toBe('Zukunftsplan.pdf');
      expect(body.get('agendaItemId')).toBe('a-2');
      post.flush(doc({ id: 'doc-9', agendaItemId: 'a-2', filename: 'Zukunftsplan.pdf', sizeBytes: 2048 }));
      await settle();

      expect(text('documents-outcome')).toBe('„Zukunftsplan.pdf“ ist hochgeladen.');
      expect([...el().querySelectorAll('[data-testid="documents-group"]')].map((g) => g.textContent?.trim())).toEqual(['TOP 2: Zukunftsplan']);
      expect(text('document')).toContain('Zukunftsplan.pdf');
    });

    it('explains the refusals of the API', async () => {
      await open(meetingDetail({ documents: [], agenda: [], permissions: { canManage: true, canRegister: false } }));
      expect(one('document-target')).toBeNull(); // no agenda: always the meeting's own

      chooseFile(file('Tabelle.xlsx'));
      one<HTMLButtonElement>('document-upload')?.click();
      let post = await request('POST', `${URL}/documents`);
      expect((post.request.body as FormData).get('agendaItemId')).toBeNull();
      post.flush({ statusCode: 400, code: 'DOCUMENT_TYPE_NOT_ALLOWED', message: 'x', requestId: 'r' }, { status: 400, statusText: 'Bad Request' });
      await settle();
      expect(text('documents-outcome')).toContain('Diese Datei ist keine erlaubte Unterlage.');

      one<HTMLButtonElement>('document-upload')?.click();
      post = await request('POST', `${URL}/documents`);
      post.flush({ statusCode: 413, message: 'too large' }, { status: 413, statusText: 'Payload Too Large' });
      await settle();
      expect(text('documents-outcome')).toBe('Die Datei ist zu groß. Erlaubt sind höchstens 10 MB.');
    });

    it('deletes a document after confirming', async () => {
      await open(meetingDetail({ documents: [doc({})], permissions: { canManage: true, canRegister: false } }));
      one<HTMLButtonElement>('document-remove')?.click();
      await until(() => !!dialog()?.querySelector('h2')?.textContent?.trim());
      expect(dialog()?.textContent).toContain('„Einladung.pdf“ wird gelöscht');
      dialog()?.querySelector<HTMLButtonElement>('[data-testid="confirm-dialog-confirm"]')?.click();
      const del = await request('DELETE', `${URL}/documents/doc-1`);
      del.flush(null, { status: 204, statusText: 'No Content' });
      await until(() => !dialog());
      await settle();
      expect(text('documents-outcome')).toBe('„Einladung.pdf“ ist gelöscht.');
      expect(one('document')).toBeNull();
    });
  });

  describe('my small group', () => {
    const registered = () => meetingDetail({ myStatus: 'registered', myCheckInCode: 'K7Q2XZ9A', permissions: { canManage: false, canRegister: false } });

    it('shows my small group with its members and lets me save its note; follows changes live', async () => {
      await open(registered());
      const groups = [
        smallGroup({ id: 'sg-1', name: 'Leerstand', members: [{ registrationId: 'r-1', name: 'Anna Beispiel' }, { registrationId: 'r-2', name: 'Markus Kamps' }], canEditNote: true, note: 'Erste Ideen', noteUpdatedAt: '2026-06-11T15:40:00.000Z' }),
        smallGroup({ id: 'sg-2', name: 'Azubis', members: [{ registrationId: 'r-3', name: 'Jana Brinkmann' }] }),
      ];
      (await request('GET', `${URL}/small-groups`)).flush(groups);
      await settle();

      expect(el().querySelector('#my-small-group-heading')?.textContent?.trim()).toBe('Meine Kleingruppe');
      expect(el().querySelectorAll('[data-testid="small-group"]')).toHaveLength(1);
      expect(text('small-group-name')).toBe('Leerstand');
      expect([...el().querySelectorAll('[data-testid="small-group-members"] li')].map((li) => li.textContent?.trim())).toEqual([
        'Anna Beispiel',
        'Markus Kamps',
      ]);
      expect(text('small-group-note-updated')).toBe('Zuletzt gespeichert: 11. Juni 2026, 17:40 Uhr');
      expect(one('small-group-rename')).toBeNull(); // only who runs the meeting renames
      await until(() => socket.joined.length > 0); // live while there is a group to show
      expect(socket.joined).toEqual([MEETING_ID]);

      const note = one<HTMLTextAreaElement>('small-group-note');
      if (!note) throw new Error('no note');
      expect(note.value).toBe('Erste Ideen');
      note.value = 'Erste Ideen\nLeerstandsbörse starten';
      note.dispatchEvent(new Event('input'));
      one<HTMLButtonElement>('small-group-note-save')?.click();
      const put = await request('PUT', `${URL}/small-groups/sg-1`);
      expect(put.request.body).toEqual({ note: 'Erste Ideen\nLeerstandsbörse starten' });
      put.flush([{ ...groups[0], note: 'Erste Ideen\nLeerstandsbörse starten', noteUpdatedAt: '2026-06-11T15:45:00.000Z' }, groups[1]]);
      await settle();
      expect(text('my-small-group-outcome')).toBe('Die Notiz von „Leerstand“ ist gespeichert.');
      expect(text('small-group-note-updated')).toBe('Zuletzt gespeichert: 11. Juni 2026, 17:45 Uhr');

      // another member changed the note
      socket.smallGroups.next();
      (await request('GET', `${URL}/small-groups`)).flush([{ ...groups[0], note: 'Von Markus ergänzt', noteUpdatedAt: '2026-06-11T15:50:00.000Z' }, groups[1]]);
      await settle();
      expect(one<HTMLTextAreaElement>('small-group-note')?.value).toBe('Von Markus ergänzt');
    });

    it('shows nothing when I am in no small group', async () => {
      await open(registered());
      (await request('GET', `${URL}/small-groups`)).flush([smallGroup({})]);
      await settle();
      expect(one('my-small-group')).toBeNull();
      expect(socket.joined).toEqual([]);
    });
  });

  it('embeds the meeting’s threads; new topics only for those taking part', async () => {
    await open(meetingDetail());
    const list = el().querySelector('alm-thread-list');
    expect(list?.querySelector('h2')?.textContent?.trim()).toBe('Diskussion');
    expect(list?.querySelector('[data-testid="new-thread-toggle"]')).toBeNull();
    expect(list?.querySelector('[data-testid="thread-list-participants-only"]')).not.toBeNull();
  });
});
