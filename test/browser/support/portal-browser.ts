import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Frame, Page } from 'playwright-core';
import { startTestApp, TestApp, TravelClock } from '../../support/test-app';
import { PORTAL_DIR } from './portal-build';

/*
 * The browser tests' kit: Debian's chromium driven by playwright-core (no browser download), a
 * phone-sized page (390 x 844), a screenshot of each screen in .test-results/screenshots, an
 * axe-core check of each screen, and the portal served by the real server (startTestApp with
 * the portal on). `npm test` installs the chromium where it can (scripts/ensure-chromium.js);
 * without one the browser tests fail, saying how to get it.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain script `npm test` runs before jest
const { chromiumPath } = require('../../../scripts/ensure-chromium') as { chromiumPath(): string | undefined };
export const CHROMIUM: string | undefined = chromiumPath();

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SCREENSHOT_DIR = path.join(ROOT, '.test-results', 'screenshots');
export const PHONE = { width: 390, height: 844 } as const;

export async function launchBrowser(args: readonly string[] = []): Promise<Browser> {
  if (!CHROMIUM) throw new Error('No chromium for the browser tests: `npm test` installs it as root (apt-get install chromium); otherwise install it, or set CHROMIUM_PATH');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...args] });
}

/** The real server with the built portal at `/`. */
export function startPortalApp(options: { clock?: TravelClock; env?: Record<string, string> } = {}): Promise<TestApp> {
  if (!existsSync(path.join(PORTAL_DIR, 'index.html'))) throw new Error(`The portal is not built in ${PORTAL_DIR} (npm run build:web)`);
  return startTestApp({ clock: options.clock, env: { PORTAL: 'true', PORTAL_DIR, ...options.env } });
}

export interface PhonePage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Errors the page threw or logged, and requests that failed (each test expects none). */
  readonly problems: string[];
}

/**
 * A fresh browser context (nothing shared with another test's) with a phone-sized page in the
 * given language. The portal follows the browser's language until a login says otherwise.
 */
export async function phonePage(browser: Browser, options: { locale?: string } = {}): Promise<PhonePage> {
  const context = await browser.newContext({ viewport: PHONE, locale: options.locale ?? 'nl-NL', acceptDownloads: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems };
}

export function portalUrl(t: TestApp, pathname = '/'): string {
  return `${t.baseUrl}${pathname}`;
}

/** Logs in through the login screen (the browser's language decides the labels: use the form's names). */
export async function logIn(page: Page, t: TestApp, email: string, password: string, pathname = '/'): Promise<void> {
  await page.goto(portalUrl(t, pathname));
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.locator('header.topbar').waitFor();
}

/**
 * Starts the context logged in with a token got through the API (as a reload of a logged-in tab
 * would: the token in sessionStorage), for tests whose subject is not the login screen.
 */
export async function withToken(context: BrowserContext, token: string): Promise<void> {
  const session = JSON.stringify({ token, expiresAt: new Date(Date.now() + 3600_000).toISOString() });
  await context.addInitScript((value: string) => {
    try {
      if (!window.sessionStorage.getItem('flexportal.token')) window.sessionStorage.setItem('flexportal.token', value);
    } catch {
      // storage blocked: this test logs in through the screen instead
    }
  }, session);
}

/** Saves a screenshot of the screen as .test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

let axeSource: string | undefined;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: string[];
}

/**
 * axe-core on the screen as it is now (WCAG 2.1 A and AA rules): the serious and critical
 * violations, each with the elements it found. Run through the debugging protocol, so the
 * portal's CSP (no inline script) stays as it is.
 */
export async function seriousViolations(page: Page | Frame): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Keys the portal asked for that no language has (i18n.ts records them). */
export function missingKeys(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => window.__flexportalMissingKeys ?? []);
}

/**
 * Screenshot, axe and translation check of one screen: what every screen of every test goes
 * through. `frame`: the portal is framed in the page; axe and the keys are checked in it.
 */
export async function checkScreen(page: Page, name: string, frame?: Frame): Promise<void> {
  await screenshot(page, name);
  const portal = frame ?? page;
  expect({ screen: name, violations: await seriousViolations(portal) }).toEqual({ screen: name, violations: [] });
  expect({ screen: name, missing: await missingKeys(portal) }).toEqual({ screen: name, missing: [] });
}

declare global {
  interface Window {
    __flexportalMissingKeys?: string[];
  }
}
