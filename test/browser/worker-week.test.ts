import { Browser, Page } from 'playwright-core';
import { TestApp, TEST_PASSWORD, TravelClock } from '../support/test-app';
import { checkScreen, launchBrowser, logIn, phonePage, portalUrl, startPortalApp } from './support/portal-browser';
import { NOW, serverWeek, WeekWorld, weekWorld } from './support/week-world';

/*
 * Issue 15: the worker's week (werkbrief) in the portal, at phone size, in Dutch. The worker enters
 * a day total, a night shift with a break and a split shift, sees the preview, saves, approves
 * after the pop-up; wrong values are refused at once; a rejected week shows the reason and is
 * approved again; the blue bar goes to another week; a contact enters the hours where the
 * relation does; hours per hour code; someone else saving first. Each step is checked on the server.
 */
describe('the week screen (werkbrief)', () => {
  let t: TestApp;
  let browser: Browser;
  let w: WeekWorld;

  beforeAll(async () => {
    t = await startPortalApp({ clock: new TravelClock(NOW) });
    browser = await launchBrowser();
    w = await weekWorld(t);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /**
   * A phone page whose clock shows the server's "now": the portal drops a session whose expiresAt
   * (the server's clock) has passed on the browser's clock.
   */
  async function weekPage() {
    const phone = await phonePage(browser);
    await phone.context.clock.setFixedTime(NOW);
    return phone;
  }

  const day = (page: Page, name: RegExp) => page.getByRole('group', { name });
  /** Console errors but the HTTP status lines of refused requests, which the tests cause on purpose. */
  const realProblems = (problems: string[]) => problems.filter((p) => !/status of 40\d/.test(p));

  async function gql<T>(query: string, variables: object, token: string): Promise<{ data?: T | null; errors?: { message: string; extensions: { code: string; reason?: string; problems?: { path: string; message: string }[] } }[] }> {
    return (await t.gql<T>(query, variables, { token })).body as never;
  }

  it("the worker's whole week: a day total, a night shift with a break, a split shift, the preview, save, approve after the pop-up", async () => {
    const { page, context, problems } = await weekPage();
    await logIn(page, t, w.fatima.email, TEST_PASSWORD);
    // The landing: last week, still open.
    await page.getByRole('heading', { level: 1, name: 'Werkbrief week 47' }).waitFor();
    expect(await page.locator('.week-head').textContent()).toContain(w.relationName);
    expect(await page.locator('.week-head').textContent()).toContain('Schoonmaker');
    await checkScreen(page, 'week-empty');

    // Monday: a night shift with half an hour's break.
    const monday = day(page, /maandag 16 november/i);
    await monday.getByLabel('Invullen als').selectOption('TIMES');
    await monday.getByLabel('Begintijd', { exact: true }).fill('22:00');
    await monday.getByLabel('Eindtijd', { exact: true }).fill('06:00');
    await monday.getByLabel('Pauze (uren en minuten)').fill('0:30');
    await monday.getByText('Tot 06:00 de volgende dag (nachtdienst)').waitFor();
    // Wednesday: a day total.
    await day(page, /woensdag 18 november/i).getByLabel('Dagtotaal', { exact: true }).fill('8:00');
    // Thursday: a split shift with a break as times; a third block added and removed again.
    const thursday = day(page, /donderdag 19 november/i);
    await thursday.getByLabel('Invullen als').selectOption('TIMES');
    await thursday.getByLabel('Begintijd', { exact: true }).fill('06:00');
    await thursday.getByLabel('Eindtijd', { exact: true }).fill('10:00');
    await thursday.getByRole('button', { name: 'Nog een dienst (gebroken dienst)' }).click();
    await thursday.getByLabel('Begintijd 2').fill('17:00');
    await thursday.getByLabel('Eindtijd 2').fill('21:30');
    await thursday.getByRole('button', { name: 'Nog een dienst (gebroken dienst)' }).click();
    await thursday.getByLabel('Begintijd 3').fill('23:00');
    await thursday.getByRole('button', { name: 'Dienst 3 verwijderen' }).click();
    expect(await thursday.getByLabel('Begintijd 3').count()).toBe(0);
    await thursday.getByRole('button', { name: 'Pauze met begin- en eindtijd invullen' }).click();
    await thursday.getByLabel('Pauze van').fill('08:00');
    await thursday.getByLabel('Pauze tot').fill('08:15');
    await page.getByText('Je hebt wijzigingen die nog niet zijn opgeslagen').waitFor();
    await checkScreen(page, 'week-filled');

    await page.getByRole('button', { name: 'Alleen opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    const saved = await serverWeek(t, w.fatima.token, w.placementId, '2026-W47');
    expect(saved).toMatchObject({ status: 'OPEN', version: 2, editable: true });
    expect(saved.days.map((d) => [d.date, d.mode, d.workedHours])).toEqual([
      ['2026-11-16', 'TIMES', '7:30'],
      ['2026-11-18', 'TOTAL', '8:00'],
      ['2026-11-19', 'TIMES', '8:15'],
    ]);

    // The preview: the server's lines with their explanations, and the totals.
    const preview = await gql<{ timesheet: { preview: { workedHours: string; totals: { hourCode: string; hours: string }[]; days: { lines: { hourCode: string; explanation: { text: string } }[] }[] } } }>(
      'query ($id: ID!) { timesheet(id: $id) { preview { workedHours totals { hourCode hours } days { lines { hourCode explanation { text } } } } } }',
      { id: saved.id },
      w.fatima.token,
    );
    const lines = preview.data!.timesheet.preview.days.flatMap((d) => d.lines);
    expect(lines.map((l) => l.hourCode)).toEqual(expect.arrayContaining(['U100', 'ORT-NACHT', 'OW125']));
    const section = page.locator('.week-preview');
    await section.getByRole('heading', { name: 'Berekening' }).waitFor();
    for (const text of new Set(lines.map((l) => l.explanation.text))) await section.locator('.breakdown-explanation').getByText(text, { exact: true }).first().waitFor();
    const totals = section.locator('table.breakdown-codes tbody tr');
    expect(await totals.count()).toBe(preview.data!.timesheet.preview.totals.length);
    for (const total of preview.data!.timesheet.preview.totals) {
      expect(await totals.filter({ has: page.getByRole('rowheader', { name: total.hourCode, exact: true }) }).locator('td.breakdown-num').textContent()).toBe(total.hours);
    }
    expect(await section.locator('table.breakdown-kinds tfoot td').textContent()).toBe('23:45');
    expect(await monday.locator('.week-day-total').textContent()).toBe('opgeslagen: 7:30');
    await checkScreen(page, 'week-preview');

    // "Opslaan + Accorderen": the pop-up says what approving means; cancelling changes nothing.
    await page.getByRole('button', { name: 'Opslaan + Accorderen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Week 47 accorderen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Ze gaan naar ${w.relationName} ter goedkeuring.`);
    expect(await dialog.textContent()).toContain('Daarna kun je deze week niet meer wijzigen.');
    await checkScreen(page, 'week-confirm');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await serverWeek(t, w.fatima.token, w.placementId, '2026-W47')).status).toBe('OPEN');

    await page.getByRole('button', { name: 'Opslaan + Accorderen' }).click();
    await dialog.getByRole('button', { name: 'Accorderen' }).click();
    await page.getByRole('status').filter({ hasText: `Geaccordeerd. De uren wachten nu op goedkeuring door ${w.relationName}.` }).waitFor();
    expect(await page.locator('.week-head .week-status').textContent()).toBe(`Geaccordeerd, wacht op ${w.relationName}`);
    // Read-only now: the days as a table, no buttons to save.
    await page.locator('table.week-readonly').waitFor();
    expect(await page.getByRole('button', { name: 'Alleen opslaan' }).count()).toBe(0);
    expect(await page.getByRole('row', { name: /22:00–06:00, pauze 0:30/ }).count()).toBe(1);
    await checkScreen(page, 'week-approved');

    const approved = await serverWeek(t, w.fatima.token, w.placementId, '2026-W47');
    expect(approved).toMatchObject({ status: 'SUBMITTED', editable: false });
    expect(approved.currentDeclaration).toMatchObject({ number: 1, origin: 'WORKER', status: 'AWAITING_RELATION', breakdown: { workedHours: '23:45' } });
    expect(approved.days.map(({ date, total, blocks, breakDuration, breaks }) => ({ date, total, blocks, breakDuration, breaks }))).toEqual([
      { date: '2026-11-16', total: null, blocks: [{ start: '22:00', end: '06:00' }], breakDuration: '0:30', breaks: [] },
      { date: '2026-11-18', total: '8:00', blocks: [], breakDuration: null, breaks: [] },
      { date: '2026-11-19', total: null, blocks: [{ start: '06:00', end: '10:00' }, { start: '17:00', end: '21:30' }], breakDuration: null, breaks: [{ start: '08:00', end: '08:15' }] },
    ]);
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  }, 120_000);

  it('refuses anything that is not H:MM (or HH:MM for a time) at once, at the field, and saves nothing; the server\'s refusals show at their field', async () => {
    const { page, context, problems } = await weekPage();
    await logIn(page, t, w.fatima.email, TEST_PASSWORD);
    await page.goto(portalUrl(t, `/week/2026-W46?placement=${w.placementId}`));
    await page.getByRole('heading', { level: 1, name: 'Werkbrief week 46' }).waitFor();
    const before = await serverWeek(t, w.fatima.token, w.placementId, '2026-W46');

    const tuesday = day(page, /dinsdag 10 november/i);
    const total = tuesday.getByLabel('Dagtotaal', { exact: true });
    await total.fill('8.5');
    await total.press('Tab');
    await tuesday.getByRole('alert').filter({ hasText: '"8.5" is geen geldig aantal uren. Vul uren en minuten in, bijvoorbeeld 7:15.' }).waitFor();
    expect(await total.inputValue()).toBe('');
    expect(await total.getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'week-error-at-field');

    await total.fill('25:00');
    await total.press('Tab');
    await tuesday.getByRole('alert').filter({ hasText: 'Het aantal uren moet tussen 0:00 en 24:00 liggen.' }).waitFor();
    expect(await total.inputValue()).toBe('');

    const wednesday = day(page, /woensdag 11 november/i);
    await wednesday.getByLabel('Invullen als').selectOption('TIMES');
    const start = wednesday.getByLabel('Begintijd', { exact: true });
    await start.fill('abc');
    await start.press('Tab');
    await wednesday.getByRole('alert').filter({ hasText: '"abc" is geen geldige tijd. Schrijf twee cijfers voor het uur en twee voor de minuten (24-uursklok), bijvoorbeeld 07:30 of 22:00.' }).waitFor();
    const end = wednesday.getByLabel('Eindtijd', { exact: true });
    await end.fill('25:00');
    await end.press('Tab');
    await wednesday.getByRole('alert').filter({ hasText: '"25:00" is geen geldige tijd.' }).waitFor();
    expect(await start.inputValue()).toBe('');
    expect(await end.inputValue()).toBe('');
    // Typing again takes the message away.
    await start.fill('0');
    expect(await wednesday.getByRole('alert').filter({ hasText: '"abc"' }).count()).toBe(0);
    await start.fill('');

    // Nothing reached the server.
    expect(await serverWeek(t, w.fatima.token, w.placementId, '2026-W46')).toMatchObject({ version: before.version, days: [] });

    // A value in the right form that the server refuses: its message at its field.
    const thursday = day(page, /donderdag 12 november/i);
    await thursday.getByLabel('Invullen als').selectOption('TIMES');
    await thursday.getByLabel('Begintijd', { exact: true }).fill('09:00');
    await thursday.getByLabel('Eindtijd', { exact: true }).fill('10:00');
    const pause = thursday.getByLabel('Pauze (uren en minuten)');
    await pause.fill('2:00');
    await page.getByRole('button', { name: 'Alleen opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Niet opgeslagen: controleer de gemarkeerde velden.' }).waitFor();
    const refused = await gql(
      'mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { id } } }',
      { input: { timesheetId: before.id, expectedVersion: before.version, days: [{ date: '2026-11-12', blocks: [{ start: '09:00', end: '10:00' }], breakDuration: '2:00' }] } },
      w.fatima.token,
    );
    const problem = refused.errors![0].extensions.problems![0];
    expect(problem.path).toBe('days[0].breakDuration');
    await thursday.getByRole('alert').filter({ hasText: problem.message }).waitFor();
    expect(await pause.getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'week-server-error');
    expect(await serverWeek(t, w.fatima.token, w.placementId, '2026-W46')).toMatchObject({ version: before.version, days: [] });
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows the reason of a week the relation rejected; the worker changes a day and approves again', async () => {
    const week = await serverWeek(t, w.fatima.token, w.placementId, '2026-W45');
    const approved = await gql<{ saveAndApproveTimesheet: { declaration: { id: string } } }>(
      'mutation ($input: SaveAndApproveTimesheetInput!) { saveAndApproveTimesheet(input: $input) { declaration { id } } }',
      { input: { timesheetId: week.id, expectedVersion: week.version, confirm: true, days: [{ date: '2026-11-03', total: '8:00' }, { date: '2026-11-04', total: '8:00' }] } },
      w.fatima.token,
    );
    const reason = 'Woensdag was een vrije dag; donderdag 7:30 gewerkt.';
    const rejected = await gql(
      'mutation ($input: RejectDeclarationInput!) { rejectDeclaration(input: $input) { declaration { id status } } }',
      { input: { declarationId: approved.data!.saveAndApproveTimesheet.declaration.id, reason } },
      w.contact.token,
    );
    expect(rejected.errors).toBeUndefined();

    const { page, context, problems } = await weekPage();
    await logIn(page, t, w.fatima.email, TEST_PASSWORD);
    await page.goto(portalUrl(t, `/week/2026-W45?placement=${w.placementId}`));
    const box = page.locator('section.week-rejection');
    await box.getByRole('heading', { name: `Afgekeurd door ${w.relationName}` }).waitFor();
    expect(await box.locator('.week-rejection-reason').textContent()).toBe(reason);
    expect(await page.locator('.week-head .week-status').textContent()).toBe('Afgekeurd, opnieuw invullen');
    expect(await day(page, /woensdag 4 november/i).getByLabel('Dagtotaal', { exact: true }).inputValue()).toBe('8:00');
    await checkScreen(page, 'week-rejected');

    await day(page, /woensdag 4 november/i).getByLabel('Dagtotaal', { exact: true }).fill('');
    await day(page, /donderdag 5 november/i).getByLabel('Dagtotaal', { exact: true }).fill('7:30');
    await page.getByRole('button', { name: 'Opslaan + Accorderen' }).click();
    await page.getByRole('dialog', { name: 'Week 45 accorderen?' }).getByRole('button', { name: 'Accorderen' }).click();
    await page.getByRole('status').filter({ hasText: 'Geaccordeerd.' }).waitFor();
    expect(await box.count()).toBe(0);

    const again = await serverWeek(t, w.fatima.token, w.placementId, '2026-W45');
    expect(again).toMatchObject({ status: 'SUBMITTED', rejection: null });
    expect(again.currentDeclaration).toMatchObject({ number: 2, origin: 'WORKER', status: 'AWAITING_RELATION', breakdown: { workedHours: '15:30' } });
    expect(again.declarations.map((d) => [d.number, d.status])).toEqual([
      [1, 'REJECTED'],
      [2, 'AWAITING_RELATION'],
    ]);
    expect(again.days.map((d) => [d.date, d.total])).toEqual([
      ['2026-11-03', '8:00'],
      ['2026-11-05', '7:30'],
    ]);
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  }, 120_000);

  it('lists the open weeks in the blue bar and goes to another week from it, by keyboard', async () => {
    const open = await gql<{ openTimesheets: { nodes: { week: string }[] } }>('{ openTimesheets(first: 100) { nodes { week } } }', {}, w.fatima.token);
    const weeks = open.data!.openTimesheets.nodes.map((n) => n.week);
    expect(weeks.length).toBeGreaterThanOrEqual(2);

    const { page, context, problems } = await weekPage();
    await logIn(page, t, w.fatima.email, TEST_PASSWORD);
    const bar = page.getByRole('navigation', { name: 'Open weken' });
    await bar.waitFor();
    const links = bar.getByRole('link');
    await links.nth(weeks.length - 1).waitFor();
    expect((await links.allTextContents()).map((text) => /Week (\d+)/.exec(text)?.[1])).toEqual(weeks.map((week) => String(Number(week.slice(-2)))));
    // The week on screen is marked in the bar.
    const shown = /Werkbrief week (\d+)/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')![1];
    expect(await bar.locator('[aria-current="page"]').textContent()).toContain(`Week ${shown}`);
    await checkScreen(page, 'week-bluebar');

    const target = weeks.find((week) => String(Number(week.slice(-2))) !== shown)!;
    const link = links.filter({ hasText: `Week ${Number(target.slice(-2))}` });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Werkbrief week ${Number(target.slice(-2))}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/week/${target}`);
    expect(await bar.locator('[aria-current="page"]').textContent()).toContain(`Week ${Number(target.slice(-2))}`);
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  }, 120_000);

  it('lets a relation contact enter, save and approve the hours of a placement where the relation enters them', async () => {
    const week = await serverWeek(t, w.contact.token, w.relationPlacementId, '2026-W47');
    expect(week).toMatchObject({ status: 'OPEN', editable: true });

    const { page, context, problems } = await weekPage();
    await logIn(page, t, w.contact.email, TEST_PASSWORD);
    await page.goto(portalUrl(t, `/timesheets/${week.id}`));
    await page.getByRole('heading', { level: 1, name: 'Werkbrief week 47' }).waitFor();
    expect(await page.locator('.week-head').textContent()).toContain('Agnieszka Kowalska');
    // The contact's blue bar: the weeks it enters, by id.
    const bar = page.getByRole('navigation', { name: 'Open weken' });
    expect(await bar.locator('[aria-current="page"]').getAttribute('href')).toBe(`/timesheets/${week.id}`);

    const monday = day(page, /maandag 16 november/i);
    await monday.getByLabel('Invullen als').selectOption('TIMES');
    await monday.getByLabel('Begintijd', { exact: true }).fill('07:00');
    await monday.getByLabel('Eindtijd', { exact: true }).fill('15:30');
    await monday.getByLabel('Pauze (uren en minuten)').fill('0:30');
    await day(page, /dinsdag 17 november/i).getByLabel('Dagtotaal', { exact: true }).fill('6:00');
    await page.getByRole('button', { name: 'Alleen opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    expect((await serverWeek(t, w.contact.token, w.relationPlacementId, '2026-W47')).days.map((d) => d.workedHours)).toEqual(['8:00', '6:00']);
    await checkScreen(page, 'week-contact-entry');

    await page.getByRole('button', { name: 'Opslaan + Accorderen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Week 47 accorderen?' });
    expect(await dialog.textContent()).toContain('Met accorderen keur je de uren van Agnieszka Kowalska voor week 47 meteen definitief goed.');
    await dialog.getByRole('button', { name: 'Accorderen' }).click();
    await page.getByRole('status').filter({ hasText: 'Geaccordeerd en goedgekeurd.' }).waitFor();
    expect(await page.locator('.week-head .week-status').textContent()).toBe('Goedgekeurd');
    await checkScreen(page, 'week-contact-approved');

    const approved = await serverWeek(t, w.contact.token, w.relationPlacementId, '2026-W47');
    expect(approved).toMatchObject({ status: 'APPROVED', editable: false });
    expect(approved.currentDeclaration).toMatchObject({ number: 1, origin: 'RELATION', status: 'APPROVED', breakdown: { workedHours: '14:00' } });
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  }, 120_000);

  it('takes hours per hour code where the placement has no CAO schedule', async () => {
    const { page, context, problems } = await weekPage();
    await logIn(page, t, w.mihai.email, TEST_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Werkbrief week 47' }).waitFor();
    const monday = day(page, /maandag 16 november/i);
    const normal = monday.getByLabel('Normale uren (H100, 100%)');
    const overtime = monday.getByLabel('Overwerk 125% (H125, 125%)');
    await overtime.fill('1.5');
    await overtime.press('Tab');
    await monday.getByRole('alert').filter({ hasText: '"1.5" is geen geldig aantal uren.' }).waitFor();
    await normal.fill('8:00');
    await overtime.fill('1:30');
    await day(page, /dinsdag 17 november/i).getByLabel('Normale uren (H100, 100%)').fill('7:45');
    await page.getByRole('button', { name: 'Alleen opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    const saved = await serverWeek(t, w.mihai.token, w.manualPlacementId, '2026-W47');
    expect(saved.days.map((d) => [d.date, d.mode, d.hours.map((h) => `${h.hourCode} ${h.hours}`)])).toEqual([
      ['2026-11-16', 'HOUR_CODES', ['H100 8:00', 'H125 1:30']],
      ['2026-11-17', 'HOUR_CODES', ['H100 7:45']],
    ]);
    await page.locator('table.breakdown-kinds tfoot td').filter({ hasText: '17:15' }).waitFor();
    await checkScreen(page, 'week-hour-codes');
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows the server\'s message and the week as stored when someone else saved first', async () => {
    const { page, context, problems } = await weekPage();
    await logIn(page, t, w.mihai.email, TEST_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Werkbrief week 47' }).waitFor();
    const stale = await serverWeek(t, w.mihai.token, w.manualPlacementId, '2026-W47');
    // Another device saves first.
    const other = await gql(
      'mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { id version } } }',
      { input: { timesheetId: stale.id, expectedVersion: stale.version, days: [{ date: '2026-11-18', hours: [{ hourCode: 'H100', hours: '4:00' }] }] } },
      w.mihai.token,
    );
    expect(other.errors).toBeUndefined();
    const conflict = await gql(
      'mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { id } } }',
      { input: { timesheetId: stale.id, expectedVersion: stale.version, days: [] } },
      w.mihai.token,
    );
    expect(conflict.errors![0].extensions.reason).toBe('STALE_VERSION');

    await day(page, /maandag 16 november/i).getByLabel('Normale uren (H100, 100%)').fill('9:00');
    await page.getByRole('button', { name: 'Alleen opslaan' }).click();
    await page.locator('.error-box').filter({ hasText: conflict.errors![0].message }).waitFor();
    // Reloaded: the other device's week is on screen.
    const wednesday = day(page, /woensdag 18 november/i).getByLabel('Normale uren (H100, 100%)');
    await page.waitForFunction(() => document.querySelectorAll('.week-day-filled').length === 1);
    expect(await wednesday.inputValue()).toBe('4:00');
    expect(await day(page, /maandag 16 november/i).getByLabel('Normale uren (H100, 100%)').inputValue()).toBe('');
    await checkScreen(page, 'week-conflict');
    const after = await serverWeek(t, w.mihai.token, w.manualPlacementId, '2026-W47');
    expect(after.version).toBe(stale.version + 1);
    expect(after.days.map((d) => d.date)).toEqual(['2026-11-18']);
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  }, 120_000);
});
