import { ApiProcess, axeViolations, launchBrowser, startApi, signIn } from '@allmende/e2e-support';
import { Browser, BrowserContext, Page } from 'playwright-core';

const CRAFTS = 'Kooperative und digitale Produktionsformen im Handwerk';
const WORKSHOP = 'Digitale Werkstatt Handwerk';

/** Working groups against the built app with the Bottrop demo data: find a group from the start page, join it; axe scans. */
describe('working groups in the browser', () => {
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

  /** Opens a group page from the directory (its id comes from the demo data). */
  async function openGroup(name: string): Promise<void> {
    await page.goto(`${api.url}/groups`);
    await page.getByTestId('group-list').getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async function memberCount(): Promise<number> {
    return Number((await page.getByTestId('group-member-count').textContent())?.trim());
  }

  it('finds a group from the start page and joins it', async () => {
    await signIn(page, api.url, 'kaya@demo.allmende.example');

    // start page: the crafts field lists its groups and links to all of them
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Handlungsfelder' }).click();
    const crafts = page.getByTestId('action-field').filter({ has: page.getByRole('heading', { level: 2, name: CRAFTS }) });
    await crafts.getByTestId('field-group').getByRole('link', { name: WORKSHOP }).waitFor();
    await crafts.getByRole('link', { name: /Alle Gruppen im Handlungsfeld/ }).click();

    // the directory, filtered to the field
    await page.waitForURL((url) => url.pathname === '/groups' && !!url.searchParams.get('actionField'));
    await page.getByRole('heading', { level: 1, name: 'Arbeitsgruppen' }).waitFor();
    await page.getByRole('combobox', { name: 'Handlungsfeld' }).getByText(CRAFTS).waitFor();
    const cards = page.getByTestId('group-card');
    await cards.first().waitFor();
    expect(await page.getByTestId('group-list').getByText('Lebendige Innenstadt').count()).toBe(0); // another field
    await page.getByTestId('group-list').getByRole('link', { name: WORKSHOP, exact: true }).click();

    // the group page
    await page.getByRole('heading', { level: 1, name: WORKSHOP }).waitFor();
    await page.getByTestId('group-state').getByText('Aktiv').waitFor();
    const before = await memberCount();
    expect(before).toBeGreaterThan(0);
    expect(await page.getByTestId('member').filter({ hasText: 'Sophie Kaya' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Beitreten', exact: true }).click();

    await page.getByTestId('group-notice').getByText(`Sie sind jetzt Mitglied von „${WORKSHOP}“.`).waitFor();
    const me = page.getByTestId('member').filter({ hasText: 'Sophie Kaya' });
    await me.waitFor();
    expect(await me.getByTestId('member-role').textContent()).toBe('Mitglied');
    expect(await memberCount()).toBe(before + 1);
    await page.getByTestId('group-my-role').getByText('Meine Rolle: Mitglied').waitFor();
    await page.getByRole('button', { name: 'Gruppe verlassen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // stored: after a reload I am still a member, and the group is among mine
    await page.reload();
    await page.getByTestId('member').filter({ hasText: 'Sophie Kaya' }).waitFor();
    expect(await memberCount()).toBe(before + 1);
    await page.goto(`${api.url}/groups?mine=true`);
    await page.getByTestId('group-list').getByRole('link', { name: WORKSHOP, exact: true }).waitFor();
  });

  describe('accessibility (axe)', () => {
    it('/groups has no violations', async () => {
      await page.goto(`${api.url}/groups`);
      await page.getByTestId('group-list').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('a group page has no violations', async () => {
      await openGroup('Reallabor Maschinenring Handwerk');
      await page.getByTestId('history-entry').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('a group page for its lead, and the propose form, have no violations', async () => {
      await signIn(page, api.url, 'kaya@demo.allmende.example');
      await openGroup('Gründungsnetzwerk nachhaltig');
      await page.getByTestId('member-role-select').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${api.url}/groups/new`);
      await page.getByTestId('group-form').waitFor();
      await page.getByRole('button', { name: 'Vorschlag einreichen' }).click();
      await page.getByText('Bitte geben Sie einen Namen ein.').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });

    it('the office status dialog and the action-field administration have no violations', async () => {
      await signIn(page, api.url, 'office@allmende.example');
      await openGroup('Reallabor Maschinenring Handwerk');
      await page.getByRole('button', { name: 'Status ändern' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('combobox', { name: 'Neuer Status' }).click();
      // only the moves the lifecycle allows from "active"
      const options = await page.getByRole('option').allTextContents();
      expect(options.map((o) => o.trim())).toEqual(['Ruhend', 'Aufgelöst', 'Verstetigt']);
      await page.keyboard.press('Escape');
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await page.goto(`${api.url}/office/action-fields`);
      await page.getByTestId('action-field-table').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
