import AxeBuilder from '@axe-core/playwright';
import { Browser, chromium, Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe (WCAG 2.1 A/AA and best practices) on the page; returns the violations, readable. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // an error message still fading in has, for a moment, too little contrast: judge the settled page
  // (animations that end; a spinner runs for ever, and two seconds at the most in any case)
  await page.evaluate(async () => {
    // two frames first: an error rendered by the last key press starts its animation only then
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const ending = document.getAnimations().filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)));
    const settled = Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
    return Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 2000))]);
  });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** The password of every demo account. */
export const DEMO_PASSWORD = 'allmende-demo';

/**
 * Signs in through the login page as a person does (German labels) and waits until the
 * app has moved on: to `returnUrl` (a path) when given, else anywhere but the login page.
 */
export async function signIn(page: Page, baseUrl: string, email: string, returnUrl?: string): Promise<void> {
  await page.goto(`${baseUrl}/login${returnUrl ? `?returnUrl=${encodeURIComponent(returnUrl)}` : ''}`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL((url) => (returnUrl ? url.pathname === returnUrl : url.pathname !== '/login'), { timeout: 15_000 });
}
