import type { ThreadDto } from '@allmende/contracts';
import { ApiProcess, axeViolations, launchBrowser, startApi, signIn, apiToken } from '@allmende/e2e-support';
import { Browser, BrowserContext, Page } from 'playwright-core';

const THREAD = 'Welche Tablet-App fürs Aufmaß?';

/**
 * Live discussion against the built app with the demo threads: two members of the crafts
 * group in one thread; a message typed in one browser appears in the other within a second,
 * and mentioning the other raises their notification count; axe scans.
 */
describe('discussion in the browser', () => {
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let threadId: string;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchBrowser()]);
    const accessToken = await apiToken(api.url, 'member@allmende.example');
    const threads = (await (await fetch(`${api.url}/api/threads`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as ThreadDto[];
    threadId = threads.find((t) => t.title === THREAD)!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function signedInPage(email: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'de-DE' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, api.url, email);
    return page;
  }

  async function unreadCount(page: Page): Promise<number> {
    const badge = page.getByTestId('notification-count');
    return (await badge.count()) ? Number((await badge.textContent())?.trim() ?? 0) : 0;
  }

  it('a message typed in one browser appears in the other within a second; a mention raises the count', async () => {
    const writer = await signedInPage('member@allmende.example');
    const reader = await signedInPage('brinkmann@demo.allmende.example');
    for (const page of [writer, reader]) {
      await page.goto(`${api.url}/threads/${threadId}`);
      await page.getByRole('heading', { level: 1, name: THREAD }).waitFor();
      await page.getByTestId('message').first().waitFor();
    }
    await reader.getByTestId('notification-bell').waitFor();
    const before = await unreadCount(reader);
    expect(await axeViolations(reader)).toEqual([]);

    // a plain message arrives live
    await writer.getByTestId('composer-text').fill('Ich habe das Angebot bekommen.');
    const sent = Date.now();
    await writer.getByTestId('composer-send').click();
    await reader.getByTestId('message-body').filter({ hasText: 'Ich habe das Angebot bekommen.' }).waitFor({ timeout: 5_000 });
    expect(Date.now() - sent).toBeLessThan(2_000);

    // a mention through the @-autocomplete raises the reader's notification count
    const text = writer.getByTestId('composer-text');
    await text.fill('');
    await text.pressSequentially('Danke @Brink');
    await writer.getByTestId('composer-mention').filter({ hasText: 'Brinkmann' }).first().click();
    await text.pressSequentially(' schaust du drüber?');
    await writer.getByTestId('composer-send').click();
    await reader.getByTestId('message-body').filter({ hasText: 'schaust du drüber?' }).waitFor({ timeout: 5_000 });
    await reader.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=notification-count]')?.textContent?.trim() ?? 0) > n,
      before,
      { timeout: 5_000 },
    );
    expect(await unreadCount(reader)).toBe(before + 1);
    expect(await axeViolations(writer)).toEqual([]);
  });
});
