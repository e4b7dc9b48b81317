import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GqlResponse, startTestApp, TestApp, TravelClock } from '../support/test-app';
import { dataOf, expectError } from './e2e-helpers';
import { formatJson, Json, loadSchema, mismatches, Placeholders, readApiDoc, validationErrors, withoutNoise } from './api-doc-examples-helpers';
import { makePdf } from './document-helpers';
import { httpMismatches, readHttpExamples, realIn, showResponse } from './http-doc-examples-helpers';
import { allLines, sumsOf } from './payroll-helpers';
import { payrollDocWorld, PayrollDocWorld } from './payroll-doc-world';

/*
 * docs/payroll.md, kept true like docs/api.md (api-doc-examples.test.ts): every GraphQL example is
 * validated against schema.graphql and sent to the real server, every HTTP example (downloads,
 * uploads) is sent as shown (http-doc-examples-helpers.ts), in the order of the doc's story, and
 * what the doc shows must match what the server answered. Every example must be run here.
 *
 * To refresh the doc after a change, run with API_DOC_EXAMPLES_OUT=/tmp/payroll-doc: each answer
 * is written there as the doc shows it (placeholders in place of ids).
 *
 * The clock starts on Wednesday 2026-11-25 10:00 in Amsterdam (2026-W48).
 */

const ROOT = path.resolve(__dirname, '..', '..');
const DOC = path.join(ROOT, 'docs', 'payroll.md');
const T0 = new Date('2026-11-25T09:00:00.000Z');
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const OUT = process.env.API_DOC_EXAMPLES_OUT;

type Data = Record<string, unknown>;
type Export = { id: string; number: number; status: string; lineCount: number };

