import type { CheckInListEntryDto, MeetingPage, PollDto } from '@allmende/contracts';
import { ApiProcess, axeViolations, launchBrowser, startApi, signIn, apiToken, type ApiCallInit, apiCall as apiCallAt } from '@allmende/e2e-support';
import { Browser, BrowserContext, Page } from 'playwright-core';

const OFFICE = 'office@allmende.example';
const MEMBER = 'member@allmende.example';
const CONFERENCE = 'Fachtagung: Lokale Wirtschaftsstrukturen transformieren';

/**
 * Meetings against the built app with the Bottrop demo data: an outsider registers for
 * the conference and confirms by the mailed link; the office runs a live dot vote that
 * a checked-in member joins from a second browser; axe scans. Without SMTP the API
 * writes every mail to its log, which is where the confirmation link comes from.
 */
describe('meetings in the browser', () => {
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // LOG_LEVEL info: the mail log lines are info
    [api, browser] = await Promise.all([startApi({ env: { LOG_LEVEL: 'info' } }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'America/New_York' });
    contexts.push(context);
    return context.newPage();
  }

  const apiCall = <T>(path: string, init?: ApiCallInit) => apiCallAt<T>(api.url, path, init);
  const token = (email: string) => apiToken(api.url, email);

  /** The next meeting of a kind, as the API lists it (members' meetings need a token). */
  async function upcoming(kind: string, accessToken?: string): Promise<MeetingPage['items'][number]> {
    const from = new Date().toISOString();
    const page = await apiCall<MeetingPage>(`/api/meetings?kind=${kind}&from=${encodeURIComponent(from)}`, { token: accessToken });
    if (!page.items.length) throw new Error(`no upcoming ${kind}`);
    return page.items[0];
  }

  /** Waits for a line the API logged (a mail) that matches, and returns the match. */
  async function waitForLog(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = api.output().match(pattern);
      if (match) return match;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nothing in the API log matches ${pattern}`);
  }

  it('an outsider registers for the conference, confirms by mail, and the office finds the guest at check-in', async () => {
    const conference = await upcoming('conference');
    expect(conference.title).toContain(CONFERENCE);
    const guest = `Gerda Gast ${Date.now() % 100_000}`;

    const page = await newPage();
    await page.goto(`${api.url}/meetings`);
    await page.getByTestId('meeting-list').getByRole('link', { name: conference.title }).click();
    await page.getByRole('heading', { level: 1, name: conference.title }).waitFor();

    // the form for outsiders: nothing is sent without consent
    const form = page.getByTestId('guest-form');
    await form.getByLabel('Name').fill(guest);
    await form.getByLabel('E-Mail-Adresse').fill('gerda.gast@example.org');
    await form.getByLabel('Organisation (optional)').fill('Stadt Gladbeck');
    await form.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('Ohne Ihr Einverständnis können wir Sie nicht anmelden.').waitFor();
    await form.getByRole('checkbox', { name: /einverstanden/ }).check();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByTestId('guest-success').getByText('Bitte sehen Sie in Ihr Postfach (gerda.gast@example.org)', { exact: false }).waitFor();

    // the mail (logged, no SMTP here) carries the confirmation link
    const [link] = await waitForLog(new RegExp(`/meetings/${conference.id}/confirm\\?token=[A-Za-z0-9_-]+`));
    await page.goto(`${api.url}${link}`);
    await page.getByRole('heading', { level: 1, name: 'Anmeldung bestätigen' }).waitFor();
    await page.getByTestId('link-done').getByText('Ihre Anmeldung ist bestätigt.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // the same link a second time is used up
    await page.goto(`${api.url}${link}`);
    await page.getByTestId('link-failed').getByText('Der Link ist ungültig oder wurde schon benutzt.').waitFor();

    // the office sees the guest in the check-in list of the run screen
    await signIn(page, api.url, OFFICE);
    await page.goto(`${api.url}/meetings/${conference.id}/run`);
    await page.getByRole('heading', { level: 1, name: `Treffen leiten: ${conference.title}` }).waitFor();
    await page.getByLabel('Name suchen').fill('Gerda Gast');
    const entry = page.getByTestId('check-in-entry').filter({ hasText: guest });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Stadt Gladbeck');
    expect(await entry.textContent()).toContain('Gast');
    // the button names the person ("Einchecken: <name>"; the hidden part adds a space)
    await entry.getByRole('button', { name: new RegExp(`^Einchecken\\s*: ${guest}$`) }).click();
    await page.getByTestId('check-in-outcome').getByText(`${guest} ist eingecheckt.`).waitFor();
    await page.getByTestId('checked-in-count').getByText('Eingecheckt: 1').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the office opens a dot vote, a checked-in member votes on the phone, and the office sees it live', async () => {
    // set-up through the API: the member registers, the office checks them in
    const [officeToken, memberToken] = [await token(OFFICE), await token(MEMBER)];
    const plenary = await upcoming('plenary', memberToken);
    await apiCall(`/api/meetings/${plenary.id}/registrations`, { method: 'POST', token: memberToken });
    const list = await apiCall<CheckInListEntryDto[]>(`/api/meetings/${plenary.id}/check-ins?q=${encodeURIComponent('Markus Kamps')}`, {
      token: officeToken,
    });
    const registration = list.find((e) => e.name === 'Markus Kamps');
    if (!registration) throw new Error('the member is not on the check-in list');
    await apiCall(`/api/meetings/${plenary.id}/check-ins`, { method: 'POST', token: officeToken, body: { registrationId: registration.registrationId } });

    // the office opens the vote on the run screen
    const office = await newPage();
    await signIn(office, api.url, OFFICE);
    await office.goto(`${api.url}/meetings/${plenary.id}/run`);
    await office.getByRole('heading', { level: 1, name: `Treffen leiten: ${plenary.title}` }).waitFor();
    await office.getByTestId('connection').getByText('Live verbunden', { exact: false }).waitFor();
    await office.getByRole('tab', { name: 'Punktabfrage' }).click();
    const pollForm = office.getByTestId('poll-form');
    await pollForm.getByLabel('Frage').fill('Welche Maßnahme packen wir zuerst an?');
    await pollForm.getByLabel('Möglichkeit 1').fill('Leerstandsbörse');
    await pollForm.getByLabel('Möglichkeit 2').fill('Azubi-Speeddating');
    await pollForm.getByRole('button', { name: 'Möglichkeit hinzufügen' }).click();
    await pollForm.getByLabel('Möglichkeit 3').fill('Gemeinsamer Lieferdienst');
    await pollForm.getByLabel('Punkte pro Person').fill('3');
    await pollForm.getByRole('button', { name: 'Abstimmung starten' }).click();
    const running = office.getByTestId('run-poll').filter({ hasText: 'Welche Maßnahme packen wir zuerst an?' });
    await running.getByTestId('poll-summary').getByText('0 Punkte von 0 Personen').waitFor();
    expect(await axeViolations(office)).toEqual([]);
    // to tell a live update from a reload
    await office.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // the member votes on a phone
    const member = await newPage();
    await member.setViewportSize({ width: 390, height: 844 });
    await signIn(member, api.url, MEMBER);
    await member.goto(`${api.url}/meetings/${plenary.id}/vote`);
    await member.getByRole('heading', { level: 1, name: `Punktabfrage: ${plenary.title}` }).waitFor();
    const card = member.getByTestId('vote-poll').filter({ hasText: 'Welche Maßnahme packen wir zuerst an?' });
    await card.getByTestId('dots-left').getByText('Noch 3 von 3 Punkten frei').waitFor();
    const more = (option: string) => card.getByRole('button', { name: `Einen Punkt mehr für „${option}“` });
    await more('Leerstandsbörse').click();
    await more('Leerstandsbörse').click();
    await more('Azubi-Speeddating').click();
    await card.getByTestId('dots-left').getByText('Noch 0 von 3 Punkten frei').waitFor();
    expect(await more('Gemeinsamer Lieferdienst').isDisabled()).toBe(true);
    expect(await axeViolations(member)).toEqual([]);
    await card.getByRole('button', { name: 'Punkte abgeben' }).click();
    await member.getByTestId('vote-notice').getByText('Ihre Punkte sind gespeichert.').waitFor();

    // the office's screen shows the dots without reloading
    await running.getByTestId('poll-summary').getByText('3 Punkte von 1 Person').waitFor({ timeout: 10_000 });
    const values = await running.getByTestId('poll-result-value').allTextContents();
    expect(values.map((v) => v.trim())).toEqual(['2 Punkte', '1 Punkt', '0 Punkte']);
    expect(await office.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // closing the vote reaches the member live, too
    await running.getByRole('button', { name: /Abstimmung beenden/ }).click();
    await running.getByRole('button', { name: 'Jetzt beenden' }).click();
    await office.getByTestId('voting-outcome').getByText('Die Abstimmung ist beendet.').waitFor();
    await member.getByTestId('closed-poll').filter({ hasText: 'Welche Maßnahme packen wir zuerst an?' }).waitFor();
    const polls = await apiCall<PollDto[]>(`/api/meetings/${plenary.id}/polls`, { token: memberToken });
    expect(polls.find((p) => p.question === 'Welche Maßnahme packen wir zuerst an?')?.status).toBe('closed');
  });

  it('the office creates a workshop with the form, in Berlin time', async () => {
    const page = await newPage();
    await signIn(page, api.url, OFFICE);
    await page.goto(`${api.url}/meetings`);
    await page.getByRole('link', { name: 'Neues Treffen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neues Treffen' }).waitFor();

    // an empty form explains itself
    await page.getByRole('button', { name: 'Treffen anlegen' }).click();
    await page.getByText('Bitte geben Sie einen Titel ein.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Art des Treffens' }).click();
    await page.getByRole('option', { name: 'Workshop' }).click();
    await page.getByLabel('Titel').fill('Workshop Reallabore auswerten');
    const start = page.getByRole('group', { name: 'Beginn' });
    await start.getByLabel('Datum').fill('2031-03-20');
    await start.getByLabel('Uhrzeit').fill('09:30');
    await page.getByRole('group', { name: 'Ende' }).getByLabel('Uhrzeit').fill('12:00');
    await page.getByLabel('Gastgebende Organisation').pressSequentially('Stadt Bot');
    await page.getByRole('option', { name: /Wirtschaftsförderung/ }).click();
    await page.getByLabel('Plätze').fill('25');
    await page.getByRole('button', { name: 'Treffen anlegen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Workshop Reallabore auswerten' }).waitFor();
    await page.getByText('Das Treffen ist angelegt.').waitFor();
    // shown in Berlin time although this browser runs on New York time
    expect(await page.getByTestId('meeting-time').textContent()).toContain('20. März 2031, 09:30–12:00 Uhr');
    expect(await page.getByTestId('meeting-venue').textContent()).toContain('Stadt Bottrop – Amt für Wirtschaftsförderung');
    expect(await page.getByTestId('meeting-seats').textContent()).toContain('0 von 25 Plätzen belegt');
    expect(await page.getByTestId('meeting-kind').textContent()).toContain('Workshop');
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const stored = await apiCall<{ startsAt: string }>(`/api/meetings/${id}`, { token: await token(OFFICE) });
    expect(stored.startsAt).toBe('2031-03-20T08:30:00.000Z');
  });

  describe('accessibility (axe)', () => {
    it('/meetings has no violations, signed out and signed in', async () => {
      const page = await newPage();
      await page.goto(`${api.url}/meetings`);
      await page.getByTestId('meeting-list').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);

      await signIn(page, api.url, MEMBER);
      await page.goto(`${api.url}/meetings?tab=past`);
      await page.getByTestId('meeting-list').getByRole('link', { name: '8. Treffen der Wirtschaftsallianz' }).waitFor();
      await page.getByRole('button', { name: 'Kalenderadresse erzeugen' }).click();
      await page.getByTestId('feed-url').waitFor();
      expect(await page.getByTestId('feed-url').inputValue()).toMatch(/\/api\/calendar\/feeds\/.+\.ics$/);
      expect(await axeViolations(page)).toEqual([]);
    });

    it('a past plenary with agenda, minutes and decisions has no violations', async () => {
      const page = await newPage();
      await signIn(page, api.url, MEMBER);
      await page.goto(`${api.url}/meetings?tab=past&kind=plenary`);
      await page.getByTestId('meeting-list').getByRole('link', { name: '8. Treffen der Wirtschaftsallianz' }).click();
      await page.getByRole('heading', { level: 1, name: '8. Treffen der Wirtschaftsallianz' }).waitFor();
      await page.getByTestId('decision').first().waitFor();
      expect(await page.getByTestId('decision-method').first().textContent()).toContain('Konsens');
      // times are Berlin times, whatever the browser's time zone (New York here)
      expect(await page.getByTestId('meeting-time').textContent()).toContain('5. September 2019, 17:00–20:00 Uhr');
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('the office attaches a decision paper and forms small groups; a member downloads it, shows the QR code and writes the group note', async () => {
    const [officeToken, memberToken] = [await token(OFFICE), await token(MEMBER)];
    const plenary = await upcoming('plenary', memberToken);
    await apiCall(`/api/meetings/${plenary.id}/registrations`, { method: 'POST', token: memberToken });
    const [entry] = await apiCall<CheckInListEntryDto[]>(`/api/meetings/${plenary.id}/check-ins?q=${encodeURIComponent('Markus Kamps')}`, { token: officeToken });
    await apiCall(`/api/meetings/${plenary.id}/check-ins`, { method: 'POST', token: officeToken, body: { registrationId: entry.registrationId } });

    // the office uploads a PDF on the meeting page
    const office = await newPage();
    await signIn(office, api.url, OFFICE);
    await office.goto(`${api.url}/meetings/${plenary.id}`);
    await office.getByRole('heading', { level: 2, name: 'Unterlagen' }).waitFor();
    await office.getByTestId('document-file').setInputFiles({ name: 'Tagesordnung.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nTagesordnung\n%%EOF\n') });
    await office.getByTestId('document-upload').click();
    await office.getByTestId('documents-outcome').getByText('„Tagesordnung.pdf“ ist hochgeladen.').waitFor();
    await office.getByTestId('document').filter({ hasText: 'Tagesordnung.pdf' }).waitFor();
    expect(await axeViolations(office)).toEqual([]);

    // the office spreads the checked-in attendees over small groups on the run screen
    await office.goto(`${api.url}/meetings/${plenary.id}/run`);
    await office.getByRole('tab', { name: 'Kleingruppen' }).click();
    await office.getByTestId('small-group-count').fill('1');
    await office.getByTestId('small-group-distribute').click();
    const group = office.getByTestId('small-group').filter({ hasText: 'Markus Kamps' });
    await group.waitFor();
    expect(await axeViolations(office)).toEqual([]);

    // the member sees the documents and the QR code of their check-in code, and writes the group's note
    const member = await newPage();
    await signIn(member, api.url, MEMBER);
    await member.goto(`${api.url}/meetings/${plenary.id}`);
    await member.getByTestId('document').filter({ hasText: 'Tagesordnung.pdf' }).waitFor();
    const qr = member.getByTestId('check-in-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('alt')).toMatch(/^QR-Code zum Einchecken mit dem Code [A-Z0-9]+$/);
    const [download] = await Promise.all([
      member.waitForEvent('download'),
      member.getByTestId('document').filter({ hasText: 'Tagesordnung.pdf' }).getByTestId('document-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('Tagesordnung.pdf');
    const mine = member.getByTestId('my-small-group');
    await mine.getByTestId('small-group-note').fill('Wir stellen den Maschinenring vor.');
    await mine.getByTestId('small-group-note-save').click();
    await mine.getByTestId('small-group-note-updated').waitFor();
    expect(await axeViolations(member)).toEqual([]);

    // the office's run screen shows the note live
    await group.getByTestId('small-group-note').and(office.locator('textarea')).waitFor();
    await office.waitForFunction(
      () => [...document.querySelectorAll('[data-testid=small-group-note]')].some((e) => (e as HTMLTextAreaElement).value === 'Wir stellen den Maschinenring vor.'),
      undefined,
      { timeout: 10_000 },
    );
  });
});
