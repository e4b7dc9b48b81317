import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_AGENCY_ID, DEMO_LOGINS } from '../../src/infrastructure/demo/demo-data';
import { GENEROUS_RATE_LIMITS, login, TEST_FIELD_KEY, TEST_PASSWORD, unique } from '../support/test-app';
import { buildServer, ChildServer, Exit, startChildServer } from './child-server';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf } from './e2e-helpers';
import { postGraphql } from './recording-app';
import { allowedStates, daysFor, helpersFace, normalDays, pastWeeks, TIMESHEET_STATE, TimesheetState, Week, write, WriteRecord } from './shutdown-load';

/*
 * Issue 8's probe kept as a test: SIGTERM in the middle of a load of saves and approvals loses no
 * acknowledged write. The compiled server runs as its own process (src/main.ts: drain HTTP, stop
 * Apollo, close the database, exit) on data of its own: a DATA_DIR of the embedded PostgreSQL, or
 * DATABASE_URL when the run has one. Workers open, save twice and approve their past weeks, a
 * relation contact approves what waits; SIGTERM goes once enough writes were acknowledged. The
 * server restarted on the same data must hold every acknowledged write, and no week half-written.
 */

const WORKERS = 6;
const WEEKS = 6;
/** Acknowledged writes before SIGTERM: well inside the load (WORKERS × WEEKS × 4 writes, plus the relation's). */
const TERM_AFTER = 40;
const STOP_BOUND_MS = 20_000;

const OPEN = `query ($placementId: ID!, $week: IsoWeek!) { timesheetForWeek(placementId: $placementId, week: $week) { ${TIMESHEET_STATE} } }`;
const SAVE = `mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { ${TIMESHEET_STATE} } } }`;
const APPROVE = `mutation ($input: SaveAndApproveTimesheetInput!) { saveAndApproveTimesheet(input: $input) { timesheet { ${TIMESHEET_STATE} } } }`;
const AWAITING = '{ declarationsAwaitingApproval(first: 20) { nodes { id } } }';
const RELATION_APPROVE = 'mutation ($input: ApproveDeclarationsInput!) { approveDeclarations(input: $input) { declarations { id status } } }';
const TIMESHEETS = `query ($filter: TimesheetFilterInput) { timesheets(filter: $filter, first: 500) { nodes { ${TIMESHEET_STATE} declarations { id status } } } }`;

interface Worker {
  readonly name: string;
  readonly flexworkerId: string;
  readonly placementId: string;
  readonly token: string;
}

interface World {
  readonly staffToken: string;
  readonly contactToken: string;
  readonly workers: Worker[];
}

type StoredTimesheet = TimesheetState & { declarations: { id: string; status: string }[] };

function serverEnv(dataDir: string, seedDemo: boolean): Record<string, string> {
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SEED_DEMO: String(seedDemo),
    SHUTDOWN_TIMEOUT_MS: '10000',
    // On the run's database the rate counters are shared with every other suite's logins from 127.0.0.1.
    ...GENEROUS_RATE_LIMITS,
  };
  return process.env.DATABASE_URL
    ? // On the run's shared database the mail job would deliver other test files' mails; on its own one the jobs run as in production.
      { ...env, DATABASE_URL: process.env.DATABASE_URL, FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY, JOBS: 'false' }
    : { ...env, DATA_DIR: dataDir };
}

/** The demo's staff member (SEED_DEMO on the first start) sets up a relation with a contact, and workers with logins and placements. */
async function createWorld(url: string, weeks: Week[]): Promise<World> {
  const t = helpersFace(url);
  const staff = await postGraphql<{ login: { token: string } }>(url, 'mutation ($input: LoginInput!) { login(input: $input) { token } }', {
    input: { email: DEMO_LOGINS.users.find((u) => u.role === 'AGENCY_STAFF')!.email, password: DEMO_LOGINS.password, agencyId: DEMO_AGENCY_ID },
  }, {});
  const staffToken = dataOf(staff).login.token;
  const relation = await createRelation(t, staffToken, { name: unique('Shutdown client ') });
  const contactEmail = `${unique('contact')}@client.example`;
  await createUser(t, staffToken, { email: contactEmail, role: 'RELATION_CONTACT', relationId: relation.id, password: TEST_PASSWORD, displayName: 'Contact' });
  const workers: Worker[] = [];
  for (let i = 0; i < WORKERS; i++) {
    const email = `${unique('worker')}@example.com`;
    const worker = await createFlexworker(t, staffToken, { firstName: `Worker${i}`, lastName: unique('Load'), email });
    await createUser(t, staffToken, { email, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD, displayName: worker.firstName });
    const placement = await createPlacement(t, staffToken, { flexworkerId: worker.id, relationId: relation.id, startDate: weeks[0].monday, functionName: 'Packer' });
    workers.push({ name: worker.firstName, flexworkerId: worker.id, placementId: placement.id, token: await login(t, email, TEST_PASSWORD) });
  }
  return { staffToken, contactToken: await login(t, contactEmail, TEST_PASSWORD), workers };
}

