import { createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, unique } from '../../support/test-app';
import { createFlexworker, createRelation, createUser, dataOf, expectError, expectMessageIn } from '../e2e-helpers';

/*
 * The contact tab (issue 12) over HTTP: a worker and a relation contact each write to their agency;
 * staff see the inbox with unread counts and answer; the writer sees the answer and their unread
 * count; marking read, closing, and writing to a closed thread; only the two sides see a thread
 * (another worker, another contact of the same relation and another agency get NOT_FOUND); bad
 * input in the viewer's language with nothing stored; TAB_DISABLED; the mails in the outbox.
 */

const THREAD = 'id subject status writerId writerRole flexworkerId relationId messageCount unreadCount lastMessageFrom closedAt version';
const START = `mutation ($input: StartMessageThreadInput!) { startMessageThread(input: $input) { thread { ${THREAD} } message { id from text authorId } } }`;
const WRITE = `mutation ($input: WriteMessageInput!) { writeMessage(input: $input) { message { id from text } thread { ${THREAD} } } }`;
const MARK = `mutation ($input: MarkMessageThreadReadInput!) { markMessageThreadRead(input: $input) { thread { ${THREAD} } } }`;
const CLOSE = `mutation ($input: CloseMessageThreadInput!) { closeMessageThread(input: $input) { thread { ${THREAD} } } }`;
const LIST = `query ($status: MessageThreadStatus) { messageThreads(status: $status, first: 50) { unreadCount nodes { ${THREAD} writer { displayName role } } pageInfo { hasNextPage } } }`;
const ONE = `query ($id: ID!) { messageThread(id: $id) { ${THREAD} messages(first: 50) { nodes { id from text authorId author { displayName role } } pageInfo { hasNextPage } } } }`;

interface ThreadNode {
  id: string;
  subject: string;
  status: string;
  writerId: string;
  writerRole: string;
  flexworkerId: string | null;
  relationId: string | null;
  messageCount: number;
  unreadCount: number;
  lastMessageFrom: string;
  closedAt: string | null;
}

interface Side {
  readonly agency: TestAgency;
  readonly workerId: string;
  readonly workerEmail: string;
  readonly workerToken: string;
  readonly otherWorkerToken: string;
  readonly relationId: string;
  readonly contactToken: string;
  readonly otherContactToken: string;
}

