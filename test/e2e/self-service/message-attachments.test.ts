import { createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, unique } from '../../support/test-app';
import { makePdf, refusalIn, DocumentError } from '../document-helpers';
import { createFlexworker, createUser, dataOf, expectError } from '../e2e-helpers';

/*
 * A file with a message (issue 12, "optioneel een bijlage"): uploaded first with POST /uploads, then
 * named by the message. Both sides of the thread download it through a short-lived link; nobody
 * else can use the upload or reach the file; a refused message leaves nothing behind; the link
 * stops working for the writer when the agency switches the contact tab off.
 */

const ATTACHMENT = 'attachment { fileName contentType size downloadUrl downloadUrlExpiresAt }';
const START = `mutation ($input: StartMessageThreadInput!) { startMessageThread(input: $input) { thread { id messageCount } message { id text ${ATTACHMENT} } } }`;
const WRITE = `mutation ($input: WriteMessageInput!) { writeMessage(input: $input) { message { id text ${ATTACHMENT} } } }`;
const ONE = `query ($id: ID!) { messageThread(id: $id) { id messages(first: 50) { nodes { id text ${ATTACHMENT} } } } }`;

/** A small PNG: its signature and an IHDR chunk's start (the upload checks the signature). */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000dIHDR photo of a timesheet', 'latin1')]);

interface Attachment { fileName: string; contentType: string; size: number; downloadUrl: string; downloadUrlExpiresAt: string }
interface MessageNode { id: string; text: string; attachment: Attachment | null }

