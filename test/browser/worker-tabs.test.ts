import { readFile } from 'node:fs/promises';
import { Browser, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { makePdf, sha256 } from '../e2e/document-helpers';
import { TestApp, TEST_PASSWORD } from '../support/test-app';
import { checkScreen, launchBrowser, logIn, phonePage, PhonePage, portalUrl, startPortalApp } from './support/portal-browser';
import { limitedWorld, LimitedWorld, tabsWorld, TabsWorld } from './support/tabs-world';

/*
 * Issue 15: the worker's hamburger-menu tabs in a phone-sized browser, in Dutch. A payslip
 * downloaded (the bytes payroll uploaded), a document signed with consent and password (SIGNED on
 * the server, the sealed copy downloaded), the declaration status with a week's lines, a change
 * request, a conversation with the agency, and a tab the agency switched off (not in the menu,
 * its path shows the server's TAB_DISABLED message).
 */
describe('the worker portal tabs', () => {
  let t: TestApp;
  let browser: Browser;
  let world: TabsWorld;
  let limited: LimitedWorld;
  const opened: PhonePage[] = [];

  beforeAll(async () => {
    t = await startPortalApp();
    browser = await launchBrowser();
    world = await tabsWorld(t);
    limited = await limitedWorld(t);
  }, 180_000);
  afterAll(async () => {
    for (const p of opened) await p.context.close().catch(() => undefined);
    await browser?.close();
    await t?.stop();
  });

  async function workerPage(email = world.worker.email): Promise<PhonePage> {
    const phone = await phonePage(browser, { locale: 'nl-NL' });
    opened.push(phone);
    await logIn(phone.page, t, email, TEST_PASSWORD);
    return phone;
  }

  async function openTab(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async function gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const answer = await t.gql<T>(query, variables, { token });
    if (answer.body.errors?.length || !answer.body.data) throw new Error(JSON.stringify(answer.body.errors));
    return answer.body.data;
  }

  /** Asks `read` again (every 100 ms, up to 10 s) until it answers `wanted`; the last answer. */
  async function eventually<T>(read: () => Promise<T>, wanted: T): Promise<T> {
    let value = await read();
    for (let i = 0; i < 100 && value !== wanted; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      value = await read();
    }
    return value;
  }

  /** What the browser did wrong besides the expected refusals (401s after logout, a 4xx GraphQL answer shown on screen). */
  const unexpected = (problems: string[]) => problems.filter((p) => !/status of (400|401|403)/.test(p));

  it('downloads a payslip and an annual statement: the PDFs payroll uploaded', async () => {
    const { page, problems } = await workerPage();
    await openTab(page, 'Loonstroken');
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
    await item.first().waitFor();
    await expect(item.count()).resolves.toBe(1);
    await checkScreen(page, 'tabs-payslips');

    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: /^Loonstrook .* downloaden$/ }).click()]);
    const file = await download.path();
    const bytes = await readFile(file);
    expect(sha256(bytes)).toBe(sha256(world.payslip.bytes));
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(download.suggestedFilename()).toBe(`payslip-${world.payslip.periodStart}-${world.payslip.periodEnd}.pdf`);

    await openTab(page, 'Jaaropgaven');
    await page.getByRole('heading', { level: 2, name: /Jaaropgave \d{4}/ }).waitFor();
    await checkScreen(page, 'tabs-annual-statements');
    const [annual] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Jaaropgave \d{4} downloaden/ }).click()]);
    expect(sha256(await readFile(await annual.path()))).toBe(sha256(world.annualBytes));
    expect(unexpected(problems)).toEqual([]);
  }, 120_000);

  it('signs a document with the consent statement and the password, and downloads the signed copy', async () => {
    const { page, problems } = await workerPage();
    await openTab(page, 'Te ondertekenen');
    await page.getByRole('link', { name: world.signingTitle }).waitFor();
    await checkScreen(page, 'tabs-signing-list');
    await page.getByRole('link', { name: world.signingTitle }).click();
    await page.getByRole('heading', { level: 1, name: world.signingTitle }).waitFor();
    await checkScreen(page, 'tabs-signing-document');

    // The original opens through a fresh link: the same bytes staff uploaded (its hash on the server).
    const [original] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF downloaden' }).click()]);
    const server = await gql<{ signingRequest: { sha256: string } }>('query ($id: ID!) { signingRequest(id: $id) { sha256 } }', { id: world.signingRequestId }, world.agency.staffToken);
    const originalBytes = await readFile(await original.path());
    expect(sha256(originalBytes)).toBe(server.signingRequest.sha256);

    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    const consent = await gql<{ signingConsent: { text: string; language: string } }>(
      'query ($id: ID!) { signingConsent(signingRequestId: $id) { text language } }',
      { id: world.signingRequestId },
      world.worker.token,
    );
    expect(consent.signingConsent.language).toBe('nl');
    await expect(page.locator('blockquote.tabs-consent').textContent()).resolves.toBe(consent.signingConsent.text);
    await checkScreen(page, 'tabs-signing-consent');

    // Without the tick: the server's refusal, and nothing signed.
    await page.getByLabel('Je wachtwoord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Document ondertekenen' }).click();
    await page.getByRole('alert').first().waitFor();
    await checkScreen(page, 'tabs-signing-consent-required');
    const still = await gql<{ signingRequest: { status: string } }>('query ($id: ID!) { signingRequest(id: $id) { status } }', { id: world.signingRequestId }, world.agency.staffToken);
    expect(still.signingRequest.status).toBe('PENDING');

    await page.getByLabel('Ik heb de verklaring hierboven gelezen en ga akkoord').check();
    await page.getByLabel('Je wachtwoord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Document ondertekenen' }).click();
    await page.getByText('Dank je, het document is ondertekend.').waitFor();
    await checkScreen(page, 'tabs-signing-signed');

    const signed = await gql<{ signingRequest: { status: string; evidence: { consentText: string; consentLanguage: string } } }>(
      'query ($id: ID!) { signingRequest(id: $id) { status evidence { consentText consentLanguage } } }',
      { id: world.signingRequestId },
      world.agency.staffToken,
    );
    expect(signed.signingRequest.status).toBe('SIGNED');
    expect(signed.signingRequest.evidence).toEqual({ consentText: consent.signingConsent.text, consentLanguage: 'nl' });

    const [copy] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ondertekend exemplaar downloaden' }).click()]);
    const copyBytes = await readFile(await copy.path());
    const copyPdf = await PDFDocument.load(copyBytes);
    expect(copyPdf.getPageCount()).toBe((await PDFDocument.load(originalBytes)).getPageCount() + 1); // the evidence page
    expect(copyBytes.subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('link', { name: 'Terug naar alle documenten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Eerdere documenten' }).waitFor();
    await page.getByRole('region', { name: 'Eerdere documenten' }).getByRole('link', { name: world.signingTitle }).waitFor();
    await expect(page.locator('section[aria-labelledby="tabs-signing-pending"]').getByRole('link', { name: world.signingTitle }).count()).resolves.toBe(0);
    await checkScreen(page, 'tabs-signing-list-signed');
    expect(unexpected(problems)).toEqual([]);
  }, 120_000);

  it('declines a document with a reason', async () => {
    const { page, problems } = await workerPage();
    await page.goto(portalUrl(t, `/signing/${world.declineRequest.id}`));
    await page.getByRole('heading', { level: 1, name: world.declineRequest.title }).waitFor();
    await page.getByRole('button', { name: 'Weigeren', exact: true }).click();
    // No reason: the server's refusal at the field, and the document stays to sign.
    await page.getByRole('button', { name: 'Document weigeren' }).click();
    await page.locator('.field-invalid textarea').waitFor();
    await checkScreen(page, 'tabs-signing-decline-refused');
    await page.getByLabel('Waarom weiger je het?').fill('De pauzetijden kloppen niet.');
    await page.getByRole('button', { name: 'Document weigeren' }).click();
    await page.getByText('De pauzetijden kloppen niet.').waitFor();
    await checkScreen(page, 'tabs-signing-declined');
    const declined = await gql<{ signingRequest: { status: string; declineReason: string } }>(
      'query ($id: ID!) { signingRequest(id: $id) { status declineReason } }',
      { id: world.declineRequest.id },
      world.agency.staffToken,
    );
    expect(declined.signingRequest).toEqual({ status: 'DECLINED', declineReason: 'De pauzetijden kloppen niet.' });
    expect(unexpected(problems)).toEqual([]);
  }, 120_000);

  it('lists the approved week in the declaration status and shows its lines with explanations', async () => {
    const { page, problems } = await workerPage();
    await openTab(page, 'Declaratiestatus');
    const card = page.getByRole('listitem').filter({ hasText: `Week ${world.week.number}, ${world.week.week.slice(0, 4)}` });
    await card.waitFor();
    await expect(card.getByText('Geaccordeerd').isVisible()).resolves.toBe(true);
    await expect(card.getByText('17:30').isVisible()).resolves.toBe(true);
    await checkScreen(page, 'tabs-declarations');

    await card.getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Uren per uurcode' }).waitFor();
    const server = await gql<{ timesheet: { preview: { days: { lines: { hourCode: string; hours: string; explanation: { text: string } }[] }[] } } }>(
      'query ($id: ID!) { timesheet(id: $id) { preview { days { lines { hourCode hours explanation { text } } } } } }',
      { id: world.week.id },
      world.worker.token,
    );
    const lines = server.timesheet.preview.days.flatMap((d) => d.lines);
    expect(lines.map((l) => l.hourCode).sort()).toEqual(['H100', 'H100', 'OW150']);
    for (const line of lines) await expect(page.getByText(line.explanation.text).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('Overwerk').first().isVisible()).resolves.toBe(true);
    await checkScreen(page, 'tabs-declaration-week');
    expect(unexpected(problems)).toEqual([]);
  }, 120_000);

  it('shows the worker their data and sends a change request that staff then see', async () => {
    const { page, problems } = await workerPage();
    await openTab(page, 'Jouw gegevens');
    const mine = await gql<{ myInformation: { flexworker: { bsnMasked: string; ibanMasked: string } } }>(
      '{ myInformation { flexworker { bsnMasked ibanMasked } } }',
      {},
      world.worker.token,
    );
    await page.getByText(mine.myInformation.flexworker.bsnMasked, { exact: true }).waitFor();
    await expect(page.getByText(mine.myInformation.flexworker.ibanMasked, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: world.contactEmail }).isVisible()).resolves.toBe(true);
    await checkScreen(page, 'tabs-information');

    await page.getByRole('button', { name: 'Wijziging doorgeven' }).click();
    await checkScreen(page, 'tabs-information-form');
    // A new IBAN without the password: the server's refusal at the password field, nothing sent.
    await page.getByLabel('Nieuw IBAN').fill('NL02ABNA0123456789');
    await page.getByLabel('Toelichting voor het uitzendbureau').fill('Nieuwe bank');
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.locator('.field-invalid').first().waitFor();
    await checkScreen(page, 'tabs-information-refused');
    await page.getByLabel('Nieuw IBAN').fill('');

    await page.getByLabel('Nieuw telefoonnummer').fill('+31 6 1234 5678');
    await page.getByLabel('Toelichting voor het uitzendbureau').fill('Nieuw nummer sinds 1 december.');
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Je verzoek is naar het uitzendbureau gestuurd.').waitFor();
    const listed = page.getByRole('region', { name: 'Je verzoeken' }).getByRole('listitem');
    await listed.filter({ hasText: '+31 6 1234 5678' }).waitFor();
    await expect(listed.count()).resolves.toBe(1);
    await expect(listed.getByText('Wacht op het uitzendbureau').isVisible()).resolves.toBe(true);
    await checkScreen(page, 'tabs-information-sent');

    const requests = await gql<{ changeRequests: { nodes: { status: string; note: string; proposed: { fields: string[]; phone: string } }[] } }>(
      'query ($id: ID) { changeRequests(flexworkerId: $id, first: 10) { nodes { status note proposed { fields phone } } } }',
      { id: world.flexworkerId },
      world.agency.staffToken,
    );
    expect(requests.changeRequests.nodes).toEqual([{ status: 'OPEN', note: 'Nieuw nummer sinds 1 december.', proposed: { fields: ['PHONE'], phone: '+31 6 1234 5678' } }]);
    expect(unexpected(problems)).toEqual([]);
  }, 120_000);

  it('starts a conversation with the agency, sees the answer as unread, and replies', async () => {
    const { page, problems } = await workerPage();
    await openTab(page, 'Contact');
    await page.getByText('Je hebt het uitzendbureau nog niet geschreven.').waitFor();
    await checkScreen(page, 'tabs-contact-empty');
    await page.getByRole('button', { name: 'Nieuw bericht' }).click();
    await page.getByLabel('Onderwerp').fill('Loonstrook week 47');
    await page.getByLabel('Bericht', { exact: true }).fill('Hallo,\n\nop mijn loonstrook mist de zaterdag.\nSanne');
    await checkScreen(page, 'tabs-contact-new');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Loonstrook week 47' }).waitFor();
    await expect(page.getByText('op mijn loonstrook mist de zaterdag.', { exact: false }).isVisible()).resolves.toBe(true);
    await checkScreen(page, 'tabs-contact-thread');

    const threads = await gql<{ messageThreads: { nodes: { id: string; subject: string; messageCount: number }[] } }>(
      '{ messageThreads(first: 10) { nodes { id subject messageCount } } }',
      {},
      world.agency.staffToken,
    );
    const thread = threads.messageThreads.nodes.find((n) => n.subject === 'Loonstrook week 47');
    expect(thread?.messageCount).toBe(1);
    await gql('mutation ($input: WriteMessageInput!) { writeMessage(input: $input) { message { id } } }', { input: { threadId: thread!.id, text: 'We betalen de zaterdag met de volgende run.' } }, world.agency.staffToken);

    await page.getByRole('link', { name: 'Terug naar alle berichten' }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'Loonstrook week 47' });
    await row.getByText('1 nieuw').waitFor();
    await checkScreen(page, 'tabs-contact-list-unread');

    await row.getByRole('link', { name: 'Loonstrook week 47' }).click();
    await page.getByText('We betalen de zaterdag met de volgende run.').waitFor();
    // Opening the thread marks it read on the server.
    const unread = async () =>
      (await gql<{ messageThread: { unreadCount: number } }>('query ($id: ID!) { messageThread(id: $id) { unreadCount } }', { id: thread!.id }, world.worker.token)).messageThread.unreadCount;
    await expect(eventually(unread, 0)).resolves.toBe(0);
    await page.getByLabel('Bericht', { exact: true }).fill('Dank je wel!');
    // With a file: uploaded first (POST /uploads), then named in the message.
    const attachmentBytes = await makePdf('Urenbriefje week 47');
    await page.getByLabel('Bijlage (optioneel)').setInputFiles({ name: 'urenbriefje week 47.pdf', mimeType: 'application/pdf', buffer: attachmentBytes });
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('Je bericht is verstuurd.').waitFor();
    await page.locator('.tabs-message').filter({ hasText: 'Dank je wel!' }).waitFor();
    await checkScreen(page, 'tabs-contact-replied');
    const [attachment] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'urenbriefje week 47.pdf downloaden' }).click()]);
    expect(sha256(await readFile(await attachment.path()))).toBe(sha256(attachmentBytes));

    const stored = await gql<{ messageThread: { messages: { nodes: { from: string; text: string }[] } } }>(
      'query ($id: ID!) { messageThread(id: $id) { messages(first: 10) { nodes { from text attachment { fileName contentType } } } } }',
      { id: thread!.id },
      world.agency.staffToken,
    );
    expect(stored.messageThread.messages.nodes).toEqual([
      { from: 'WRITER', text: 'Hallo,\n\nop mijn loonstrook mist de zaterdag.\nSanne', attachment: null },
      { from: 'AGENCY', text: 'We betalen de zaterdag met de volgende run.', attachment: null },
      { from: 'WRITER', text: 'Dank je wel!', attachment: { fileName: 'urenbriefje week 47.pdf', contentType: 'application/pdf' } },
    ]);
    expect(unexpected(problems)).toEqual([]);
  }, 120_000);

  it('lets a relation contact write to the agency through the same contact screens', async () => {
    const { page, problems } = await workerPage(world.relationContact.email);
    await openTab(page, 'Contact');
    await page.getByRole('button', { name: 'Nieuw bericht' }).click();
    await page.getByLabel('Onderwerp').fill('Extra kracht volgende week');
    await page.getByLabel('Bericht', { exact: true }).fill('Kunnen jullie maandag iemand extra sturen?');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Extra kracht volgende week' }).waitFor();
    await checkScreen(page, 'tabs-contact-relation-thread');
    await page.getByRole('link', { name: 'Terug naar alle berichten' }).click();
    await page.getByRole('link', { name: 'Extra kracht volgende week' }).waitFor();
    await checkScreen(page, 'tabs-contact-relation-list');
    const threads = await gql<{ messageThreads: { nodes: { subject: string; writerRole: string; flexworkerId: string | null }[] } }>(
      '{ messageThreads(first: 20) { nodes { subject writerRole flexworkerId } } }',
      {},
      world.agency.staffToken,
    );
    expect(threads.messageThreads.nodes.filter((n) => n.subject === 'Extra kracht volgende week')).toEqual([
      { subject: 'Extra kracht volgende week', writerRole: 'RELATION_CONTACT', flexworkerId: null },
    ]);
    expect(unexpected(problems)).toEqual([]);
  }, 120_000);

  it('hides a tab the agency switched off, and its path shows the server’s TAB_DISABLED message', async () => {
    const { page } = await workerPage(limited.worker.email);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('navigation').getByRole('link').allTextContents()).resolves.toEqual(['Mijn uren', 'Declaratiestatus', 'Contact', 'Instellingen']);
    await page.getByRole('button', { name: 'Menu' }).click();

    const refusal = await t.gql('{ payslips(first: 1) { nodes { id } } }', {}, { token: limited.worker.token });
    const error = refusal.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TAB_DISABLED' });

    await page.goto(portalUrl(t, '/payslips'));
    await page.getByRole('heading', { level: 1, name: 'Loonstroken' }).waitFor();
    const shown = page.locator('.error-box [data-code="FORBIDDEN"]');
    await shown.waitFor();
    await expect(shown.textContent()).resolves.toBe(error!.message);
    await checkScreen(page, 'tabs-disabled');

    await page.goto(portalUrl(t, '/signing'));
    await page.getByRole('heading', { level: 1, name: 'Te ondertekenen' }).waitFor();
    await page.locator('.error-box [data-code="FORBIDDEN"]').waitFor();
  }, 120_000);
});