describe('contact: messages to the agency', () => {
  let t: TestApp;
  let a: Side;
  let b: Side;

  async function side(label: string): Promise<Side> {
    const agency = await createAgencyWithStaff(t, unique(`Messages ${label} `));
    const newWorker = async (language: string) => {
      const worker = await createFlexworker(t, agency.staffToken, { lastName: unique('Jansen'), language });
      const email = `${unique('msg-worker')}@example.com`;
      await createUser(t, agency.staffToken, { email, role: 'FLEXWORKER', password: TEST_PASSWORD, displayName: `Worker ${label}`, flexworkerId: worker.id, language });
      return { id: worker.id, email, token: await login(t, email, TEST_PASSWORD) };
    };
    const worker = await newWorker('DE');
    const other = await newWorker('EN');
    const relation = await createRelation(t, agency.staffToken, { name: unique('Client ') });
    const newContact = async () => {
      const email = `${unique('msg-contact')}@example.com`;
      await createUser(t, agency.staffToken, { email, role: 'RELATION_CONTACT', password: TEST_PASSWORD, displayName: `Contact ${label}`, relationId: relation.id, language: 'NL' });
      return login(t, email, TEST_PASSWORD);
    };
    return {
      agency,
      workerId: worker.id,
      workerEmail: worker.email,
      workerToken: worker.token,
      otherWorkerToken: other.token,
      relationId: relation.id,
      contactToken: await newContact(),
      otherContactToken: await newContact(),
    };
  }

  async function start(token: string, subject: string, text: string): Promise<{ thread: ThreadNode; message: { id: string; from: string; text: string } }> {
    return dataOf(await t.gql<{ startMessageThread: { thread: ThreadNode; message: { id: string; from: string; text: string } } }>(START, { input: { subject, text } }, { token })).startMessageThread;
  }

  async function write(token: string, threadId: string, text: string): Promise<ThreadNode> {
    return dataOf(await t.gql<{ writeMessage: { thread: ThreadNode } }>(WRITE, { input: { threadId, text } }, { token })).writeMessage.thread;
  }

  async function inbox(token: string, status?: string): Promise<{ unreadCount: number; nodes: ThreadNode[] }> {
    return dataOf(await t.gql<{ messageThreads: { unreadCount: number; nodes: ThreadNode[] } }>(LIST, { status }, { token })).messageThreads;
  }

  async function thread(token: string, id: string): Promise<ThreadNode & { messages: { nodes: { from: string; text: string; author: { displayName: string; role: string } | null }[] } }> {
    return dataOf(await t.gql<{ messageThread: never }>(ONE, { id }, { token })).messageThread;
  }

  async function counts(s: Side): Promise<{ threads: number; messages: number }> {
    const [row] = await t.app.database.dataSource.query(
      'SELECT (SELECT count(*) FROM message_threads WHERE agency_id = $1)::int AS threads, (SELECT count(*) FROM messages WHERE agency_id = $1)::int AS messages',
      [s.agency.agencyId],
    );
    return row;
  }

  async function mails(s: Side): Promise<{ kind: string; recipient_email: string; language: string; recipient_user_id: string | null; payload: Record<string, unknown> }[]> {
    return t.app.database.dataSource.query(
      `SELECT kind, recipient_email, language, recipient_user_id, payload FROM mail_outbox WHERE agency_id = $1 AND kind IN ('MESSAGE_TO_AGENCY', 'MESSAGE_REPLY') ORDER BY created_at, id`,
      [s.agency.agencyId],
    );
  }

  async function setTabs(s: Side, enabledTabs: string[]): Promise<void> {
    dataOf(await t.gql('mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { id } } }', { input: { enabledTabs } }, { token: s.agency.staffToken }));
  }

  beforeAll(async () => {
    t = await startTestApp();
    a = await side('A');
    b = await side('B');
    dataOf(await t.gql('mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { id } } }', {
      input: { contactEmail: 'planning@uboss.example' },
    }, { token: a.agency.staffToken }));
  }, 90_000);

  afterAll(async () => {
    await t?.stop();
  });

  let workerThread: ThreadNode;
  let contactThread: ThreadNode;

  it('a worker and a relation contact each start a thread; the agency gets a mail with the subject and a link, not the text', async () => {
    const fromWorker = await start(a.workerToken, '  Question about my payslip  ', 'Hello,\n\nmy payslip of week 48 misses two hours.\nRegards');
    expect(fromWorker.thread).toMatchObject({
      subject: 'Question about my payslip',
      status: 'OPEN',
      writerRole: 'FLEXWORKER',
      flexworkerId: a.workerId,
      relationId: null,
      messageCount: 1,
      unreadCount: 0,
      lastMessageFrom: 'WRITER',
    });
    expect(fromWorker.message).toMatchObject({ from: 'WRITER', text: 'Hello,\n\nmy payslip of week 48 misses two hours.\nRegards' });
    workerThread = fromWorker.thread;
    const fromContact = await start(a.contactToken, 'Extra worker next week', 'Can you send one more forklift driver?');
    expect(fromContact.thread).toMatchObject({ writerRole: 'RELATION_CONTACT', relationId: a.relationId, flexworkerId: null });
    contactThread = fromContact.thread;

    const sent = await mails(a);
    expect(sent).toHaveLength(2);
    for (const subject of ['Question about my payslip', 'Extra worker next week']) {
      const mail = sent.find((m) => m.payload.subject === subject)!;
      expect(mail).toMatchObject({ kind: 'MESSAGE_TO_AGENCY', recipient_email: 'planning@uboss.example', language: 'nl', recipient_user_id: null });
      expect(mail.payload).toMatchObject({ subject, newThread: true, link: expect.stringMatching(/\/messages\/[0-9a-f-]{36}$/) });
    }
    expect(JSON.stringify(sent)).not.toContain('misses two hours');
    expect(JSON.stringify(sent)).not.toContain('forklift');
  });

  it('staff see the inbox with unread counts; each writer sees only their own thread', async () => {
    const staff = await inbox(a.agency.staffToken);
    expect(staff.nodes.map((n) => n.id).sort()).toEqual([contactThread.id, workerThread.id].sort());
    expect(staff.nodes.map((n) => n.unreadCount)).toEqual([1, 1]);
    expect(staff.unreadCount).toBe(2);
    expect(staff.nodes.find((n) => n.id === workerThread.id)).toMatchObject({ writer: { displayName: 'Worker A', role: 'FLEXWORKER' } });

    const mine = await inbox(a.workerToken);
    expect(mine.nodes.map((n) => n.id)).toEqual([workerThread.id]);
    expect(mine.unreadCount).toBe(0);
    expect((await inbox(a.contactToken)).nodes.map((n) => n.id)).toEqual([contactThread.id]);
    // Another worker, another contact of the same relation, another agency's staff: nothing.
    expect((await inbox(a.otherWorkerToken)).nodes).toEqual([]);
    expect((await inbox(a.otherContactToken)).nodes).toEqual([]);
    expect((await inbox(b.agency.staffToken)).nodes).toEqual([]);
  });

  it('staff reply; the writer sees the reply and the unread count, reading changes nothing, marking read brings it to 0; the reply mails the writer in their language', async () => {
    const replied = await write(a.agency.staffToken, workerThread.id, 'We will correct it in the next run.');
    expect(replied).toMatchObject({ messageCount: 2, unreadCount: 0, lastMessageFrom: 'AGENCY' });
    expect((await inbox(a.agency.staffToken)).unreadCount).toBe(1);

    const mine = await inbox(a.workerToken);
    expect(mine.unreadCount).toBe(1);
    expect(mine.nodes[0]).toMatchObject({ id: workerThread.id, unreadCount: 1 });
    const read = await thread(a.workerToken, workerThread.id);
    expect(read.messages.nodes.map((m) => [m.from, m.text])).toEqual([
      ['WRITER', 'Hello,\n\nmy payslip of week 48 misses two hours.\nRegards'],
      ['AGENCY', 'We will correct it in the next run.'],
    ]);
    expect(read.messages.nodes[1].author).toMatchObject({ role: 'AGENCY_STAFF', displayName: 'Test Staff' });
    // Reading is no mark: still unread.
    expect((await thread(a.workerToken, workerThread.id)).unreadCount).toBe(1);
    const marked = dataOf(await t.gql<{ markMessageThreadRead: { thread: ThreadNode } }>(MARK, { input: { threadId: workerThread.id } }, { token: a.workerToken })).markMessageThreadRead.thread;
    expect(marked.unreadCount).toBe(0);
    expect((await inbox(a.workerToken)).unreadCount).toBe(0);

    const reply = (await mails(a)).filter((m) => m.kind === 'MESSAGE_REPLY');
    expect(reply).toHaveLength(1);
    expect(reply[0]).toMatchObject({ recipient_email: a.workerEmail, language: 'de', payload: expect.objectContaining({ subject: 'Question about my payslip' }) });
    expect(JSON.stringify(reply)).not.toContain('next run');
  });

  it('a writer\'s new message counts for the whole team; one staff mark reads it for all staff', async () => {
    await write(a.workerToken, workerThread.id, 'Thank you!');
    expect((await inbox(a.agency.staffToken)).nodes.find((n) => n.id === workerThread.id)?.unreadCount).toBe(1);
    const toAgency = (await mails(a)).filter((m) => m.kind === 'MESSAGE_TO_AGENCY');
    expect(toAgency).toHaveLength(3);
    expect(toAgency.filter((m) => m.payload.newThread === false).map((m) => m.payload.subject)).toEqual(['Question about my payslip']);
    dataOf(await t.gql(MARK, { input: { threadId: workerThread.id } }, { token: a.agency.staffToken }));
    dataOf(await t.gql(MARK, { input: { threadId: contactThread.id } }, { token: a.agency.staffToken }));
    expect((await inbox(a.agency.staffToken)).unreadCount).toBe(0);
  });

  it('only the two sides see a thread: another worker, another contact of the same relation and another agency get NOT_FOUND', async () => {
    const before = await counts(a);
    for (const token of [a.otherWorkerToken, a.otherContactToken, a.contactToken, b.agency.staffToken, b.workerToken]) {
      expectError(await t.gql(ONE, { id: workerThread.id }, { token }), 'NOT_FOUND');
      expectError(await t.gql(WRITE, { input: { threadId: workerThread.id, text: 'Let me in' } }, { token }), 'NOT_FOUND');
      expectError(await t.gql(MARK, { input: { threadId: workerThread.id } }, { token }), 'NOT_FOUND');
    }
    expectError(await t.gql(ONE, { id: contactThread.id }, { token: a.workerToken }), 'NOT_FOUND');
    expectError(await t.gql(CLOSE, { input: { threadId: workerThread.id } }, { token: b.agency.staffToken }), 'NOT_FOUND');
    expect(await counts(a)).toEqual(before);
    // The same answer as for ids nobody has.
    const nobody = expectError(await t.gql(ONE, { id: '00000000-0000-4000-8000-000000000000' }, { token: a.workerToken }), 'NOT_FOUND');
    const hidden = expectError(await t.gql(ONE, { id: workerThread.id }, { token: a.otherWorkerToken }), 'NOT_FOUND');
    expect(hidden.extensions.reason).toBe(nobody.extensions.reason);
    expectError(await t.gql(WRITE, { input: { threadId: 'not-an-id', text: 'x' } }, { token: a.workerToken }), 'NOT_FOUND');
    // Only staff close; the payroll key has nothing here (the authorization matrix covers every role).
    expectError(await t.gql(CLOSE, { input: { threadId: workerThread.id } }, { token: a.workerToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectError(await t.gql(START, { input: { subject: 'Hi', text: 'Hi' } }, { token: a.agency.staffToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
  });

  it('staff close a thread: it takes no more messages from either side (THREAD_CLOSED); closing again changes nothing', async () => {
    const closed = dataOf(await t.gql<{ closeMessageThread: { thread: ThreadNode } }>(CLOSE, { input: { threadId: contactThread.id } }, { token: a.agency.staffToken })).closeMessageThread.thread;
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
    const before = await counts(a);
    const mailsBefore = (await mails(a)).length;
    const refused = expectError(await t.gql(WRITE, { input: { threadId: contactThread.id, text: 'One more thing' } }, { token: a.contactToken }), 'CONFLICT', 'THREAD_CLOSED');
    expectMessageIn(refused, 'nl');
    expectError(await t.gql(WRITE, { input: { threadId: contactThread.id, text: 'Answer' } }, { token: a.agency.staffToken }), 'CONFLICT', 'THREAD_CLOSED');
    expect(await counts(a)).toEqual(before);
    expect(await mails(a)).toHaveLength(mailsBefore);
    const again = dataOf(await t.gql<{ closeMessageThread: { thread: ThreadNode & { version: number } } }>(CLOSE, { input: { threadId: contactThread.id } }, { token: a.agency.staffToken })).closeMessageThread.thread;
    expect(again).toMatchObject({ status: 'CLOSED', closedAt: closed.closedAt });
    expect((await inbox(a.agency.staffToken, 'CLOSED')).nodes.map((n) => n.id)).toEqual([contactThread.id]);
    expect((await inbox(a.agency.staffToken, 'OPEN')).nodes.map((n) => n.id)).toEqual([workerThread.id]);
    expect((await inbox(a.contactToken)).nodes[0]).toMatchObject({ id: contactThread.id, status: 'CLOSED' });
  });

  it('refuses bad input in the viewer\'s language and stores nothing', async () => {
    const before = await counts(a);
    const mailsBefore = (await mails(a)).length;
    const cases: [string, object, string][] = [
      [a.contactToken, { subject: 'Empty', text: '   \n ' }, 'nl'],
      [a.contactToken, { subject: 'Long', text: 'x'.repeat(5001) }, 'nl'],
      [a.workerToken, { subject: 's'.repeat(151), text: 'Hello' }, 'de'],
      [a.workerToken, { subject: '', text: '' }, 'de'],
    ];
    for (const [token, input, language] of cases) {
      const error = expectError(await t.gql(START, { input }, { token }), 'BAD_USER_INPUT');
      expectMessageIn(error, language);
    }
    const both = expectError(await t.gql(START, { input: { subject: ' ', text: ' ' } }, { token: a.workerToken }), 'BAD_USER_INPUT');
    expect((both.extensions.problems ?? []).map((p) => p.path).sort()).toEqual(['subject', 'text']);
    const tooLong = expectError(await t.gql(WRITE, { input: { threadId: workerThread.id, text: 'y'.repeat(5001) } }, { token: a.workerToken }), 'BAD_USER_INPUT', 'VALUE_TOO_LONG');
    expectMessageIn(tooLong, 'de');
    expect(tooLong.message).not.toBe('This field may be at most 5000 characters long');
    expectError(await t.gql(WRITE, { input: { threadId: workerThread.id, text: '' } }, { token: a.agency.staffToken }), 'BAD_USER_INPUT');
    expectError(await t.gql(WRITE, { input: { threadId: workerThread.id, text: 'bell \u0007' } }, { token: a.workerToken }), 'BAD_USER_INPUT', 'TEXT_CONTROL_CHARACTERS');
    expectError(await t.gql(WRITE, { input: { threadId: '00000000-0000-4000-8000-000000000000', text: 'Hello' } }, { token: a.workerToken }), 'NOT_FOUND');
    expectError(await t.gql(MARK, { input: { threadId: '00000000-0000-4000-8000-000000000000' } }, { token: a.agency.staffToken }), 'NOT_FOUND');
    expectError(await t.gql(CLOSE, { input: { threadId: 'nope' } }, { token: a.agency.staffToken }), 'NOT_FOUND');
    expect(await counts(a)).toEqual(before);
    expect(await mails(a)).toHaveLength(mailsBefore);
  });

  it('pages the messages of a thread and refuses a cursor of another list', async () => {
    const first = dataOf(await t.gql<{ messageThread: { messages: { nodes: { text: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } }>(
      `query ($id: ID!) { messageThread(id: $id) { messages(first: 2) { nodes { text } pageInfo { hasNextPage endCursor } } } }`,
      { id: workerThread.id },
      { token: a.workerToken },
    )).messageThread.messages;
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = dataOf(await t.gql<{ messageThread: { messages: { nodes: { text: string }[] } } }>(
      `query ($id: ID!, $after: String) { messageThread(id: $id) { messages(first: 2, after: $after) { nodes { text } } } }`,
      { id: workerThread.id, after: first.pageInfo.endCursor },
      { token: a.workerToken },
    )).messageThread.messages;
    expect(rest.nodes.map((n) => n.text)).toEqual(['Thank you!']);
    expectError(await t.gql('query ($after: String) { messageThreads(after: $after) { nodes { id } } }', { after: first.pageInfo.endCursor }, { token: a.workerToken }), 'BAD_USER_INPUT', 'CURSOR_INVALID');
  });

  it('an agency without a contact address gets no mail; the tab switched off refuses every operation (writers and staff) and leaves CONTACT out of enabledTabs', async () => {
    const open = await start(b.workerToken, 'Holiday', 'May I take Friday off?');
    expect(await mails(b)).toEqual([]);
    const tabsOf = async (token: string) => dataOf(await t.gql<{ viewer: { enabledTabs: string[] } }>('{ viewer { enabledTabs } }', {}, { token })).viewer.enabledTabs;
    expect(await tabsOf(b.contactToken)).toEqual(['CONTACT']);

    await setTabs(b, ['DECLARATION_STATUS', 'PAYSLIPS']);
    expect(await tabsOf(b.contactToken)).toEqual([]);
    expect(await tabsOf(b.workerToken)).not.toContain('CONTACT');
    const before = await counts(b);
    for (const token of [b.workerToken, b.contactToken, b.agency.staffToken]) {
      expectError(await t.gql(LIST, {}, { token }), 'FORBIDDEN', 'TAB_DISABLED');
      expectError(await t.gql(WRITE, { input: { threadId: open.thread.id, text: 'Still there?' } }, { token }), 'FORBIDDEN', 'TAB_DISABLED');
      expectError(await t.gql(MARK, { input: { threadId: open.thread.id } }, { token }), 'FORBIDDEN', 'TAB_DISABLED');
    }
    expectError(await t.gql(ONE, { id: open.thread.id }, { token: b.workerToken }), 'FORBIDDEN', 'TAB_DISABLED');
    expectError(await t.gql(START, { input: { subject: 'Hi', text: 'Hi' } }, { token: b.workerToken }), 'FORBIDDEN', 'TAB_DISABLED');
    expectError(await t.gql(START, { input: { subject: 'Hi', text: 'Hi' } }, { token: b.contactToken }), 'FORBIDDEN', 'TAB_DISABLED');
    expectError(await t.gql(CLOSE, { input: { threadId: open.thread.id } }, { token: b.agency.staffToken }), 'FORBIDDEN', 'TAB_DISABLED');
    expect(await counts(b)).toEqual(before);
  });
});