/** A worker's weeks one after another: open, save, save, approve; ends at the first write not acknowledged. */
async function workerLoad(url: string, worker: Worker, weeks: Week[], records: WriteRecord[]): Promise<'done' | 'cut'> {
  let written = 0;
  const pick = (data: Record<string, TimesheetState>) => Object.values(data)[0];
  // A save's or an approval's payload holds the week as `timesheet`.
  const pickSaved = (data: Record<string, { timesheet: TimesheetState }>) => Object.values(data)[0].timesheet;
  for (const week of weeks) {
    const opened = await write<Record<string, TimesheetState>>(records, { actor: worker.name, kind: 'open' }, url, OPEN, { placementId: worker.placementId, week: week.week }, { token: worker.token }, pick);
    if (!opened) return 'cut';
    let sheet = pick(opened);
    for (const kind of ['save', 'save', 'approve'] as const) {
      const days = daysFor(week, written++);
      const input = { timesheetId: sheet.id, expectedVersion: sheet.version, days, ...(kind === 'approve' ? { confirm: true } : {}) };
      const answer = await write<Record<string, { timesheet: TimesheetState }>>(records, { actor: worker.name, kind, timesheetId: sheet.id, sentDays: days }, url, kind === 'save' ? SAVE : APPROVE, { input }, { token: worker.token }, pickSaved);
      if (!answer) return 'cut';
      sheet = pickSaved(answer);
    }
  }
  return 'done';
}

