import type { BoardSummaryDto, CardDto } from '@allmende/contracts';
import { ApiProcess, axeViolations, launchBrowser, startApi, signIn, apiToken } from '@allmende/e2e-support';
import { Browser, BrowserContext, Page } from 'playwright-core';

const GROUP = 'Digitale Werkstatt Handwerk';

/**
 * Boards against the built app with the Bottrop demo data: two people on one group board,
 * a card dragged in one browser appears in its new column in the other without reload;
 * the keyboard move menu; the strategy page; axe scans.
 */
describe('boards in the browser', () => {
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let boardId: string;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(), launchBrowser()]);
    const token = await apiToken(api.url, 'member@allmende.example');
    const boards = (await (await fetch(`${api.url}/api/boards`, { headers: { authorization: `Bearer ${token}` } })).json()) as BoardSummaryDto[];
    boardId = boards.find((b) => b.groupName === GROUP)!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function signedInPage(email: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1600, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, api.url, email);
    return page;
  }

  async function openBoard(page: Page): Promise<void> {
    await page.goto(`${api.url}/boards/${boardId}`);
    await page.getByTestId('board-title').getByText(GROUP).waitFor();
    await page.getByTestId('live-state').getByText('Live: Änderungen anderer erscheinen sofort.').waitFor({ timeout: 15_000 });
  }

  const column = (page: Page, stage: string) => page.locator(`[data-testid=board-column][data-stage=${stage}]`);
  const card = (page: Page, stage: string, title: string) => column(page, stage).getByTestId('board-card').filter({ hasText: title });

  it('a card dragged in one browser appears in its new column in the other without reload', async () => {
    // a fresh card in "Idee", so the test does not depend on the demo cards' places
    const token = await apiToken(api.url, 'member@allmende.example');
    const created = await fetch(`${api.url}/api/boards/${boardId}/cards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: 'Gemeinsamer Materialeinkauf', stage: 'idea' }),
    });
    expect(created.status).toBe(201);

    const lead = await signedInPage('member@allmende.example');
    const office = await signedInPage('office@allmende.example');
    await openBoard(lead);
    await openBoard(office);
    await card(office, 'idea', 'Gemeinsamer Materialeinkauf').waitFor();
    await office.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    expect(await axeViolations(lead)).toEqual([]);

    // drag the card from "Idee" into "Reallabor" with the mouse (CDK drag and drop)
    const source = card(lead, 'idea', 'Gemeinsamer Materialeinkauf');
    const target = column(lead, 'lab').getByTestId('column-empty');
    const from = (await source.boundingBox())!;
    const to = (await target.boundingBox())!;
    await lead.mouse.move(from.x + from.width / 2, from.y + 12);
    await lead.mouse.down();
    await lead.mouse.move(from.x + from.width / 2 + 10, from.y + 20, { steps: 5 });
    await lead.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 25 });
    await lead.mouse.up();
    await card(lead, 'lab', 'Gemeinsamer Materialeinkauf').waitFor();

    // the other browser shows it in the new column, announced, without reloading
    await card(office, 'lab', 'Gemeinsamer Materialeinkauf').waitFor({ timeout: 10_000 });
    expect(await card(office, 'idea', 'Gemeinsamer Materialeinkauf').count()).toBe(0);
    await office.getByTestId('board-announcer').getByText('Karte „Gemeinsamer Materialeinkauf“ wurde nach Reallabor verschoben.').waitFor();
    expect(await office.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // the server agrees, and the history has the move
    const cards = (await (await fetch(`${api.url}/api/boards/${boardId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      columns: { stage: string; cards: { id: string; title: string }[] }[];
    };
    const moved = cards.columns.find((c) => c.stage === 'lab')!.cards.find((c) => c.title === 'Gemeinsamer Materialeinkauf')!;
    const history = (await (await fetch(`${api.url}/api/cards/${moved.id}/history`, { headers: { authorization: `Bearer ${token}` } })).json()) as { kind: string }[];
    expect(history[0].kind).toBe('moved');

    // the keyboard alternative: the move menu takes it on to "Projekt"
    await card(office, 'lab', 'Gemeinsamer Materialeinkauf').getByTestId('card-move').click();
    await office.getByRole('menuitem', { name: 'Nach Projekt' }).click();
    await card(lead, 'project', 'Gemeinsamer Materialeinkauf').waitFor({ timeout: 10_000 });
    const detail = (await (await fetch(`${api.url}/api/cards/${moved.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as CardDto;
    expect(detail.stage).toBe('project');
  });

  it('readers outside the group see the board without editing; the strategy page shows the layers; axe finds nothing', async () => {
    const reader = await signedInPage('schuermann@demo.allmende.example');
    await reader.goto(`${api.url}/boards/${boardId}`);
    await reader.getByTestId('board-title').getByText(GROUP).waitFor();
    await reader.getByTestId('live-state').getByText('Ansicht ohne Live-Aktualisierung').waitFor();
    expect(await reader.getByTestId('card-move').count()).toBe(0);
    expect(await reader.getByTestId('add-card').count()).toBe(0);
    expect(await axeViolations(reader)).toEqual([]);

    await reader.goto(`${api.url}/strategy`);
    await reader.getByText('Betriebe teilen Maschinen, Wissen und Aufträge').waitFor();
    await reader.getByText('Maschinenring Handwerk').first().waitFor();
    expect(await axeViolations(reader)).toEqual([]);

    // anonymous visitors see only public cards of the alliance board
    const context = await browser.newContext({ locale: 'de-DE' });
    contexts.push(context);
    const anon = await context.newPage();
    await anon.goto(`${api.url}/strategy`);
    await anon.getByText('Maschinenring Handwerk').first().waitFor();
    expect(await anon.getByText('Lieferdienst lokal').count()).toBe(0);
  });
});
