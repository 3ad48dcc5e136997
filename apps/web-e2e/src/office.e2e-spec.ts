import { ApiProcess, axeViolations, launchBrowser, startApi, signIn } from '@allmende/e2e-support';
import { Browser, BrowserContext, Page } from 'playwright-core';

/** Office journeys (approval queue) and the public alliance pages, against the built app with the Bottrop demo data. */
describe('office and directory in the browser', () => {
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

  /** Signs in through the login page and lands on `returnUrl`. */
  it('lets the office approve a signature from the queue', async () => {
    await signIn(page, api.url, 'office@allmende.example', '/office/members');
    await page.getByRole('heading', { level: 1, name: 'Mitglieder verwalten' }).waitFor();

    const rows = page.getByTestId('queue-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    const name = (await rows.first().locator('.person-name').textContent())?.trim() ?? '';
    expect(name).not.toBe('');

    // the button's accessible name says whom it approves
    await rows.first().getByRole('button', { name: new RegExp(`^Freigeben\\s*:\\s*${name}$`) }).click();

    await page.getByTestId('queue-notice').getByText(`${name} ist jetzt unterzeichnendes Mitglied.`).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="queue-row"]').length === 2);
    expect(await page.getByTestId('approval-queue').getByText(name).count()).toBe(0);

    // the change is stored: after a reload the person is still gone from the queue …
    await page.reload();
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await page.getByTestId('approval-queue').getByText(name).count()).toBe(0);

    // … and listed as a signatory among all members
    await page.getByRole('tab', { name: 'Alle Mitglieder' }).click();
    await page.getByLabel('Name oder E-Mail-Adresse').fill(name);
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    const memberRow = page.getByTestId('member-row').filter({ hasText: name });
    await memberRow.getByTestId('status-chip').getByText('Unterzeichnend').waitFor();
  });

  it('lists people in the public member directory and filters them via the URL', async () => {
    await page.goto(`${api.url}/directory`);
    await page.getByTestId('directory-list').waitFor();
    expect(await page.getByTestId('directory-person').count()).toBeGreaterThan(3);
    // organisations are linked
    expect(await page.getByTestId('directory-person').first().getByRole('link').count()).toBeGreaterThan(0);

    await page.getByRole('combobox', { name: 'Akteurstyp' }).click();
    await page.getByRole('option', { name: 'Wissenschaft' }).click();
    await page.waitForURL((url) => url.searchParams.get('actorType') === 'science');
    await page.getByTestId('directory-count').getByText(/Gefundene Personen: \d+/).waitFor();
  });

  describe('accessibility (axe)', () => {
    const pages: [path: string, loaded: string][] = [
      ['/directory', 'directory-list'],
      ['/organisations', 'organisation-list'],
      ['/charter', 'charter-goals'],
    ];
    for (const [path, loaded] of pages) {
      it(`${path} has no violations`, async () => {
        await page.goto(`${api.url}${path}`);
        await page.getByTestId(loaded).waitFor();
        expect(await page.locator('h1').count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    it('/charter with the sign form has no violations', async () => {
      await signIn(page, api.url, 'nowak@demo.allmende.example', '/charter');
      await page.getByTestId('charter-sign-form').waitFor();
      await page.getByTestId('charter-sign').click();
      await page.getByTestId('charter-read-error').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });

    it('/office/members and its dialogs have no violations', async () => {
      await signIn(page, api.url, 'office@allmende.example', '/office/members');
      await page.getByTestId('approval-queue').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Alle Mitglieder' }).click();
      await page.getByTestId('member-table').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByTestId('open-transition').first().click();
      await page.getByRole('dialog').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await page.getByRole('link', { name: 'Leitbild verwalten' }).first().click();
      await page.getByTestId('charter-versions').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });

    it('an organisation page has no violations', async () => {
      await page.goto(`${api.url}/organisations`);
      await page.getByTestId('organisation').first().getByRole('link').click();
      await page.getByTestId('organisation-name').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
