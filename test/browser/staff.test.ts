import { Browser, Page } from 'playwright-core';
import { TestApp, TEST_PASSWORD, TravelClock } from '../support/test-app';
import { checkScreen, launchBrowser, logIn, PhonePage, phonePage, startPortalApp } from './support/portal-browser';
import { StaffWorld, staffWorld, STAFF_WORLD_NOW } from './support/staff-world';

/*
 * Issue 15: the agency staff's screens at phone size, in Dutch (the planner's language): the week
 * overview and its filter, a week with its versions and audit trail and a correction of approved
 * hours, the workers' change requests, and the agency's message inbox. Every outcome is checked
 * against what GraphQL answers the planner afterwards.
 */
describe('the portal for agency staff: overview, a week, change requests, messages', () => {
  let t: TestApp;
  let browser: Browser;
  let world: StaffWorld;
  const opened: PhonePage[] = [];

  beforeAll(async () => {
    t = await startPortalApp({ clock: new TravelClock(STAFF_WORLD_NOW) });
    browser = await launchBrowser();
    world = await staffWorld(t);
  }, 180_000);
  afterAll(async () => {
    for (const p of opened) await p.context.close();
    await browser?.close();
    await t?.stop();
  });

  async function asPlanner(): Promise<Page> {
    const phone = await phonePage(browser, { locale: 'nl-NL' });
    opened.push(phone);
    // The browser's clock shows the world's "now" too: the portal compares the session's expiry with it.
    await phone.page.clock.setFixedTime(STAFF_WORLD_NOW);
    await logIn(phone.page, t, world.planner.email, TEST_PASSWORD);
    return phone.page;
  }

  async function gql<T>(query: string, variables: object = {}, token = world.planner.token): Promise<T> {
    const response = await t.gql<T>(query, variables, { token });
    if (!response.body.data) throw new Error(JSON.stringify(response.body.errors));
    return response.body.data;
  }

  async function openMenu(page: Page, label: string): Promise<void> {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: label }).click();
  }

  /** Waits for a condition on the server (a mutation the screen sent by itself), up to 10 s. */
  async function waitUntil(check: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 100; i += 1) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the condition did not come true within 10 s');
  }

  const COUNT = 'query ($filter: TimesheetFilterInput) { timesheets(filter: $filter, first: 500) { nodes { id week status } } }';

  it('lists the weeks of the agency and narrows them with a filter, as GraphQL counts them', async () => {
    const page = await asPlanner();
    await page.getByRole('heading', { name: 'Weekoverzicht', level: 1 }).waitFor();
    const all = (await gql<{ timesheets: { nodes: { id: string; week: string; status: string }[] } }>(COUNT, { filter: {} })).timesheets.nodes;
    expect(all.length).toBe(4);
    const cards = page.getByRole('list', { name: 'Werkbrieven' }).getByRole('listitem');
    // The heading shows before the list has loaded: wait for the count, then count the cards.
    await page.getByText(`Getoonde werkbrieven: ${all.length}`).waitFor();
    await expect(cards.count()).resolves.toBe(all.length);
    await expect(cards.first().textContent()).resolves.toContain('2026-W48');
    await page.getByRole('link', { name: `2026-W46 · ${world.worker.fullName}` }).waitFor();
    await checkScreen(page, 'staff-overview');

    await page.getByLabel('Status').selectOption('APPROVED');
    await page.getByRole('button', { name: 'Toon weken' }).click();
    await page.waitForURL(/status=APPROVED/);
    const approved = (await gql<{ timesheets: { nodes: { id: string; week: string }[] } }>(COUNT, { filter: { statuses: ['APPROVED'] } })).timesheets.nodes;
    expect(approved.map((w) => w.week)).toEqual(['2026-W46']);
    await page.getByText(`Getoonde werkbrieven: ${approved.length}`).waitFor();
    await expect(cards.count()).resolves.toBe(1);
    await expect(cards.first().textContent()).resolves.toContain('2026-W46');
    await checkScreen(page, 'staff-overview-filtered');

    // The worker filter: only the other worker's open week.
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Flexwerker').selectOption({ label: world.otherWorker.fullName });
    await page.getByRole('button', { name: 'Toon weken' }).click();
    const others = (await gql<{ timesheets: { nodes: { id: string }[] } }>(COUNT, { filter: { flexworkerId: world.otherWorker.flexworkerId } })).timesheets.nodes;
    await page.getByText(`Getoonde werkbrieven: ${others.length}`).waitFor();
    await expect(cards.first().textContent()).resolves.toContain(world.otherWorker.fullName);
  }, 120_000);

  it('shows a week with its versions and audit trail, refuses a correction without a reason, and stores one with a reason as a new version', async () => {
    const page = await asPlanner();
    await page.getByRole('link', { name: `2026-W46 · ${world.worker.fullName}` }).click();
    await page.getByRole('heading', { name: `2026-W46 · ${world.worker.fullName}`, level: 1 }).waitFor();
    const versions = page.locator('.staff-versions').first();
    await versions.getByRole('heading', { name: /Versie 1 · flexwerker/ }).waitFor();
    await page.getByText('Nog geen wijzigingen na het accorderen.').waitFor();
    await checkScreen(page, 'staff-week');

    await page.getByRole('button', { name: 'Uren corrigeren' }).click();
    await page.getByRole('heading', { name: 'Correctie van versie 1' }).waitFor();
    const wednesday = page.locator('fieldset.staff-day').nth(2);
    await expect(wednesday.getByLabel('Totaal (uu:mm)').inputValue()).resolves.toBe('9:00');
    await checkScreen(page, 'staff-correction');

    // Without a reason: the server's message at the reason field, nothing stored.
    await wednesday.getByLabel('Totaal (uu:mm)').fill('9:30');
    await page.getByRole('button', { name: 'Correctie opslaan' }).click();
    const reasonField = page.getByLabel('Reden van de correctie');
    await page.locator('.field-invalid textarea[name="reason"]').waitFor();
    const reasonError = page.locator('.field-invalid .field-error');
    await expect(reasonError.textContent()).resolves.toMatch(/\S/);
    const HISTORY = `query ($id: ID!) { timesheet(id: $id) { version currentDeclaration { id number origin correctionReason days { date total workedHours } breakdown { workedHours } }
      declarations { number origin status } auditTrail { action reason declarationNumberBefore declarationNumberAfter } } }`;
    type History = {
      timesheet: {
        currentDeclaration: { number: number; origin: string; correctionReason: string | null; days: { date: string; total: string | null }[]; breakdown: { workedHours: string } };
        declarations: { number: number; origin: string; status: string }[];
        auditTrail: { action: string; reason: string | null; declarationNumberBefore: number; declarationNumberAfter: number }[];
      };
    };
    const before = await gql<History>(HISTORY, { id: world.weeks.w46 });
    expect(before.timesheet.declarations).toHaveLength(1);
    await checkScreen(page, 'staff-correction-no-reason');

    await reasonField.fill('De relatie meldde een half uur meer op woensdag.');
    await page.getByRole('button', { name: 'Correctie opslaan' }).click();
    await page.getByText('Correctie opgeslagen als versie 2.').waitFor();
    await versions.getByRole('heading', { name: /Versie 2 · correctie/ }).waitFor();
    await page.getByRole('heading', { name: 'Uren gecorrigeerd' }).waitFor();
    await page.getByRole('heading', { name: 'Regels van versie 2' }).waitFor();

    const after = await gql<History>(HISTORY, { id: world.weeks.w46 });
    expect(after.timesheet.declarations.map((d) => [d.number, d.origin, d.status])).toEqual([
      [1, 'WORKER', 'SUPERSEDED'],
      [2, 'CORRECTION', 'APPROVED'],
    ]);
    expect(after.timesheet.currentDeclaration.number).toBe(2);
    expect(after.timesheet.currentDeclaration.correctionReason).toBe('De relatie meldde een half uur meer op woensdag.');
    expect(after.timesheet.currentDeclaration.days.find((d) => d.date === '2026-11-11')?.total).toBe('9:30');
    expect(after.timesheet.currentDeclaration.breakdown.workedHours).toBe('17:30');
    expect(after.timesheet.auditTrail).toEqual([
      { action: 'DECLARATION_CORRECTED', reason: 'De relatie meldde een half uur meer op woensdag.', declarationNumberBefore: 1, declarationNumberAfter: 2 },
    ]);
    await page.getByText('17:30', { exact: false }).first().waitFor();
    await checkScreen(page, 'staff-week-corrected');
  }, 120_000);

  it('applies one change request, shows the stale refusal of the other, and rejects that one with a reason', async () => {
    const page = await asPlanner();
    await openMenu(page, 'Wijzigingsverzoeken');
    await page.getByRole('heading', { name: 'Wijzigingsverzoeken', level: 1 }).waitFor();
    const phoneCard = page.getByRole('article').filter({ hasText: world.newPhone });
    const addressCard = page.getByRole('article').filter({ hasText: 'Damrak 1' });
    await phoneCard.getByText(world.worker.fullName).waitFor();
    await addressCard.waitFor();
    await checkScreen(page, 'staff-change-requests');

    await phoneCard.getByRole('button', { name: 'Doorvoeren' }).click();
    await page.getByText(`Het verzoek van ${world.worker.fullName} is doorgevoerd.`).waitFor();
    await phoneCard.waitFor({ state: 'detached' });
    const WORKER = 'query ($id: ID!) { flexworker(id: $id) { phone version address { street } } }';
    const worker = await gql<{ flexworker: { phone: string | null; address: { street: string } | null } }>(WORKER, { id: world.worker.flexworkerId });
    expect(worker.flexworker.phone).toBe(world.newPhone);
    expect(worker.flexworker.address).toBeNull();

    // The address request was made on the record before the phone changed: the server refuses it as stale.
    await addressCard.getByRole('button', { name: 'Doorvoeren' }).click();
    const refusal = addressCard.getByRole('alert');
    await refusal.waitFor();
    const server = await t.gql('mutation ($input: ApproveChangeRequestInput!) { approveChangeRequest(input: $input) { changeRequest { id } } }', { input: { id: world.requests.address } }, { token: world.planner.token });
    expect(server.body.errors?.[0].extensions.reason).toBe('CHANGE_REQUEST_STALE');
    await expect(refusal.textContent()).resolves.toBe(server.body.errors?.[0].message);
    await checkScreen(page, 'staff-change-request-stale');

    await addressCard.getByRole('button', { name: 'Afwijzen' }).click();
    await addressCard.getByLabel('Reden van afwijzing (de flexwerker leest deze)').fill('Je gegevens zijn net gewijzigd; stuur het verzoek opnieuw.');
    await checkScreen(page, 'staff-change-request-reject');
    await addressCard.getByRole('button', { name: 'Verzoek afwijzen' }).click();
    await page.getByText(`Het verzoek van ${world.worker.fullName} is afgewezen.`).waitFor();
    const REQUESTS = 'query { changeRequests(first: 20) { nodes { id status rejectionReason } } }';
    const requests = await gql<{ changeRequests: { nodes: { id: string; status: string; rejectionReason: string | null }[] } }>(REQUESTS);
    expect(requests.changeRequests.nodes.find((r) => r.id === world.requests.phone)).toMatchObject({ status: 'APPROVED', rejectionReason: null });
    expect(requests.changeRequests.nodes.find((r) => r.id === world.requests.address)).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Je gegevens zijn net gewijzigd; stuur het verzoek opnieuw.',
    });
    await page.getByText('Geen wijzigingsverzoeken.').waitFor();
  }, 120_000);

  it('answers a worker\'s thread, marks it read, and closes it', async () => {
    const page = await asPlanner();
    await openMenu(page, 'Contact');
    await page.getByRole('heading', { name: 'Berichten', level: 1 }).waitFor();
    const row = page.getByRole('list', { name: 'Berichten' }).getByRole('listitem').filter({ hasText: world.threadSubject });
    await row.getByText('1 ongelezen').waitFor();
    await page.getByText('Ongelezen berichten: 1').waitFor();
    await checkScreen(page, 'staff-messages');

    await row.getByRole('link', { name: world.threadSubject }).click();
    await page.getByRole('heading', { name: world.threadSubject, level: 1 }).waitFor();
    await page.getByText('op mijn loonstrook van week 47 mist de zaterdag.', { exact: false }).waitFor();
    const THREAD = 'query ($id: ID!) { messageThread(id: $id) { status unreadCount messages(first: 50) { nodes { from text author { role } } } } }';
    type Thread = { messageThread: { status: string; unreadCount: number; messages: { nodes: { from: string; text: string; author: { role: string } | null }[] } } };
    // Opening the thread marked it read for the agency: the screen says so once the mark is stored.
    await waitUntil(async () => (await gql<Thread>(THREAD, { id: world.threadId })).messageThread.unreadCount === 0);
    await checkScreen(page, 'staff-thread');

    await page.getByLabel('Antwoord').fill('We betalen de zaterdag met de volgende verloning.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('Je antwoord is verstuurd.').waitFor();
    await page.locator('.staff-message-AGENCY').getByText('We betalen de zaterdag met de volgende verloning.').waitFor();
    const seenByWorker = await gql<Thread>(THREAD, { id: world.threadId }, world.worker.token);
    expect(seenByWorker.messageThread.messages.nodes.map((m) => [m.from, m.text])).toEqual([
      ['WRITER', 'Hallo,\n\nop mijn loonstrook van week 47 mist de zaterdag.\nFatima'],
      ['AGENCY', 'We betalen de zaterdag met de volgende verloning.'],
    ]);
    expect(seenByWorker.messageThread.unreadCount).toBe(1);
    await checkScreen(page, 'staff-thread-answered');

    await page.getByRole('button', { name: 'Gesprek sluiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dit gesprek sluiten?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Gesprek sluiten' }).click();
    await page.getByText(/Dit gesprek is gesloten op/).waitFor();
    await expect(page.getByLabel('Antwoord').count()).resolves.toBe(0);
    expect((await gql<Thread>(THREAD, { id: world.threadId })).messageThread.status).toBe('CLOSED');
    await checkScreen(page, 'staff-thread-closed');
  }, 120_000);
});
