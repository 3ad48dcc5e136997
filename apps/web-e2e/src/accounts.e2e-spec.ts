import { ApiProcess, axeViolations, launchBrowser, startApi } from '@allmende/e2e-support';
import { Browser, BrowserContext, Page } from 'playwright-core';

const DEMO_MEMBER = { email: 'member@allmende.example', password: 'allmende-demo', name: 'Markus Kamps' };

describe('accounts in the browser', () => {
  let api: ApiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // No SMTP: the API writes each mail (with its link) to the log, at info level.
    [api, browser] = await Promise.all([startApi({ env: { LOG_LEVEL: 'info' } }), launchBrowser()]);
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

  it('registers, confirms the address from the mail, signs in and grants a consent', async () => {
    const email = `anna.${Date.now()}@example.org`;
    const name = 'Anna Testperson';
    const password = 'ein-sicheres-passwort';

    await page.goto(`${api.url}/register`);
    await page.getByRole('heading', { level: 1, name: 'Registrieren' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    await page.getByTestId('register-success').waitFor();
    expect(await page.getByTestId('register-success').textContent()).toContain(email);

    const token = await verificationToken(api, email);
    await page.goto(`${api.url}/verify-email?token=${encodeURIComponent(token)}`);
    await page.getByTestId('verify-success').waitFor();

    await page.getByRole('link', { name: 'Zur Anmeldung' }).click();
    await page.getByTestId('login-notice').waitFor();
    await signIn(page, email, password);

    // Lands on the profile, which shows the new name.
    await page.waitForURL(`${api.url}/profile`);
    await page.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();
    expect(await page.getByTestId('profile-greeting').textContent()).toContain(name);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    await page.getByTestId('user-menu-button').waitFor();
    expect(await page.getByTestId('user-menu-button').textContent()).toContain(name);

    // Nothing is pre-ticked; one switch is saved at once and confirmed.
    const listing = page.getByRole('switch', { name: 'Im Mitgliederverzeichnis erscheinen' });
    expect(await listing.getAttribute('aria-checked')).toBe('false');
    await listing.click();
    await page.getByText('Gespeichert: Einwilligung „Im Mitgliederverzeichnis erscheinen“ erteilt.').waitFor();
    expect(await listing.getAttribute('aria-checked')).toBe('true');
    expect(await page.getByRole('switch', { name: 'Wissenschaftliche Begleitung unterstützen' }).getAttribute('aria-checked')).toBe('false');

    // After a reload the session comes back from the refresh cookie, and the consent is stored.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();
    expect(await page.getByRole('switch', { name: 'Im Mitgliederverzeichnis erscheinen' }).getAttribute('aria-checked')).toBe('true');

    // Signing out ends the session.
    await page.getByTestId('user-menu-button').click();
    await page.getByRole('menuitem', { name: 'Abmelden' }).click();
    await page.getByTestId('login-link').waitFor();
    await page.goto(`${api.url}/profile`);
    await page.waitForURL(/\/login\?returnUrl=%2Fprofile/);
  });

  it('explains a wrong password', async () => {
    await page.goto(`${api.url}/login`);
    await signIn(page, DEMO_MEMBER.email, 'falsches-passwort');
    await page.getByText('E-Mail-Adresse oder Passwort stimmen nicht.').waitFor();
    expect(page.url()).toBe(`${api.url}/login`);
  });

  it('has no accessibility violations on /login and /register (axe)', async () => {
    await page.goto(`${api.url}/login`);
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // with validation errors shown
    await page.getByRole('button', { name: 'Anmelden', exact: true }).last().click();
    await page.getByText('Bitte geben Sie Ihre E-Mail-Adresse ein.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${api.url}/register`);
    await page.getByRole('heading', { level: 1, name: 'Registrieren' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs in the demo member; /profile has no accessibility violations (axe)', async () => {
    await page.goto(`${api.url}/profile`);
    await page.waitForURL(/\/login\?returnUrl=%2Fprofile/);
    await signIn(page, DEMO_MEMBER.email, DEMO_MEMBER.password);
    await page.waitForURL(`${api.url}/profile`);
    await page.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();
    await page.getByTestId('interests').getByRole('checkbox').first().waitFor();
    await page.getByTestId('user-menu-button').waitFor();
    expect(await page.getByTestId('profile-greeting').textContent()).toContain(DEMO_MEMBER.name);
    expect(await axeViolations(page)).toEqual([]);

    // the narrow layout collapses the navigation into a menu button
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('nav-menu-button').waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Organisationen' }).isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });
});

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Anmelden' }).click();
}

/** Polls the API's log for the verification mail to `email` and returns its token. */
async function verificationToken(api: ApiProcess, email: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const output = api.output();
    const at = output.lastIndexOf(`to ${email}`);
    if (at >= 0) {
      const match = /\/verify-email\?token=([A-Za-z0-9_%-]+)/.exec(output.slice(at));
      if (match) return decodeURIComponent(match[1]);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No verification mail to ${email} in the API log:\n${api.output().slice(-3000)}`);
}
