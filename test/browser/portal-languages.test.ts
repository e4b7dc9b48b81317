import { Browser, Page } from 'playwright-core';
import { TestApp, TravelClock } from '../support/test-app';
import { peopleWorld, PeopleWorld } from '../e2e/week-people-world';
import { WED_W48_1000 } from '../e2e/week-helpers';
import { checkScreen, launchBrowser, phonePage, portalUrl, startPortalApp, withToken } from './support/portal-browser';

/*
 * Issue 15: the language switch through all eight languages, on every screen of every role: the
 * page says its language (html lang), no key is missing on any screen (i18n.ts records a key that
 * no language has), no heading is a raw key, and every screen passes axe in every language.
 */
const LANGUAGES = ['nl', 'en', 'de', 'pl', 'ro', 'bg', 'hu', 'pt'] as const;
const SCREENS: Record<'worker' | 'contact' | 'staff', string[]> = {
  worker: ['/week', '/declarations', '/payslips', '/annual-statements', '/information', '/messages', '/signing', '/settings'],
  contact: ['/approvals', '/entry', '/messages', '/settings'],
  staff: ['/overview', '/change-requests', '/messages', '/settings'],
};

describe('the portal in all eight languages', () => {
  let t: TestApp;
  let browser: Browser;
  let world: PeopleWorld;

  beforeAll(async () => {
    t = await startPortalApp({ clock: new TravelClock(WED_W48_1000) });
    browser = await launchBrowser();
    world = await peopleWorld(t);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function setLanguage(token: string, language: string): Promise<void> {
    const answer = await t.gql('mutation ($input: UpdateMySettingsInput!) { updateMySettings(input: $input) { viewer { language } } }', { input: { language: language.toUpperCase() } }, { token });
    expect(answer.body.errors).toBeUndefined();
  }

  async function screenReady(page: Page): Promise<string> {
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    return (await page.locator('main h1').first().textContent()) ?? '';
  }

  it.each(Object.keys(SCREENS) as (keyof typeof SCREENS)[])('%s: every screen in every language', async (role) => {
    const token = { worker: world.worker.token, contact: world.contact.token, staff: world.staff.token }[role];
    const { page, context, problems } = await phonePage(browser);
    await withToken(context, token);
    for (const language of ['en', ...LANGUAGES.filter((l) => l !== 'en')]) {
      await setLanguage(token, language);
      for (const screen of SCREENS[role]) {
        await page.goto(portalUrl(t, screen));
        const heading = await screenReady(page);
        expect({ screen, language, lang: await page.evaluate(() => document.documentElement.lang) }).toEqual({ screen, language, lang: language });
        await checkScreen(page, `lang-${role}-${screen.slice(1)}-${language}`);
        // A key that reached the screen as itself (a dotted key instead of a text) would show here.
        expect({ screen, language, heading: /^[\w-]+(\.[\w-]+)+$/.test(heading.trim()) ? 'a raw key' : 'a text' }).toEqual({ screen, language, heading: 'a text' });
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 600_000);
});
