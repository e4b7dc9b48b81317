import { Browser } from 'playwright-core';
import { TestApp, TEST_PASSWORD, TravelClock } from '../support/test-app';
import { dataOf } from '../e2e/e2e-helpers';
import { approveWeek, awaitingApproval, timesheetForWeek, WED_W48_1000 } from '../e2e/week-helpers';
import { contactWorld, ContactWorld, declarationState, FATIMA_W47, openWeeksOf } from './support/contact-world';
import { checkScreen, launchBrowser, logIn, phonePage, PhonePage, startPortalApp } from './support/portal-browser';

/*
 * Issue 15: the relation contact's screens at phone size, in Dutch. The inbox of weeks waiting for
 * the relation (select several, approve them in one go), a week's details with its lines and their
 * explanations, rejecting it with a reason (an empty one refused with the server's message), and
 * the weeks the relation enters itself, each linking to its timesheet. After every browser action
 * the server is asked whether it really happened.
 */
describe('the relation contact: approving, rejecting, entering hours', () => {
  let t: TestApp;
  let browser: Browser;
  let world: ContactWorld;
  let opened: PhonePage | undefined;

  beforeAll(async () => {
    t = await startPortalApp({ clock: new TravelClock(WED_W48_1000) });
    browser = await launchBrowser();
    world = await contactWorld(t);
  }, 120_000);
  afterEach(async () => {
    await opened?.context.close();
    opened = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** Per waiting declaration: ["Gewerkt", worked] and then [label, hours] per kind, as the server gives them to the contact. */
  async function totalsByKind(token: string): Promise<Map<string, string[][]>> {
    const response = await t.gql<{ declarationsAwaitingApproval: { nodes: { id: string; breakdown: { workedHours: string; totalsByKind: { label: string; hours: string }[] } }[] } }>(
      '{ declarationsAwaitingApproval(first: 100) { nodes { id breakdown { workedHours totalsByKind { label hours } } } } }',
      {},
      { token },
    );
    return new Map(
      dataOf(response).declarationsAwaitingApproval.nodes.map((d) => [d.id, [['Gewerkt', d.breakdown.workedHours], ...d.breakdown.totalsByKind.map((k) => [k.label, k.hours])]]),
    );
  }

  async function contactPage(pathname = '/'): Promise<PhonePage> {
    opened = await phonePage(browser, { locale: 'nl-NL' });
    // The browser's "now" is the server's: the portal drops a session whose expiry has passed by
    // the browser's clock, and a TravelClock in the past would otherwise end every login at once.
    await opened.context.clock.setFixedTime(t.clock.now());
    await logIn(opened.page, t, world.contact.email, TEST_PASSWORD, pathname);
    return opened;
  }

  it('approves two weeks of two workers at once: the inbox empties and both are approved by the relation', async () => {
    const { page, problems } = await contactPage();
    await page.getByRole('heading', { level: 1, name: 'Te accorderen uren' }).waitFor();
    const fatimaW46 = page.getByRole('checkbox', { name: new RegExp(`^Week 46\\s*, ${world.fatima.name}`) });
    const mihaiW46 = page.getByRole('checkbox', { name: new RegExp(`^Week 46\\s*, ${world.mihai.name}`) });
    await fatimaW46.waitFor();
    await expect(page.getByRole('checkbox').count()).resolves.toBe(3); // "select all" and the two weeks
    // The hours worked and per kind, as the server computed them (Fatima's evening has irregular hours on top).
    const totals = await totalsByKind(world.contact.token);
    expect(totals.get(world.waiting.fatimaW46)?.[0]).toEqual(['Gewerkt', '24:00']);
    expect(totals.get(world.waiting.mihaiW46)?.[0]).toEqual(['Gewerkt', '17:00']);
    expect(totals.get(world.waiting.fatimaW46)?.length).toBeGreaterThan(2);
    for (const [checkbox, id] of [[fatimaW46, world.waiting.fatimaW46], [mihaiW46, world.waiting.mihaiW46]] as const) {
      const card = page.getByRole('listitem').filter({ has: checkbox });
      const shown = await card.locator('.contact-totals > div').evaluateAll((rows) => rows.map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]));
      expect(shown).toEqual(totals.get(id));
    }
    await checkScreen(page, 'contact-inbox');

    await fatimaW46.check();
    await mihaiW46.check();
    await page.getByText('2 weken geselecteerd').waitFor();
    await expect(page.getByRole('checkbox', { name: 'Alles selecteren (2)' }).isChecked()).resolves.toBe(true);
    await checkScreen(page, 'contact-inbox-selected');

    await page.getByRole('button', { name: 'Selectie accorderen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deze uren accorderen?' });
    await dialog.waitFor();
    await expect(dialog.getByRole('listitem').allTextContents().then((items) => items.sort())).resolves.toEqual([`${world.fatima.name}, week 46`, `${world.mihai.name}, week 46`]);
    await checkScreen(page, 'contact-approve-confirm');
    await dialog.getByRole('button', { name: 'Accorderen' }).click();

    await page.getByRole('status').filter({ hasText: '2 weken geaccordeerd.' }).waitFor();
    await page.getByText('Er wacht niets op je accordering.').waitFor();
    await expect(page.getByRole('checkbox').count()).resolves.toBe(0);
    await checkScreen(page, 'contact-inbox-empty');

    for (const id of [world.waiting.fatimaW46, world.waiting.mihaiW46]) {
      const declaration = await declarationState(t, world.contact.token, id);
      expect({ status: declaration.status, by: declaration.approvedByRelationId, week: declaration.timesheet?.status }).toEqual({
        status: 'APPROVED',
        by: world.contact.userId,
        week: 'APPROVED',
      });
    }
    expect(await awaitingApproval(t, world.contact.token)).toEqual([]);
    // A reload asks the server again: still nothing waits.
    await page.reload();
    await page.getByText('Er wacht niets op je accordering.').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('opens a week with its lines and explanations, refuses an empty reason, and rejects it with a reason', async () => {
    const w47 = await approveWeek(t, world.fatima.token, await timesheetForWeek(t, world.fatima.token, world.fatima.placementId, '2026-W47'), FATIMA_W47);
    const declarationId = w47.currentDeclaration.id;
    const expected = await declarationState(t, world.contact.token, declarationId);

    const { page, problems } = await contactPage();
    await page.getByRole('link', { name: new RegExp(`^Week bekijken\\s*${world.fatima.name}, week 47$`) }).click();
    await page.getByRole('heading', { level: 1, name: `${world.fatima.name}, week 47` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/approvals/${declarationId}`);
    // Every line of the breakdown, with its hours and the server's explanation (in Dutch).
    const lines = expected.breakdown.days.flatMap((day) => day.lines);
    expect(lines.length).toBeGreaterThan(4);
    await expect(page.locator('.breakdown-explanation').allTextContents()).resolves.toEqual(lines.map((line) => line.explanation.text));
    await expect(page.locator('.breakdown-line-hours').allTextContents()).resolves.toEqual(lines.map((line) => line.hours));
    // A day per date worked; the night shift's hours after midnight are on Monday's shift, dated Tuesday.
    await expect(page.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual(['maandag 16 november', 'woensdag 18 november', 'donderdag 19 november', 'zondag 22 november']);
    await page.getByText(/^di 17 nov, 00:00–\d\d:\d\d$/).first().waitFor();
    await page.getByText('22:00–06:00, pauze 0:30').waitFor();
    await checkScreen(page, 'contact-week');

    await page.getByRole('button', { name: 'Afkeuren' }).click();
    const reason = page.getByRole('textbox', { name: 'Reden (de flexwerker ziet deze)' });
    await expect(reason.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await checkScreen(page, 'contact-reject-form');

    // An empty reason: the server refuses it, and its message shows at the field.
    await page.getByRole('button', { name: 'Week afkeuren' }).click();
    await page.locator('.field-error').filter({ hasText: 'Geef een reden op.' }).waitFor();
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
    await checkScreen(page, 'contact-reject-empty-reason');
    expect((await declarationState(t, world.contact.token, declarationId)).status).toBe('AWAITING_RELATION');

    const why = 'Zondag tot 13:00 gewerkt, niet tot 14:00.';
    await reason.fill(why);
    await page.getByRole('button', { name: 'Week afkeuren' }).click();
    await page.getByRole('status').filter({ hasText: `Week 47 van ${world.fatima.name} is afgekeurd.` }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/approvals');
    await page.getByText('Er wacht niets op je accordering.').waitFor();
    await checkScreen(page, 'contact-inbox-after-reject');

    const rejected = await declarationState(t, world.contact.token, declarationId);
    expect({ status: rejected.status, reason: rejected.rejectionReason, by: rejected.rejectedById, week: rejected.timesheet?.status, shown: rejected.timesheet?.rejection?.reason }).toEqual({
      status: 'REJECTED',
      reason: why,
      by: world.contact.userId,
      week: 'OPEN',
      shown: why,
    });
    expect(problems).toEqual([]);
  }, 120_000);

  it('lists the weeks the relation enters itself, each linking to its own timesheet', async () => {
    const expected = await openWeeksOf(t, world.contact.token, world.agnieszka.placementId);
    expect(expected.map((week) => week.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);

    const { page, problems } = await contactPage();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Uren invoeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uren invoeren' }).waitFor();
    const placement = page.getByRole('region', { name: world.agnieszka.name });
    await placement.waitFor();
    // Only the placement where the relation enters the hours: Fatima and Mihai enter their own.
    await expect(page.getByRole('heading', { level: 2 }).allTextContents()).resolves.toEqual([world.agnieszka.name]);
    const links = placement.getByRole('link');
    await expect(links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).resolves.toEqual(expected.map((week) => `/timesheets/${week.id}`));
    await expect(links.first().textContent()).resolves.toContain('Week 45 invoeren');
    // Weeks past their deadline are late; week 48's deadline is Monday 30 November 12:00, the agency's time.
    await expect(placement.getByText('Te laat').count()).resolves.toBe(3);
    await placement.getByText('Accorderen vóór 30 nov 2026, 12:00').waitFor();
    await checkScreen(page, 'contact-entry');

    const w48 = expected[3];
    await placement.getByRole('link', { name: /Week 48 invoeren/ }).click();
    await page.waitForURL((url) => url.pathname === `/timesheets/${w48.id}`);
    // It is the right week: the server gives this id for Agnieszka's week 48.
    expect((await timesheetForWeek(t, world.contact.token, world.agnieszka.placementId, '2026-W48')).id).toBe(w48.id);
    expect(problems).toEqual([]);
  }, 120_000);
});