describe('contact: message attachments', () => {
  let t: TestApp;
  let agency: TestAgency;
  let workerToken: string;
  let otherWorkerToken: string;
  let other: TestAgency;

  async function upload(token: string, body: Buffer, contentType: string, fileName: string) {
    const response = await fetch(`${t.baseUrl}/uploads?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
      body,
    });
    return { status: response.status, json: (await response.json()) as { id: string } & DocumentError };
  }

  async function uploadId(token: string, body: Buffer, contentType: string, fileName: string): Promise<string> {
    const answer = await upload(token, body, contentType, fileName);
    expect(answer.status).toBe(201);
    return answer.json.id;
  }

  async function worker(on: TestAgency): Promise<string> {
    const record = await createFlexworker(t, on.staffToken, { lastName: unique('Kowalski') });
    const email = `${unique('attach-worker')}@example.com`;
    await createUser(t, on.staffToken, { email, role: 'FLEXWORKER', password: TEST_PASSWORD, displayName: 'Worker', flexworkerId: record.id, language: 'PL' });
    return login(t, email, TEST_PASSWORD);
  }

  async function counts(): Promise<{ threads: number; messages: number }> {
    const [row] = (await t.app.database.dataSource.query(
      `SELECT (SELECT count(*)::int FROM message_threads WHERE agency_id = $1) AS threads, (SELECT count(*)::int FROM messages WHERE agency_id = $1) AS messages`,
      [agency.agencyId],
    )) as { threads: number; messages: number }[];
    return row;
  }

  beforeAll(async () => {
    t = await startTestApp();
    agency = await createAgencyWithStaff(t, unique('Attachments '));
    other = await createAgencyWithStaff(t, unique('Attachments other '));
    workerToken = await worker(agency);
    otherWorkerToken = await worker(agency);
  }, 60_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('sends a picture with the first message and a PDF with the reply; both sides download them', async () => {
    const photo = await uploadId(workerToken, PNG, 'image/png', 'urenbriefje.png');
    const started = dataOf(await t.gql<{ startMessageThread: { thread: { id: string }; message: MessageNode } }>(
      START, { input: { subject: 'Uren week 49', text: 'Hierbij de foto van mijn urenbriefje.', attachmentUploadId: photo } }, { token: workerToken },
    )).startMessageThread;
    expect(started.message.attachment).toMatchObject({ fileName: 'urenbriefje.png', contentType: 'image/png', size: PNG.length });
    const pdf = await makePdf(unique('Loonstrook correctie'));
    const reply = dataOf(await t.gql<{ writeMessage: { message: MessageNode } }>(
      WRITE, { input: { threadId: started.thread.id, text: 'Dank je, hier de gecorrigeerde loonstrook.', attachmentUploadId: await uploadId(agency.staffToken, pdf, 'application/pdf', 'loonstrook.pdf') } },
      { token: agency.staffToken },
    )).writeMessage.message;
    expect(reply.attachment).toMatchObject({ fileName: 'loonstrook.pdf', contentType: 'application/pdf', size: pdf.length });

    for (const token of [workerToken, agency.staffToken]) {
      const nodes = dataOf(await t.gql<{ messageThread: { messages: { nodes: MessageNode[] } } }>(ONE, { id: started.thread.id }, { token })).messageThread.messages.nodes;
      expect(nodes.map((m) => m.attachment?.fileName ?? null)).toEqual(['urenbriefje.png', 'loonstrook.pdf']);
      const [first, second] = await Promise.all(nodes.map((m) => fetch(m.attachment!.downloadUrl)));
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await first.arrayBuffer()).equals(PNG)).toBe(true);
      expect(Buffer.from(await second.arrayBuffer()).equals(pdf)).toBe(true);
    }
    // A message without a file has none.
    const plain = dataOf(await t.gql<{ writeMessage: { message: MessageNode } }>(WRITE, { input: { threadId: started.thread.id, text: 'Top, bedankt!' } }, { token: workerToken })).writeMessage.message;
    expect(plain.attachment).toBeNull();
  });

  it("refuses someone else's, a used or a wrong upload, storing no message", async () => {
    const mine = await uploadId(workerToken, PNG, 'image/png', 'foto.png');
    const before = await counts();
    const start = (token: string, attachmentUploadId: string) => t.gql(START, { input: { subject: 'Vraag', text: 'Zie bijlage', attachmentUploadId } }, { token });
    const refused = expectError(await start(otherWorkerToken, mine), 'BAD_USER_INPUT', 'UPLOAD_NOT_FOUND');
    expect(refused.extensions.field).toBe('attachmentUploadId');
    expectError(await start(otherWorkerToken, '00000000-0000-4000-8000-000000000000'), 'BAD_USER_INPUT', 'UPLOAD_NOT_FOUND');
    // The text is checked too, and a refused message leaves the upload unused.
    expectError(await t.gql(START, { input: { subject: 'Vraag', text: '   ', attachmentUploadId: mine } }, { token: workerToken }), 'BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    dataOf(await start(workerToken, mine));
    expectError(await start(workerToken, mine), 'BAD_USER_INPUT', 'UPLOAD_USED');
    expect((await counts()).threads).toBe(before.threads + 1);
    // A file that is not what it says is refused at the upload, before anything is stored.
    const fake = await upload(workerToken, Buffer.from('not a picture'), 'image/jpeg', 'foto.jpg');
    expect(fake.status).toBe(400);
    expect(refusalIn(fake.json).code).toBe('UPLOAD_NOT_IMAGE');
    // Another agency's staff cannot reach the thread's files.
    const staffOfOther = await uploadId(other.staffToken, PNG, 'image/png', 'x.png');
    expectError(await start(workerToken, staffOfOther), 'BAD_USER_INPUT', 'UPLOAD_NOT_FOUND');
  });

  it("stops the writer's link when the agency switches the contact tab off", async () => {
    const started = dataOf(await t.gql<{ startMessageThread: { message: MessageNode } }>(
      START, { input: { subject: 'Ziekmelding', text: 'Doktersverklaring in de bijlage.', attachmentUploadId: await uploadId(workerToken, PNG, 'image/png', 'verklaring.png') } },
      { token: workerToken },
    )).startMessageThread;
    const url = started.message.attachment!.downloadUrl;
    const settings = 'mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { id } } }';
    dataOf(await t.gql(settings, { input: { enabledTabs: ['DECLARATION_STATUS', 'PAYSLIPS'] } }, { token: agency.staffToken }));
    try {
      expect((await fetch(url)).status).toBe(403);
    } finally {
      dataOf(await t.gql(settings, { input: { enabledTabs: ['DECLARATION_STATUS', 'PAYSLIPS', 'ANNUAL_STATEMENTS', 'PERSONAL_INFORMATION', 'CONTACT', 'DOCUMENTS'] } }, { token: agency.staffToken }));
    }
    expect((await fetch(url)).status).toBe(200);
  });
});
