import { DateTime } from 'luxon';
import { Browser } from 'playwright-core';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';
import { createAgencyWithStaff, login, TestAgency, TestApp, TEST_PASSWORD, unique } from '../support/test-app';
import { checkScreen, launchBrowser, phonePage, startPortalApp } from './support/portal-browser';

/*
 * Issue 15: the worker's way in. The invitation mail's link (a new placement invites its worker) (delivered to a real SMTP server)
 * opens the portal's invitation screen: two passwords that differ are caught at once, a common
 * one is refused with the server's message, a good one logs in and lands on this week in the
 * worker's language. "Wachtwoord vergeten" mails a reset link; the screen behind it sets a new
 * password, logs in, and the old password stops working.
 */
const NEW_PASSWORD = 'lange wandeling door de duinen';

describe('the portal: invitation and forgotten password', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let browser: Browser;
  let agency: TestAgency;
  let relationId: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startPortalApp({ env: { SMTP_URL: smtp.url } });
    browser = await launchBrowser();
    agency = await createAgencyWithStaff(t, unique('Invite agency '));
    relationId = (await t.app.services.organisation.createRelation.execute(agency.staff, { name: unique('Tuinderij ') })).id;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await smtp?.stop();
  });

  const deliver = () => t.app.services.mail.deliverDue({ agencyIds: [agency.agencyId] });
  const linkIn = (text: string, kind: 'invitation' | 'reset-password') => new RegExp(`(http://\\S+/${kind}#token=[^\\s"<]+)`).exec(text)![1];

  async function polishWorker(): Promise<{ id: string; email: string }> {
    const email = `${unique('kasia')}@example.com`;
    const s = t.app.services;
    const worker = await s.organisation.createFlexworker.execute(agency.staff, { firstName: 'Kasia', lastName: 'Nowak', email, language: 'pl' });
    await s.organisation.createPlacement.execute(agency.staff, { flexworkerId: worker.id, relationId, startDate: '2026-01-05', functionName: 'Picker', hourCodes: [{ code: 'H100', percentage: 100 }] });
    return { id: worker.id, email };
  }

  it("accepts an invitation from the mail's link: passwords checked, the worker lands on this week in their language", async () => {
    const worker = await polishWorker(); // a placement invites its worker (sendInvitations, on by default)
    await deliver();
    const mail = await smtp.waitForMailTo(worker.email);
    const link = linkIn(mail.text, 'invitation');
    expect(link.startsWith(`${t.baseUrl}/invitation#token=`)).toBe(true);

    const { page, context, problems } = await phonePage(browser, { locale: 'nl-NL' });
    await page.goto(link);
    await page.locator('input[name="new-password"]').waitFor();
    await checkScreen(page, 'auth-invitation');
    await page.locator('input[name="new-password"]').fill(NEW_PASSWORD);
    await page.locator('input[name="repeat-password"]').fill(`${NEW_PASSWORD}!`);
    await page.locator('form button[type="submit"]').click();
    await page.getByText('De twee wachtwoorden zijn niet gelijk.').waitFor();
    // A common password: the server's refusal, shown as it says it.
    await page.locator('input[name="new-password"]').fill('qwertyuiop');
    await page.locator('input[name="repeat-password"]').fill('qwertyuiop');
    await page.locator('form button[type="submit"]').click();
    const refusal = page.locator('.error-box [data-code]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('BAD_USER_INPUT');
    await checkScreen(page, 'auth-invitation-refused');

    await page.locator('input[name="new-password"]').fill(NEW_PASSWORD);
    await page.locator('input[name="repeat-password"]').fill(NEW_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.locator('header.topbar').waitFor();
    const thisWeek = DateTime.fromJSDate(t.clock.now()).setZone('Europe/Amsterdam').toFormat("kkkk-'W'WW");
    await page.waitForURL((url) => url.pathname === `/week/${thisWeek}`);
    await page.locator('main h1').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await checkScreen(page, 'auth-invitation-landed');
    await expect(login(t, worker.email, NEW_PASSWORD)).resolves.toMatch(/\S/);
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await context.close();
  }, 120_000);

  it('resets a forgotten password through the mailed link: logged in with the new one, the old one refused', async () => {
    const email = `${unique('jan')}@example.com`;
    await t.app.services.identity.createUser.execute(agency.staff, { email, password: TEST_PASSWORD, displayName: 'Jan de Vries', role: 'AGENCY_STAFF', language: 'nl' });
    const { page, context, problems } = await phonePage(browser, { locale: 'nl-NL' });
    await page.goto(`${t.baseUrl}/login`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.locator('input[name="email"]').fill(email);
    await checkScreen(page, 'auth-forgot');
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('status').filter({ hasText: email }).waitFor();
    await checkScreen(page, 'auth-forgot-sent');

    await deliver();
    const mail = await smtp.waitForMailTo(email);
    await page.goto(linkIn(mail.text, 'reset-password'));
    await page.locator('input[name="new-password"]').fill(NEW_PASSWORD);
    await page.locator('input[name="repeat-password"]').fill(NEW_PASSWORD);
    await checkScreen(page, 'auth-reset');
    await page.locator('form button[type="submit"]').click();
    await page.locator('header.topbar').waitFor();
    await page.waitForURL((url) => url.pathname === '/overview');
    await expect(login(t, email, NEW_PASSWORD)).resolves.toMatch(/\S/);
    await expect(login(t, email, TEST_PASSWORD)).rejects.toThrow('login failed');
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
