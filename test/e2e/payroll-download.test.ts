import { createAgencyWithStaff, login, startTestApp, TestApp, TravelClock, unique } from '../support/test-app';
import { allLines, createExport, LineNode } from './payroll-helpers';
import { PayrollClient, payrollWorld, PayrollWorld } from './payroll-world';
import { WED_W48_1000 } from './week-helpers';

/*
 * Issue 10, large exports: every line of an export as CSV and as NDJSON over plain HTTP, streamed
 * from the database a batch at a time (three lines per batch here, so that a download spans many
 * batches), the same lines in the same order as the GraphQL pages.
 */

const COLUMNS = 'sign,flexworkerId,payrollNumber,workerName,bsn,placementId,costCentre,purchaseOrderReference,relationId,relationName,timesheetId,week,date,hourCode,kind,percentage,minutes,scheduleVersion,declarationId,declarationNumber,correctsExportId,correctsDeclarationId,count';

describe('payroll exports as CSV and NDJSON downloads', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let w: PayrollWorld;
  let payroll: PayrollClient;
  let exportId: string;
  let number: number;
  let lines: LineNode[];

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { PAYROLL_DOWNLOAD_BATCH_SIZE: '3', DATABASE_POOL_SIZE: '2' } });
    w = await payrollWorld(t, 3);
    payroll = await w.payrollClient();
    for (const worker of w.workers) {
      await w.approveWeek(worker, '2026-W46', [{ date: '2026-11-09', h100: '8:00', ow150: '1:15' }, { date: '2026-11-10', h100: '7:45' }]);
      await w.approveWeek(worker, '2026-W47', [{ date: '2026-11-16', h100: '6:00' }]);
    }
    // A relation name that needs quoting in CSV.
    await t.app.services.organisation.updateRelation.execute(w.agency.staff, { id: w.relationId, expectedVersion: 1, name: 'Bouw, "De Toren" BV' });
    const made = (await createExport(t, payroll.apiKey, unique('dl-'))).payrollExport;
    [exportId, number] = [made.id, made.number];
    lines = await allLines(t, payroll.apiKey, exportId, 4);
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  const download = (format: string, token?: string, id = exportId) =>
    fetch(`${t.baseUrl}/payroll/exports/${id}/lines.${format}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('streams every line as CSV, quoted where needed, in the order of the GraphQL pages', async () => {
    expect(lines).toHaveLength(12);
    const response = await download('csv', payroll.apiKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="payroll-export-${number}.csv"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-line-count')).toBe('12');
    const rows = parseCsv(await response.text());
    expect(rows[0].join(',')).toBe(COLUMNS);
    const columns = rows[0];
    const asText = (line: LineNode) => columns.map((c) => (line[c as keyof LineNode] === null ? '' : String(line[c as keyof LineNode])));
    expect(rows.slice(1)).toEqual(lines.map(asText));
    expect(rows[1][columns.indexOf('relationName')]).toBe('Bouw, "De Toren" BV');
  });

  it('streams every line as NDJSON with the same fields and values as GraphQL', async () => {
    const response = await download('ndjson', payroll.apiKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="payroll-export-${number}.ndjson"`);
    const text = await response.text();
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(lines);
  });

  it('lets staff download too, and refuses everyone else with a JSON error', async () => {
    expect((await download('csv', w.agency.staffToken)).status).toBe(200);
    const anonymous = await download('csv');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    const worker = await download('csv', await login(t, w.workers[0].email, 'correct horse battery'));
    expect(worker.status).toBe(403);
    expect(await worker.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', params: { roles: ['PAYROLL', 'AGENCY_STAFF'] } } }] });
    const other = await createAgencyWithStaff(t, unique('Other '));
    const otherKey = (await t.app.services.identity.createApiClient.execute(other.staff, { name: 'Theirs' })).apiKey;
    const foreign = await download('csv', otherKey);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    expect((await download('csv', payroll.apiKey, 'not-an-id')).status).toBe(404);
    expect((await download('xlsx', payroll.apiKey)).status).toBe(404);
    expect((await download('toString', payroll.apiKey)).status).toBe(404);
  });

  it('gives its database connection back when the client goes away in the middle', async () => {
    for (let i = 0; i < 6; i += 1) {
      const controller = new AbortController();
      const response = await fetch(`${t.baseUrl}/payroll/exports/${exportId}/lines.ndjson`, { headers: { authorization: `Bearer ${payroll.apiKey}` }, signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
      await reader.closed.catch(() => undefined);
    }
    // With a pool of two, a leaked cursor connection would leave these waiting.
    const after = await download('ndjson', payroll.apiKey);
    expect((await after.text()).trimEnd().split('\n')).toHaveLength(12);
    expect(await allLines(t, payroll.apiKey, exportId)).toEqual(lines);
  });
});

/** RFC 4180 rows (CRLF line ends, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [field, i] = [field + '"', i + 1];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') [row, field] = [[...row, field], ''];
    else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      [row, field, i] = [[], '', i + 1];
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