describe('docs/payroll.md: the examples, sent to the server', () => {
  const doc = readApiDoc(DOC);
  const http = readHttpExamples(DOC);
  const schema = loadSchema(path.join(ROOT, 'schema.graphql'));
  const ids = new Placeholders();
  const placeholders: string[] = [];
  const ran = new Set<string>();
  const clock = new TravelClock(T0);
  const files = new Map<string, Buffer>();
  let t: TestApp;
  let w: PayrollDocWorld;
  let apiKey = '';

  function name(real: string, placeholder: string): void {
    ids.add(real, placeholder);
    placeholders.push(placeholder);
  }

  function write(file: string, text: string): void {
    if (!OUT) return;
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path.join(OUT, file), text);
  }

  /** Sends the doc's GraphQL example as `token`, lets `register` name new ids, and compares with the doc. */
  async function run(example: string, token: string, register?: (data: Data) => void): Promise<GqlResponse<Data>> {
    const shown = doc.examples.get(example);
    if (!shown) throw new Error(`docs/payroll.md has no example ${example}`);
    ran.add(example);
    const variables = shown.variables ? (ids.toReal(shown.variables) as Data) : undefined;
    const response = await t.gql<Data>(shown.document, variables, { token });
    if (response.body.data) register?.(response.body.data);
    const answer = ids.toDoc(withoutNoise(response.body as Json));
    write(`${example}.json`, `${formatJson(answer)}\n`);
    if (shown.response === undefined && OUT) return response;
    expect({ example, line: shown.line, hasResponse: shown.response !== undefined }).toEqual({ example, line: shown.line, hasResponse: true });
    expect({ example, mismatches: mismatches(shown.response as Json, answer) }).toEqual({ example, mismatches: [] });
    return response;
  }

  /** Sends the doc's HTTP example (placeholders replaced, an upload's body from `files`) and compares the answer. */
  async function send(example: string, register?: (body: string) => void): Promise<{ status: number; headers: Headers; body: string }> {
    const shown = http.examples.get(example);
    if (!shown) throw new Error(`docs/payroll.md has no http example ${example}`);
    ran.add(example);
    const { method, path: target, headers, body } = shown.request;
    const file = /^<([\w.-]+)>$/.exec(body.trim());
    const response = await fetch(`${t.baseUrl}${realIn(ids, target, placeholders)}`, {
      method,
      headers: Object.fromEntries(headers.map(([k, v]) => [k, realIn(ids, v, placeholders)])),
      body: file ? files.get(file[1]) : body || undefined,
    });
    const raw = Buffer.from(await response.arrayBuffer()).toString('latin1');
    register?.(raw);
    const answer = { status: response.status, headers: response.headers, body: toDocText(raw) };
    write(`${example}.http`, showResponse(shown.response, answer));
    // Writing the doc (API_DOC_EXAMPLES_OUT set), an example may still show only its status line.
    if (OUT && shown.response.headers.length === 0 && shown.response.body === '') return { ...answer, body: raw };
    expect({ example, line: shown.line, mismatches: httpMismatches(shown.response, answer) }).toEqual({ example, line: shown.line, mismatches: [] });
    return { ...answer, body: raw };
  }

  function toDocText(text: string): string {
    const json = ids.toDoc(text);
    return typeof json === 'string' ? json : text;
  }

  const exportOf = (data: Data, field: string) => (data[field] as { payrollExport: Export }).payrollExport;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { SESSION_TTL_MINUTES: String(90 * 24 * 60) } });
    w = await payrollDocWorld(t);
    name(t.baseUrl, 'https://flexportal.example');
    name(w.agency.agencyId, 'agency-uboss');
    name(w.relationId, 'relation-detoren');
    name(w.ana.flexworkerId, 'flexworker-ana');
    name(w.ana.placementId, 'placement-ana');
    name(w.ben.flexworkerId, 'flexworker-ben');
    name(w.ben.placementId, 'placement-ben');
    files.set('payslip-2026-w47.pdf', await makePdf('Loonstrook week 47 Ana Jansen'));
    files.set('jaaropgave-2026.pdf', await makePdf('Jaaropgave 2026 Ana Jansen'));
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('every graphql block of the doc is valid against schema.graphql, every http block is an example', () => {
    expect(doc.graphqlBlocks.length).toBeGreaterThan(10);
    const invalid = doc.graphqlBlocks.map((b) => ({ line: b.line, errors: validationErrors(schema, b.text) })).filter((b) => b.errors.length > 0);
    expect(invalid).toEqual([]);
    expect(http.httpBlocks.length).toBe(2 * http.examples.size);
  });

  it('staff give payroll an API key', async () => {
    await run('create-api-client', w.agency.staffToken, (d) => {
      const made = d.createApiClient as { apiKey: string; apiClient: { id: string; keyPrefix: string } };
      apiKey = made.apiKey;
      name(made.apiKey, '<api key>');
      name(made.apiClient.id, 'api-client-loket');
      name(made.apiClient.keyPrefix, `${made.apiClient.keyPrefix.slice(0, 4)}…`);
    });
  });

  it('payroll creates an export of week 46; the retry with the same key answers the same export', async () => {
    const d1 = await w.approveWeek(w.ana, '2026-W46', [{ date: '2026-11-09', h100: '8:00' }, { date: '2026-11-10', h100: '8:00', ow150: '1:30' }]);
    name(d1.timesheetId, 'timesheet-ana-W46');
    name(d1.id, 'declaration-ana-W46-1');
    const made = exportOf(dataOf(await run('create-export', apiKey, (d) => name(exportOf(d, 'createPayrollExport').id, 'export-1'))), 'createPayrollExport');
    expect(made).toMatchObject({ number: 1, status: 'PENDING', lineCount: 3 });
    const again = dataOf(await run('create-export-retry', apiKey)).createPayrollExport as Data;
    expect(again).toMatchObject({ created: false, payrollExport: { id: made.id } });
  });

  it('payroll reads the lines page by page, and downloads them as CSV and NDJSON', async () => {
    await run('export-lines', apiKey, (d) => name(String((d.payrollExport as { lines: { pageInfo: { endCursor: string } } }).lines.pageInfo.endCursor), 'cursor-2'));
    await run('export-lines-next', apiKey);
    const csv = await send('download-csv');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(4);
    const ndjson = await send('download-ndjson');
    expect(ndjson.body.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(await allLines(t, apiKey, ids.real('export-1')));
  });

  it('payroll confirms (twice: the retry answers the same); the week is PROCESSED', async () => {
    clock.set(new Date(T0.getTime() + 10 * MINUTE));
    await run('confirm-export', apiKey);
    await run('confirm-export-retry', apiKey);
    await run('week-after-confirmation', w.agency.staffToken);
  });

  it('a cancelled export gives its hours back to the next one', async () => {
    clock.set(new Date(T0.getTime() + HOUR));
    const d = await w.approveWeek(w.ana, '2026-W47', [{ date: '2026-11-16', h100: '6:00' }]);
    name(d.id, 'declaration-ana-W47-1');
    await run('create-export-2', apiKey, (data) => name(exportOf(data, 'createPayrollExport').id, 'export-2'));
    await run('cancel-export', apiKey);
    expectError(await run('confirm-cancelled', apiKey), 'CONFLICT', 'PAYROLL_EXPORT_CANCELLED');
  });

  it('a correction of a booked week comes as the difference, pointing at what it corrects', async () => {
    clock.set(new Date(T0.getTime() + 2 * HOUR));
    const d2 = await w.correctWeek(ids.real('timesheet-ana-W46'), [{ date: '2026-11-09', h100: '9:00' }, { date: '2026-11-10', h100: '8:00', ow150: '1:30' }]);
    name(d2.id, 'declaration-ana-W46-2');
    clock.set(new Date(T0.getTime() + 3 * HOUR));
    await run('create-export-3', apiKey, (data) => name(exportOf(data, 'createPayrollExport').id, 'export-3'));
    await run('correction-lines', apiKey);
    await run('confirm-export-3', apiKey);
    // The sum of every confirmed export is the current hours: week 46 as corrected, week 47.
    const booked = [...(await allLines(t, apiKey, ids.real('export-1'))), ...(await allLines(t, apiKey, ids.real('export-3')))];
    expect(Object.fromEntries(sumsOf(booked))).toEqual({
      [`${w.ana.flexworkerId} 2026-11-09 H100`]: 540,
      [`${w.ana.flexworkerId} 2026-11-10 H100`]: 480,
      [`${w.ana.flexworkerId} 2026-11-10 OW150`]: 90,
      [`${w.ana.flexworkerId} 2026-11-16 H100`]: 360,
    });
    await run('week-after-correction', w.agency.staffToken);
  });

  it('an export not confirmed in time expires; the list shows every export', async () => {
    clock.set(new Date(T0.getTime() + 4 * HOUR));
    await w.approveWeek(w.ben, '2026-W47', [{ date: '2026-11-17', h100: '7:30' }]);
    await run('create-export-4', apiKey, (data) => name(exportOf(data, 'createPayrollExport').id, 'export-4'));
    clock.set(new Date(T0.getTime() + 29 * HOUR));
    await run('export-expired', apiKey);
    expectError(await run('confirm-expired', apiKey), 'CONFLICT', 'PAYROLL_EXPORT_EXPIRED');
    await run('list-exports', apiKey);
  });

  it('refusals: a key used again for another moment, staff making an export', async () => {
    expectError(await run('key-reused', apiKey), 'CONFLICT', 'IDEMPOTENCY_KEY_REUSED');
    expectError(await run('staff-cannot-export', w.agency.staffToken), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
  });

  it('payroll uploads a payslip and an annual statement, lists them, and the link serves the PDF', async () => {
    const idOf = (body: string) => (JSON.parse(body) as { id: string }).id;
    await send('upload-payslip', (body) => name(idOf(body), 'payslip-ana-w47'));
    await send('upload-annual-statement', (body) => name(idOf(body), 'annual-statement-ana-2026'));
    await send('upload-not-a-pdf');
    await run('payslips', apiKey, (d) => {
      const [node] = (d.payslips as { nodes: { downloadUrl: string }[] }).nodes;
      name(node.downloadUrl.slice(node.downloadUrl.lastIndexOf('/') + 1), '<signed-link>');
    });
    const download = await send('download-payslip');
    expect(Buffer.from(download.body, 'latin1').equals(files.get('payslip-2026-w47.pdf')!)).toBe(true);
  });

  it('every example of the doc was sent', () => {
    const all = [...doc.examples.keys(), ...http.examples.keys()];
    expect(all.filter((example) => !ran.has(example))).toEqual([]);
  });
});