/** The relation contact approves whatever waits, until the workers are done or the server stops answering. */
async function relationLoad(url: string, token: string, records: WriteRecord[], workersDone: () => boolean): Promise<'done' | 'cut'> {
  while (!workersDone()) {
    let waiting: string[];
    try {
      const answer = await postGraphql<{ declarationsAwaitingApproval: { nodes: { id: string }[] } }>(url, AWAITING, {}, { token, timeoutMs: 20_000 });
      if (!answer.body.data) return 'cut';
      waiting = answer.body.data.declarationsAwaitingApproval.nodes.map((n) => n.id);
    } catch {
      return 'cut';
    }
    if (waiting.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    const approved = await write(records, { actor: 'contact', kind: 'relationApprove', declarationIds: waiting }, url, RELATION_APPROVE, { input: { declarationIds: waiting } }, { token });
    if (!approved) return 'cut';
  }
  return 'done';
}

describe('SIGTERM during a load of saves and approvals (the compiled server as its own process)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flexportal-shutdown-'));
  let server: ChildServer | undefined;

  beforeAll(() => {
    buildServer();
  }, 300_000);
  afterAll(async () => {
    await server?.stop('SIGKILL', 5_000).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('loses no acknowledged write, leaves no week half-written, and the restarted server answers on the same data', async () => {
    const weeks = pastWeeks(WEEKS);
    server = await startChildServer(serverEnv(dataDir, true));
    const world = await createWorld(server.url, weeks);

    // The load, and SIGTERM once TERM_AFTER writes were acknowledged.
    const records: WriteRecord[] = [];
    const acked = () => records.filter((r) => r.outcome?.kind === 'acked').length;
    let workersDone = 0;
    const workerRuns = world.workers.map((w) => workerLoad(server!.url, w, weeks, records).finally(() => (workersDone += 1)));
    const relationRun = relationLoad(server.url, world.contactToken, records, () => workersDone === WORKERS);
    const started = Date.now();
    while (acked() < TERM_AFTER && workersDone < WORKERS) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(workersDone).toBe(0); // SIGTERM must come in the middle of the load
    const ackedAtTerm = acked();
    const exit: Exit = await server.stop('SIGTERM', STOP_BOUND_MS);
    const ends = await Promise.all([...workerRuns, relationRun]);
    const loadMs = Date.now() - started;
    const firstOutput = server.output();
    server = undefined;

    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(firstOutput).toMatch(/"msg":"shutting down"/);
    expect(firstOutput).toMatch(/"msg":"stopped"/);
    expect(firstOutput).not.toMatch(/shutdown took too long/);
    expect(ends.filter((end) => end === 'cut').length).toBeGreaterThanOrEqual(WORKERS); // every worker was stopped mid-way
    const unanswered = records.filter((r) => r.outcome?.kind !== 'acked');
    // No write was refused: the ones the server had taken were finished, the others never reached it.
    expect(unanswered.filter((r) => r.outcome?.kind === 'refused')).toEqual([]);

    // The same data, a new process.
    server = await startChildServer(serverEnv(dataDir, false));
    const stored = new Map<string, StoredTimesheet>();
    for (const worker of world.workers) {
      const answer = await postGraphql<{ timesheets: { nodes: StoredTimesheet[] } }>(server.url, TIMESHEETS, { filter: { flexworkerId: worker.flexworkerId } }, { token: world.staffToken });
      for (const sheet of dataOf(answer).timesheets.nodes) stored.set(sheet.id, sheet);
    }

    // Every acknowledged write is there: the week as its last acknowledged write showed it (or as the one unanswered write made it).
    const touched = [...new Set(records.filter((r) => r.outcome?.kind === 'acked' && r.timesheetId).map((r) => r.timesheetId!))];
    expect(touched.length).toBeGreaterThanOrEqual(WORKERS);
    for (const id of touched) {
      const sheet = stored.get(id);
      expect(sheet).toBeDefined();
      const approvedByRelation = sheet!.status === 'APPROVED';
      const asWorkerLeftIt = { status: approvedByRelation ? 'SUBMITTED' : sheet!.status, version: sheet!.version - (approvedByRelation ? 1 : 0), days: normalDays(sheet!.days) };
      expect(allowedStates(records, id)).toContainEqual(asWorkerLeftIt);
    }
    const relationAcked = new Set(records.filter((r) => r.kind === 'relationApprove' && r.outcome?.kind === 'acked').flatMap((r) => r.declarationIds!));
    const relationUnanswered = new Set(records.filter((r) => r.kind === 'relationApprove' && r.outcome?.kind !== 'acked').flatMap((r) => r.declarationIds!));
    const declarations = new Map([...stored.values()].flatMap((s) => s.declarations.map((d) => [d.id, d.status] as const)));
    for (const id of relationAcked) expect([id, declarations.get(id)]).toEqual([id, 'APPROVED']);

    // No week half-written: its status, its declaration and its days agree.
    for (const sheet of stored.values()) {
      if (sheet.status === 'OPEN') {
        expect({ id: sheet.id, current: sheet.currentDeclaration, declarations: sheet.declarations }).toEqual({ id: sheet.id, current: null, declarations: [] });
        continue;
      }
      expect(sheet.currentDeclaration).not.toBeNull();
      expect(sheet.declarations).toHaveLength(1);
      expect(normalDays(sheet.currentDeclaration!.days)).toEqual(normalDays(sheet.days));
      expect([sheet.status, sheet.currentDeclaration!.status]).toEqual(sheet.status === 'APPROVED' ? ['APPROVED', 'APPROVED'] : ['SUBMITTED', 'AWAITING_RELATION']);
      if (sheet.status === 'APPROVED') expect(relationAcked.has(sheet.currentDeclaration!.id) || relationUnanswered.has(sheet.currentDeclaration!.id)).toBe(true);
    }

    // The restarted server takes writes again.
    const next = await postGraphql<{ timesheetForWeek: TimesheetState }>(server.url, OPEN, { placementId: world.workers[0].placementId, week: weeks[WEEKS - 1].week }, { token: world.workers[0].token });
    expect(dataOf(next).timesheetForWeek.id).toEqual(expect.any(String));
    const secondExit = await server.stop('SIGTERM', STOP_BOUND_MS);
    server = undefined;
    expect(secondExit).toMatchObject({ code: 0, signal: null });

    console.log(
      `shutdown under load: ${records.length} writes sent, ${acked()} acknowledged (${ackedAtTerm} before SIGTERM), ` +
        `${unanswered.length} unanswered; load ${loadMs} ms; exit ${exit.ms} ms after SIGTERM`,
    );
  }, 240_000);
});
