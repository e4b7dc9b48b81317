import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Browser, Frame } from 'playwright-core';
import { createAgencyWithStaff, TestApp, TEST_PASSWORD, unique } from '../support/test-app';
import { checkScreen, launchBrowser, phonePage, startPortalApp } from './support/portal-browser';

/*
 * Issue 15: the portal inside another site's frame with third-party cookies blocked. The agency's
 * website (here a page served from http://localhost:<port>, another site than the portal's
 * http://127.0.0.1:<port>) frames the portal; chromium runs with third-party cookies blocked, and
 * the test first proves that the frame can keep neither a cookie nor sessionStorage. The portal
 * needs neither: the token stays in memory, the worker logs in and saves.
 */
describe('the portal in a cross-origin frame with third-party cookies blocked', () => {
  let t: TestApp;
  let browser: Browser;
  let host: Server;
  let hostUrl: string;
  let workerEmail: string;

  beforeAll(async () => {
    t = await startPortalApp();
    browser = await launchBrowser(['--test-third-party-cookie-phaseout']);
    const agency = await createAgencyWithStaff(t, unique('Frame agency '));
    const s = t.app.services;
    const relation = await s.organisation.createRelation.execute(agency.staff, { name: unique('Kwekerij ') });
    const flexworker = await s.organisation.createFlexworker.execute(agency.staff, { firstName: 'Piet', lastName: 'de Boer', email: `${unique('w')}@frame.example` });
    await s.organisation.createPlacement.execute(agency.staff, {
      flexworkerId: flexworker.id,
      relationId: relation.id,
      startDate: '2026-01-05',
      functionName: 'Grower',
      hourCodes: [{ code: 'H100', percentage: 100 }],
    });
    workerEmail = `${unique('piet')}@frame.example`;
    await s.identity.createUser.execute(agency.staff, { email: workerEmail, password: TEST_PASSWORD, displayName: 'Piet de Boer', role: 'FLEXWORKER', flexworkerId: flexworker.id, language: 'nl' });
    const portal = t.baseUrl;
    host = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><html lang="nl"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Uitzendbureau</title></head>` +
          `<body><h1>Ons portaal</h1><iframe title="Flexportal" src="${portal}/" width="380" height="760"></iframe></body></html>`,
      );
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await t?.stop();
  });

  async function portalFrame(page: import('playwright-core').Page): Promise<Frame> {
    await page.goto(hostUrl);
    const handle = await page.locator('iframe').elementHandle();
    const frame = await handle!.contentFrame();
    await frame!.locator('input[name="email"]').waitFor();
    return frame!;
  }

  it('keeps no cookie and no storage in the frame, and still logs in and saves', async () => {
    const { page, context, problems } = await phonePage(browser);
    const frame = await portalFrame(page);
    expect(new URL(frame.url()).origin).toBe(t.baseUrl);
    // The condition of the test: in this frame the browser keeps no cookie and refuses storage.
    const probe = await frame.evaluate(() => {
      document.cookie = 'probe=1; SameSite=None; Secure';
      document.cookie = 'probe2=1';
      let storage: string;
      try {
        window.sessionStorage.setItem('probe', '1');
        storage = 'available';
      } catch {
        storage = 'blocked';
      }
      return { cookie: document.cookie, storage };
    });
    expect(probe).toEqual({ cookie: '', storage: 'blocked' });

    await frame.locator('input[name="email"]').fill(workerEmail);
    await frame.locator('input[name="password"]').fill(TEST_PASSWORD);
    await frame.locator('form button[type="submit"]').click();
    await frame.locator('header.topbar').waitFor();
    await checkScreen(page, 'iframe-logged-in', frame);

    // Saving hours in the frame: the week, with the token in memory only.
    const token = (await t.gql<{ login: { token: string } }>('mutation ($input: LoginInput!) { login(input: $input) { token } }', { input: { email: workerEmail, password: TEST_PASSWORD } })).body.data!.login.token;
    const week = (await t.gql<{ defaultTimesheet: { id: string } }>('{ defaultTimesheet { id } }', {}, { token })).body.data!.defaultTimesheet;
    await frame.locator('main h1').first().waitFor();
    const firstDay = frame.getByRole('group').filter({ has: frame.locator('input') }).first();
    await firstDay.locator('input').first().fill('7:30');
    await frame.getByRole('button', { name: 'Alleen opslaan' }).click();
    await frame.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    const saved = await t.gql<{ timesheet: { days: { workedHours: string }[] } }>('query ($id: ID!) { timesheet(id: $id) { days { workedHours } } }', { id: week.id }, { token });
    expect(saved.body.data?.timesheet.days.map((d) => d.workedHours)).toEqual(['7:30']);
    await checkScreen(page, 'iframe-week-saved', frame);

    // And the language in settings (another mutation).
    await frame.getByRole('button', { name: 'Menu' }).click();
    await frame.getByRole('link', { name: 'Instellingen' }).click();
    await frame.getByLabel('Taal').selectOption('de');
    await frame.getByRole('heading', { name: 'Einstellungen' }).waitFor();
    await checkScreen(page, 'iframe-saved', frame);
    const check = await t.gql<{ login: { viewer: { language: string } } }>('mutation ($input: LoginInput!) { login(input: $input) { viewer { language } } }', {
      input: { email: workerEmail, password: TEST_PASSWORD },
    });
    expect(check.body.data?.login.viewer.language).toBe('DE');
    expect(await context.cookies()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
