import { Browser } from 'playwright-core';
import { createAgencyWithStaff, TestApp, TEST_PASSWORD, unique } from '../support/test-app';
import { checkScreen, launchBrowser, logIn, phonePage, portalUrl, startPortalApp } from './support/portal-browser';

/*
 * Issue 15: the portal's frame. Served by the server at `/` (index.html for the portal's own
 * paths, its own CSP that allows framing where the API forbids it), the login screen, the menu
 * with only the tabs the agency enabled, the language chosen in settings, no cookie and nothing
 * stored but the token, and logging out.
 */
describe('the portal: served at /, log in, the menu, settings, log out', () => {
  let t: TestApp;
  let browser: Browser;
  let workerEmail: string;

  beforeAll(async () => {
    t = await startPortalApp();
    browser = await launchBrowser();
    const agency = await createAgencyWithStaff(t, unique('Shell agency '));
    const s = t.app.services;
    await s.organisation.updateAgencySettings.execute(agency.staff, { enabledTabs: ['DECLARATION_STATUS', 'PAYSLIPS', 'CONTACT'] });
    const relation = await s.organisation.createRelation.execute(agency.staff, { name: unique('Bakkerij ') });
    const flexworker = await s.organisation.createFlexworker.execute(agency.staff, { firstName: 'Sanne', lastName: 'Visser', email: `${unique('w')}@shell.example` });
    await s.organisation.createPlacement.execute(agency.staff, { flexworkerId: flexworker.id, relationId: relation.id, startDate: '2026-01-05', functionName: 'Baker', hourCodes: [{ code: 'H100', percentage: 100 }] });
    workerEmail = `${unique('sanne')}@shell.example`;
    await s.identity.createUser.execute(agency.staff, { email: workerEmail, password: TEST_PASSWORD, displayName: 'Sanne Visser', role: 'FLEXWORKER', flexworkerId: flexworker.id, language: 'nl' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('answers the portal for its own paths with its policy, and keeps the API as it was', async () => {
    const page = await fetch(portalUrl(t, '/week/2026-W48'), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain('frame-ancestors *');
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(page.headers.get('set-cookie')).toBeNull();

    const api = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(api.headers.get('x-frame-options')).toBe('DENY');
    // An API caller that does not ask for HTML still gets the API's 404, not the portal's page.
    const missing = await fetch(portalUrl(t, '/no-such-thing'));
    expect(missing.status).toBe(404);
  });

  it('logs a worker in, shows only the enabled tabs, changes the language, and logs out leaving nothing behind', async () => {
    const { page, context, problems } = await phonePage(browser);
    await page.goto(portalUrl(t, '/'));
    await page.locator('input[name="email"]').waitFor();
    await checkScreen(page, 'login');
    // A wrong password: the server's message, in the browser's language, at once.
    await page.locator('input[name="email"]').fill(workerEmail);
    await page.locator('input[name="password"]').fill('not the password');
    await page.locator('form button[type="submit"]').click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/\S/);
    await logIn(page, t, workerEmail, TEST_PASSWORD);

    // By keyboard: the skip link first, then the menu button; Enter opens the menu, Escape closes it and focus returns.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Tab');
    const menuButton = page.getByRole('button', { name: 'Menu' });
    expect(await menuButton.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Mijn uren');
    await page.keyboard.press('Escape');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await menuButton.evaluate((button) => button === document.activeElement)).toBe(true);
    // The focus is visible: the outline of :focus-visible.
    expect(await menuButton.evaluate((button) => getComputedStyle(button).outlineStyle)).toBe('solid');

    await menuButton.click();
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(menu.getByRole('link').allTextContents()).resolves.toEqual(['Mijn uren', 'Declaratiestatus', 'Loonstroken', 'Contact', 'Instellingen']);
    await checkScreen(page, 'menu-worker');

    await menu.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await checkScreen(page, 'settings');
    const viewer = await t.gql<{ login: { viewer: { language: string } } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { viewer { language } } }',
      { input: { email: workerEmail, password: TEST_PASSWORD } },
    );
    expect(viewer.body.data?.login.viewer.language).toBe('EN');

    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['flexportal.token']);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.locator('input[name="email"]').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  }, 90_000);
});
