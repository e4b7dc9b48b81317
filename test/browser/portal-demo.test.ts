import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { DEMO_LOGINS } from '../../src/infrastructure/demo/demo-seed';
import { buildServer, ChildServer, startChildServer } from '../e2e/child-server';
import { checkScreen, launchBrowser, phonePage, SCREENSHOT_DIR } from './support/portal-browser';

/*
 * Issue 15, "done when": `npm start` (the compiled server on a fresh data folder, the portal it
 * serves at `/`, the demo data of the first start) and every demo login of the README doing its
 * role's work in the browser: the workers on their week, Jan entering and saving hours, staff on
 * the overview, each contact finding the weeks the README names, one approving them, one with the
 * weeks it enters. Each step is checked with the API of the same server.
 */
const PASSWORD = DEMO_LOGINS.password;

describe('the portal of `npm start` with the demo logins', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flexportal-portal-demo-'));
  let server: ChildServer;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    buildServer();
    server = await startChildServer({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
    base = server.url.replace(/\/graphql$/, '');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM', 15_000).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  async function api<T>(email: string, query: string, variables: object = {}): Promise<T> {
    const post = async (body: object, token?: string) =>
      (await (
        await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
      ).json()) as { data: T & { login: { token: string } }; errors?: unknown[] };
    const login = await post({ query: 'mutation ($input: LoginInput!) { login(input: $input) { token } }', variables: { input: { email, password: PASSWORD } } });
    const answer = await post({ query, variables }, login.data.login.token);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }

  async function open(email: string): Promise<{ page: Page; close: () => Promise<void>; problems: string[] }> {
    const { page, context, problems } = await phonePage(browser);
    await page.goto(`${base}/`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.locator('header.topbar').waitFor();
    await page.locator('main h1').first().waitFor();
    return { page, problems, close: () => context.close() };
  }

  it('lists every demo login of the README, and each one logs in to its own screen', async () => {
    const landings: Record<string, string> = { FLEXWORKER: '/week', RELATION_CONTACT: '/approvals', AGENCY_STAFF: '/overview' };
    for (const { email, role } of DEMO_LOGINS.users) {
      const { page, close, problems } = await open(email);
      expect({ email, path: new URL(page.url()).pathname }).toEqual({ email, path: landings[role] });
      await page.locator('.loading').first().waitFor({ state: 'detached' }).catch(() => undefined);
      await checkScreen(page, `demo-${email.split('@')[0]}`);
      expect({ email, problems }).toEqual({ email, problems: [] });
      await close();
    }
  }, 240_000);

  it("Jan enters and saves last week's hours on his phone (the README's picture)", async () => {
    const { page, close } = await open('jan.jansen@example.com');
    const { defaultTimesheet: before } = await api<{ defaultTimesheet: { id: string; week: string; days: unknown[] } }>('jan.jansen@example.com', '{ defaultTimesheet { id week days { date } } }');
    expect(before.days).toEqual([]);
    const monday = page.getByRole('group').filter({ has: page.locator('input') }).first();
    await monday.locator('input').first().fill('8:00');
    await page.getByRole('button', { name: 'Alleen opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    const { timesheet } = await api<{ timesheet: { days: { workedHours: string }[] } }>('jan.jansen@example.com', 'query ($id: ID!) { timesheet(id: $id) { days { workedHours } } }', { id: before.id });
    expect(timesheet.days.map((d) => d.workedHours)).toEqual(['8:00']);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'readme-week-phone.png') }); // the phone's screen, not the whole page
    await checkScreen(page, 'demo-jan-saved');
    await close();
  }, 120_000);

  it('the bakery approves the week the README names; the logistics centre finds the weeks it enters; staff see the overview', async () => {
    const bakery = 'inkoop@goudenkorrel.example';
    const waiting = await api<{ declarationsAwaitingApproval: { nodes: { id: string }[] } }>(bakery, '{ declarationsAwaitingApproval { nodes { id } } }');
    expect(waiting.declarationsAwaitingApproval.nodes.length).toBeGreaterThan(0);
    const { page, close } = await open(bakery);
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Selectie accorderen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Accorderen' }).click();
    await page.getByText('Er wacht niets op je accordering.').waitFor();
    await checkScreen(page, 'demo-bakery-approved');
    await close();
    const after = await api<{ declarationsAwaitingApproval: { nodes: unknown[] } }>(bakery, '{ declarationsAwaitingApproval { nodes { id } } }');
    expect(after.declarationsAwaitingApproval.nodes).toEqual([]);

    const logistics = await open('teamleider@lcnoord.example');
    await logistics.page.getByRole('button', { name: 'Menu' }).click();
    await logistics.page.getByRole('navigation').getByRole('link', { name: 'Uren invoeren' }).click();
    const enter = logistics.page.locator('main a[href^="/timesheets/"]');
    await enter.first().waitFor();
    expect(await enter.count()).toBeGreaterThan(0);
    await checkScreen(logistics.page, 'demo-logistics-entry');
    await logistics.close();

    const staff = await open('planner@uboss.example');
    await staff.page.locator('main a[href^="/overview/"]').first().waitFor();
    await checkScreen(staff.page, 'demo-staff-overview');
    await staff.close();
  }, 180_000);
});
