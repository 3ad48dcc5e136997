import { ApiProcess, axeViolations, launchBrowser, startApi } from '@allmende/e2e-support';
import { Browser, BrowserContext, Page } from 'playwright-core';

describe('start page in the browser', () => {
  let api: ApiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    api = await startApi();
    browser = await launchBrowser();
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

  it('lists the action fields in German by default', async () => {
    await page.goto(api.url);
    const list = page.getByTestId('action-field-list');
    await list.waitFor();
    await expectText(page, 'Kooperative und digitale Produktionsformen im Handwerk');
    await expectText(page, 'Handel der Zukunft');
    expect(await page.getByTestId('action-field').count()).toBe(4);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
  });

  it('switches to English and keeps the choice after a reload', async () => {
    await page.goto(api.url);
    await page.getByTestId('action-field-list').waitFor();
    await page.getByRole('button', { name: /english|englisch/i }).first().click();
    await expectText(page, 'Retail of the future');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await expectText(page, 'Cooperative and digital production in crafts');
  });

  it('has no accessibility violations (axe)', async () => {
    await page.goto(api.url);
    await page.getByTestId('action-field-list').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a not-found page for unknown addresses', async () => {
    const res = await page.goto(`${api.url}/gibt-es-nicht`);
    expect(res?.status()).toBe(200);
    await page.locator('h1').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

async function expectText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
}
