import { TEST_FIELD_KEY, GENEROUS_RATE_LIMITS, TestApp, TravelClock, unique } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-database';
import { buildServer, ChildServer, startChildServer } from './child-server';
import { EXPORT_FIELDS, ExportNode } from './payroll-helpers';
import { PayrollClient, payrollWorld, PayrollWorld } from './payroll-world';
import { startWeekApp, WED_W48_1000 } from './week-helpers';

/*
 * Issue 10: a crash between creating an export and confirming it loses nothing and doubles
 * nothing. The compiled server runs as a process of its own on the test database and is killed
 * (SIGKILL: no shutdown at all) right after answering, or while it works on the request; started
 * again, the payroll system's retry with the same key finds the one export, and confirming it
 * books each week once.
 */

const STOP_BOUND_MS = 10_000;

async function post<T>(url: string, query: string, variables: object, token: string): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

const CREATE = `mutation ($input: CreatePayrollExportInput!) { createPayrollExport(input: $input) { created payrollExport { ${EXPORT_FIELDS} } } }`;
const CONFIRM = `mutation ($input: ConfirmPayrollExportInput!) { confirmPayrollExport(input: $input) { payrollExport { ${EXPORT_FIELDS} } } }`;

describe('payroll exports when the server is killed between create and confirm', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let server: ChildServer | undefined;

  const start = async () => {
    server = await startChildServer({
      DATABASE_URL: testDatabaseUrl(),
      FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
      SEED_DEMO: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: '4',
      // On the run's shared database the mail job would deliver other test files' mails.
      JOBS: 'false',
      ...GENEROUS_RATE_LIMITS,
    });
    return server.url;
  };
  const kill = async () => {
    await server?.stop('SIGKILL', STOP_BOUND_MS);
    server = undefined;
  };

  beforeAll(async () => {
    buildServer();
    t = await startWeekApp(clock);
  }, 300_000);

  afterAll(async () => {
    await server?.stop('SIGKILL', STOP_BOUND_MS).catch(() => undefined);
    await t?.stop();
  }, 30_000);

  async function approvedWorld(): Promise<{ w: PayrollWorld; payroll: PayrollClient; declarations: string[] }> {
    const w = await payrollWorld(t, 2);
    const declarations = [];
    for (const worker of w.workers) declarations.push((await w.approveWeek(worker, '2026-W47', [{ date: '2026-11-16', h100: '8:00' }])).id);
    return { w, payroll: await w.payrollClient(), declarations };
  }

  async function exportsOfKey(w: PayrollWorld, key: string): Promise<{ id: string; status: string }[]> {
    const rows = (await t.app.database.dataSource.query('SELECT id, status FROM payroll_exports WHERE agency_id = $1 AND idempotency_key = $2', [w.agency.agencyId, key])) as { id: string; status: string }[];
    return rows;
  }

  async function bookedOnce(w: PayrollWorld, declarations: string[]): Promise<void> {
    const rows = (await t.app.database.dataSource.query(
      `SELECT i.declaration_id FROM payroll_export_items i WHERE i.agency_id = $1 AND i.sign = 1 AND i.state = 'CONFIRMED'`,
      [w.agency.agencyId],
    )) as { declaration_id: string }[];
    expect(rows.map((r) => r.declaration_id).sort()).toEqual([...declarations].sort());
  }

  it('answers the retry after a crash that followed the answer with the same export', async () => {
    const { w, payroll, declarations } = await approvedWorld();
    const key = unique('crash-after-');
    let url = await start();
    const first = await post<{ createPayrollExport: { created: boolean; payrollExport: ExportNode } }>(url, CREATE, { input: { idempotencyKey: key } }, payroll.apiKey);
    expect(first.errors).toBeUndefined();
    await kill();

    url = await start();
    const retry = await post<{ createPayrollExport: { created: boolean; payrollExport: ExportNode } }>(url, CREATE, { input: { idempotencyKey: key } }, payroll.apiKey);
    expect(retry.data!.createPayrollExport).toEqual({ created: false, payrollExport: first.data!.createPayrollExport.payrollExport });
    const confirmed = await post<{ confirmPayrollExport: { payrollExport: ExportNode } }>(url, CONFIRM, { input: { exportId: first.data!.createPayrollExport.payrollExport.id } }, payroll.apiKey);
    expect(confirmed.data!.confirmPayrollExport.payrollExport.status).toBe('CONFIRMED');
    await kill();
    expect(await exportsOfKey(w, key)).toEqual([{ id: first.data!.createPayrollExport.payrollExport.id, status: 'CONFIRMED' }]);
    await bookedOnce(w, declarations);
  }, 120_000);

  it('keeps one export per key when the server dies while making it, whichever moment that was', async () => {
    for (const delayMs of [0, 5, 20]) {
      const { w, payroll, declarations } = await approvedWorld();
      const key = unique(`crash-during-${delayMs}-`);
      let url = await start();
      const inFlight = post(url, CREATE, { input: { idempotencyKey: key } }, payroll.apiKey).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await kill();
      await inFlight;

      url = await start();
      const retry = await post<{ createPayrollExport: { created: boolean; payrollExport: ExportNode } }>(url, CREATE, { input: { idempotencyKey: key } }, payroll.apiKey);
      expect(retry.errors).toBeUndefined();
      const made = retry.data!.createPayrollExport.payrollExport;
      expect(made.declarationCount).toBe(2);
      await post(url, CONFIRM, { input: { exportId: made.id } }, payroll.apiKey);
      // A later run finds nothing left to take.
      const next = await post<{ createPayrollExport: { payrollExport: ExportNode } }>(url, CREATE, { input: { idempotencyKey: unique('next-') } }, payroll.apiKey);
      expect(next.data!.createPayrollExport.payrollExport.lineCount).toBe(0);
      await kill();
      expect(await exportsOfKey(w, key)).toEqual([{ id: made.id, status: 'CONFIRMED' }]);
      await bookedOnce(w, declarations);
    }
  }, 180_000);
});
