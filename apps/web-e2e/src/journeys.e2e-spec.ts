import type { MeetingPage } from '@allmende/contracts';
import { ApiProcess, axeViolations, launchBrowser, startApi, signIn, apiToken, type ApiCallInit, apiCall as apiCallAt } from '@allmende/e2e-support';
import { Browser, BrowserContext, Page } from 'playwright-core';

const BUSINESS = 'kaya@demo.allmende.example';
const OFFICE = 'office@allmende.example';
const MEMBER = 'member@allmende.example';
const RESEARCHER = 'researcher@allmende.example';
const WORKSHOP = 'Digitale Werkstatt Handwerk';
const PLENARY = '9. Treffen der Wirtschaftsallianz';

/**
 * Journeys across the app against the built app with the Bottrop demo data, in German:
 * a business finds a group by the search, joins it and registers for a meeting; the office
 * approves a member and checks someone in; a researcher exports data. Then axe scans of the
 * main pages, signed out and signed in.
 */
describe('journeys in the browser', () => {
  let api: ApiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'de-DE' });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  const apiCall = <T>(path: string, init?: ApiCallInit) => apiCallAt<T>(api.url, path, init);
  const token = (email: string) => apiToken(api.url, email);

  const mainNav = () => page.getByRole('navigation', { name: 'Hauptnavigation' });
  /** A section of the start page, by its heading (the heading also shows the count). */
  const startSection = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });

  it('a business searches from the app bar, joins the crafts group and registers for an upcoming meeting', async () => {
    await signIn(page, api.url, BUSINESS);

    // the search box in the app bar
    const search = page.getByRole('banner').getByRole('search', { name: 'Suche' });
    await search.getByRole('searchbox', { name: 'Suche' }).fill('Handwerksbetriebe');
    await search.getByRole('searchbox', { name: 'Suche' }).press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'Handwerksbetriebe');
    await page.getByRole('heading', { level: 1, name: 'Suche nach „Handwerksbetriebe“' }).waitFor();
    const groups = page.getByRole('region', { name: /^Arbeitsgruppen \(\d+\)$/ });
    const hit = groups.getByTestId('search-hit').filter({ has: page.getByRole('link', { name: WORKSHOP, exact: true }) });
    // the match is highlighted in the snippet
    await hit.locator('mark').filter({ hasText: 'Handwerksbetriebe' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await hit.getByRole('link', { name: WORKSHOP, exact: true }).click();

    // the group page: join
    await page.getByRole('heading', { level: 1, name: WORKSHOP }).waitFor();
    await page.getByRole('button', { name: 'Beitreten', exact: true }).click();
    await page.getByTestId('group-notice').getByText(`Sie sind jetzt Mitglied von „${WORKSHOP}“.`).waitFor();

    // the start page lists the group among mine; no meeting yet, with the way to them
    await mainNav().getByRole('link', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Willkommen, Sophie Kaya' }).waitFor();
    await startSection('Meine Arbeitsgruppen').getByRole('link', { name: WORKSHOP }).waitFor();
    const meetings = startSection('Meine nächsten Treffen');
    await meetings.getByText('Sie sind für kein kommendes Treffen angemeldet.').waitFor();
    await meetings.getByRole('link', { name: 'Kommende Treffen ansehen und anmelden' }).click();

    // an upcoming meeting's page: register
    await page.getByTestId('meeting-list').getByRole('link', { name: PLENARY }).click();
    await page.getByRole('heading', { level: 1, name: PLENARY }).waitFor();
    await page.getByTestId('registration').getByRole('button', { name: 'Zum Treffen anmelden' }).click();
    await page.getByTestId('registration-state').getByText('Sie sind angemeldet.').waitFor();
    await page.getByTestId('check-in-code').waitFor();

    // back on the start page the meeting shows with my registration
    await mainNav().getByRole('link', { name: 'Start', exact: true }).click();
    const mine = startSection('Meine nächsten Treffen').getByTestId('start-meeting').filter({ hasText: PLENARY });
    await mine.getByTestId('meeting-my-status').getByText('Angemeldet').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the office approves a waiting member, then runs a meeting and checks someone in by search', async () => {
    // set-up through the API: a member registers for the next plenary
    const memberToken = await token(MEMBER);
    const from = new Date().toISOString();
    const plenaries = await apiCall<MeetingPage>(`/api/meetings?kind=plenary&from=${encodeURIComponent(from)}`, { token: memberToken });
    const plenary = plenaries.items.find((m) => m.title === PLENARY);
    if (!plenary) throw new Error(`no upcoming "${PLENARY}"`);
    await apiCall(`/api/meetings/${plenary.id}/registrations`, { method: 'POST', token: memberToken });

    await signIn(page, api.url, OFFICE);
    await page.goto(`${api.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Willkommen, Petra Wiegand' }).waitFor();

    // the start page: what waits for the office leads to the approval queue
    const approvals = startSection('Aufgaben der Geschäftsstelle').getByRole('link', { name: /Unterzeichnungen warten auf Freigabe/ });
    const waiting = Number((await approvals.textContent())?.match(/\d+/)?.[0]);
    expect(waiting).toBeGreaterThan(0);
    await approvals.click();
    await page.getByRole('heading', { level: 1, name: 'Mitglieder verwalten' }).waitFor();
    const rows = page.getByTestId('queue-row');
    await rows.first().waitFor();
    const name = (await rows.first().locator('.person-name').textContent())?.trim() ?? '';
    expect(name).not.toBe('');
    await rows.first().getByRole('button', { name: new RegExp(`^Freigeben\\s*:\\s*${name}$`) }).click();
    await page.getByTestId('queue-notice').getByText(`${name} ist jetzt unterzeichnendes Mitglied.`).waitFor();

    // one task less on the start page
    await mainNav().getByRole('link', { name: 'Start', exact: true }).click();
    await startSection('Aufgaben der Geschäftsstelle')
      .getByRole('link', { name: `${waiting - 1} Unterzeichnungen warten auf Freigabe` })
      .waitFor();

    // run the plenary: open it from the meetings, go to its run screen, check the member in by name
    await mainNav().getByRole('link', { name: 'Treffen', exact: true }).click();
    await page.getByTestId('meeting-list').getByRole('link', { name: PLENARY }).click();
    await page.getByRole('heading', { level: 1, name: PLENARY }).waitFor();
    await page.getByRole('link', { name: 'Treffen leiten' }).click();
    await page.getByRole('heading', { level: 1, name: `Treffen leiten: ${PLENARY}` }).waitFor();
    await page.getByLabel('Name suchen').fill('Kamps');
    const entry = page.getByTestId('check-in-entry').filter({ hasText: 'Markus Kamps' });
    await entry.getByRole('button', { name: /^Einchecken\s*: Markus Kamps$/ }).click();
    await page.getByTestId('check-in-outcome').getByText('Markus Kamps ist eingecheckt.').waitFor();
    await page.getByTestId('checked-in-count').getByText(/Eingecheckt: [1-9]/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a researcher creates a study and exports the data as CSV', async () => {
    await signIn(page, api.url, RESEARCHER);
    await page.goto(`${api.url}/research/export`);
    await page.getByRole('heading', { level: 1, name: 'Pseudonymisierter Datenexport' }).waitFor();

    const study = `Teilhabe im Handwerk ${Date.now() % 100_000}`;
    await page.getByLabel('Name der Studie').fill(study);
    await page.getByRole('button', { name: 'Studie anlegen' }).click();
    await page.getByTestId('export-status').getByText(`Die Studie „${study}“ ist angelegt und ausgewählt.`).waitFor();

    const form = page.getByTestId('export-form');
    await form.getByRole('combobox', { name: 'Studie' }).getByText(study).waitFor();
    await form.getByRole('radio', { name: 'CSV' }).check();
    await form.getByRole('button', { name: 'Export erstellen' }).click();

    await page.getByTestId('export-status').getByText(/Export fertig: .* 3 Dateien zum Herunterladen/).waitFor({ timeout: 30_000 });
    const files = page.getByTestId('export-files').getByRole('listitem');
    expect(await files.count()).toBe(3);
    // the two tables as CSV and the codebook that explains them
    const names = (await files.locator('.file-name').allTextContents()).map((n) => n.trim());
    expect(names).toEqual([expect.stringMatching(/persons\.csv$/), expect.stringMatching(/events\.csv$/), expect.stringMatching(/codebook\.md$/)]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      files.filter({ hasText: 'persons.csv' }).getByRole('button', { name: /^Herunterladen/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^teilhabe-im-handwerk-\d+-\d{4}-\d{2}-\d{2}-persons\.csv$/);
    await page.getByTestId('export-log').getByRole('cell', { name: study }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  describe('accessibility (axe) of the main pages', () => {
    /** Waits until the page has loaded its data: its marker, and no request left. */
    async function scan(path: string, loaded: (p: Page) => Promise<void>): Promise<void> {
      await page.goto(`${api.url}${path}`);
      await loaded(page);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('main h1').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    }

    const signedOut: [path: string, loaded: (p: Page) => Promise<void>][] = [
      ['/', (p) => p.getByTestId('about-conference').first().waitFor()],
      ['/about', (p) => p.getByTestId('action-field-list').waitFor()],
      ['/search?q=Handwerk', (p) => p.getByTestId('search-group').first().waitFor()],
      ['/groups', (p) => p.getByTestId('group-list').waitFor()],
      ['/meetings', (p) => p.getByTestId('meeting-list').waitFor()],
      ['/strategy', (p) => p.getByTestId('leitziel').first().waitFor()],
      ['/members', (p) => p.getByTestId('directory-list').waitFor()],
    ];
    for (const [path, loaded] of signedOut) {
      it(`${path} has no violations, signed out`, async () => {
        await scan(path, loaded);
      });
    }

    it('the public page has a title and a description for sharing', async () => {
      await page.goto(`${api.url}/about`);
      await page.getByTestId('action-field-list').waitFor();
      expect(await page.title()).toBe('Die Allianz · Allmende');
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/^Die Wirtschaftsallianz Bottrop:/);
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe('Die Allianz · Allmende');
    });

    it('/, /threads and /boards have no violations, signed in', async () => {
      await signIn(page, api.url, OFFICE);
      await scan('/', (p) => p.getByTestId('start-sections').waitFor());
      await scan('/threads', (p) => p.getByRole('heading', { level: 1 }).waitFor());
      await scan('/boards', (p) => p.getByRole('heading', { level: 1 }).waitFor());
    });

    it('a phone (360 px): the navigation and the search collapse into buttons', async () => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${api.url}/`);
      await page.getByTestId('about-conference').first().waitFor();
      const banner = page.getByRole('banner');
      expect(await banner.getByRole('searchbox').isVisible()).toBe(false);
      await banner.getByRole('button', { name: 'Suche' }).click();
      await banner.getByRole('searchbox', { name: 'Suche' }).fill('Werkstatt');
      await banner.getByRole('searchbox', { name: 'Suche' }).press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Suche nach „Werkstatt“' }).waitFor();
      await page.getByTestId('nav-menu-button').click();
      await page.getByRole('menuitem', { name: 'Handlungsfelder' }).click();
      await page.getByTestId('action-field-list').waitFor();
      // nothing wider than the screen
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
