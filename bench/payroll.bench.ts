/**
 * `npm run bench:payroll` (issue 10, "Speed and memory"): on the embedded PostgreSQL in a fresh
 * directory, or on DATABASE_URL, seeds an agency with BENCH_PAYROLL_DECLARATIONS (default 100,000)
 * relation-approved declarations (2,000 workers × 50 weeks), makes one export of them through the
 * API, and measures in the same run:
 *   (a) the baseline: a plain `pg` Client reading every line of the export from PostgreSQL, with the
 *       download's SQL (ALL_LINES) through DECLARE … FETCH FORWARD 2000 (the download's batch size)
 *       in a read-only transaction. All rows travel to the client and are parsed into objects, a
 *       batch at a time, as the download's do, but nothing is mapped, checked or written out.
 *       A single plain query of all rows is timed last, for reference only: it holds every row in
 *       memory at once, which is what a streaming download must not do.
 *   (b) GET /payroll/exports/:id/lines.csv and .ndjson with the API key, read to the end, lines counted;
 *   (c) the first page over GraphQL, `lines(first: 1000)` with every field.
 * Each is run BENCH_PAYROLL_ROUNDS times (default 3) and the median printed; (a) runs before and
 * after (b) and the ratios are against the median of all its runs. The RSS growth is the process's peak
 * resident memory during a download (sampled every 10 ms) above where it stood just before; with
 * the embedded database the process is also the database server. Prints, never fails on a number.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startApp } from '../src/composition-root';
import { loadConfig } from '../src/infrastructure/config/config';
import { resolveFieldEncryptionKey } from '../src/infrastructure/config/field-encryption-key';
import { ALL_LINES } from '../src/infrastructure/database/payroll/payroll-export.sql';
import { seedPayrollAgency } from './payroll-seed';

const DECLARATIONS = Number(process.env.BENCH_PAYROLL_DECLARATIONS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_PAYROLL_ROUNDS ?? 3);
const BATCH = 2000; // StreamPayrollExportLines' default batch size
const FIELD_KEY = Buffer.alloc(32, 42).toString('base64');
const TARGET_RATIO = 3;
const TARGET_RSS_MB = 150;

const LINE_FIELDS = `sign flexworkerId payrollNumber workerName bsn placementId costCentre purchaseOrderReference relationId relationName
  timesheetId week date hourCode kind percentage minutes scheduleVersion declarationId declarationNumber correctsExportId correctsDeclarationId`;

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => bytes / 2 ** 20;
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** (a) Every line from PostgreSQL to this client, a FETCH of BATCH rows at a time. */
async function rawLines(sql: Client, agencyId: string, exportId: string): Promise<number> {
  let count = 0;
  await sql.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await sql.query(`DECLARE bench_lines NO SCROLL CURSOR FOR ${ALL_LINES}`, [agencyId, exportId]);
    for (;;) {
      const { rows } = await sql.query(`FETCH FORWARD ${BATCH} FROM bench_lines`);
      count += rows.length;
      if (rows.length < BATCH) break;
    }
  } finally {
    await sql.query('ROLLBACK');
  }
  return count;
}

/** (b) The download read to its end; its lines counted (a newline ends each, the CSV header too). */
async function download(url: string, apiKey: string): Promise<{ lines: number; bytes: number }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } });
  if (response.status !== 200 || !response.body) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  let lines = 0;
  let bytes = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { lines, bytes };
}

async function gql<T>(url: string, apiKey: string, query: string, variables: object): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL: HTTP ${response.status} ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Runs `run` ROUNDS times; the median time, and the worst peak of RSS above where it stood before a round. */
async function measure(label: string, expected: number, run: () => Promise<number>): Promise<{ ms: number; times: number[]; rssMb: number }> {
  const times: number[] = [];
  let worstGrowth = 0;
  for (let round = 0; round < ROUNDS; round++) {
    gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const { ms, value } = await timed(run);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (value !== expected) throw new Error(`${label}: ${value} lines, expected ${expected}`);
    times.push(ms);
    worstGrowth = Math.max(worstGrowth, peak - before);
  }
  const ms = median(times);
  log(`${label.padEnd(34)} median ${ms.toFixed(0).padStart(6)} ms  (${times.map((t) => t.toFixed(0)).join(', ')})  ${Math.round((expected / ms) * 1000).toLocaleString('en')} lines/s  RSS peak +${mb(worstGrowth).toFixed(0)} MB`);
  return { ms, times, rssMb: mb(worstGrowth) };
}

async function main(): Promise<void> {
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'flexportal-bench-payroll-'));
  const config = loadConfig({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    FIELD_ENCRYPTION_KEY: process.env.FIELD_ENCRYPTION_KEY ?? FIELD_KEY,
    RATE_LIMIT_ANONYMOUS: '1000000/60',
    RATE_LIMIT_LOGIN: '1000000/60',
    RATE_LIMIT_TOKEN: '1000000/60',
    RATE_LIMIT_PASSWORD_HASHING: '1000000/60',
    RATE_LIMIT_LIST_ROWS: '100000000/60',
  });
  const app = await startApp({ config });
  const baseUrl = app.url.replace(/\/graphql$/, '');
  const sql = new Client({ connectionString: (app.database.dataSource.options as { url: string }).url });
  await sql.connect();
  try {
    log(`database: ${app.database.kind === 'embedded' ? 'embedded PostgreSQL (PGlite), fresh directory' : 'DATABASE_URL'}; ${DECLARATIONS.toLocaleString('en')} declarations; ${ROUNDS} rounds${gc ? '' : ' (no --expose-gc)'}`);
    const seeded = await timed(() => seedPayrollAgency(app, sql, { declarations: DECLARATIONS, fieldKey: resolveFieldEncryptionKey(config), progress: log }));
    const { agencyId, apiKey } = seeded.value;
    log(`seeded ${seeded.value.declarations.toLocaleString('en')} approved declarations of ${seeded.value.workers} workers in ${(seeded.ms / 1000).toFixed(1)} s (not measured); optional columns filled: ${seeded.value.optionalColumns.join(', ') || 'none'}`);
    await sql.query('ANALYZE');

    const made = await timed(() =>
      gql<{ createPayrollExport: { created: boolean; payrollExport: { id: string; lineCount: number; totalMinutes: number; declarationCount: number } } }>(
        app.url,
        apiKey,
        'mutation ($input: CreatePayrollExportInput!) { createPayrollExport(input: $input) { created payrollExport { id lineCount totalMinutes declarationCount } } }',
        { input: { idempotencyKey: `bench-${agencyId}` } },
      ),
    );
    const { id: exportId, lineCount, totalMinutes, declarationCount } = made.value.createPayrollExport.payrollExport;
    log(`createPayrollExport: ${(made.ms / 1000).toFixed(1)} s for ${declarationCount.toLocaleString('en')} declarations, ${lineCount.toLocaleString('en')} lines, ${totalMinutes.toLocaleString('en')} minutes`);

    const before = await measure('(a) raw pg, before', lineCount, () => rawLines(sql, agencyId, exportId));
    const csv = await measure('(b) download lines.csv', lineCount + 1, async () => (await download(`${baseUrl}/payroll/exports/${exportId}/lines.csv`, apiKey)).lines);
    const ndjson = await measure('(b) download lines.ndjson', lineCount, async () => (await download(`${baseUrl}/payroll/exports/${exportId}/lines.ndjson`, apiKey)).lines);
    const after = await measure('(a) raw pg, after', lineCount, () => rawLines(sql, agencyId, exportId));
    const page = await measure('(c) GraphQL lines(first: 1000)', Math.min(1000, lineCount), async () => {
      const data = await gql<{ payrollExport: { lines: { nodes: unknown[] } } }>(
        app.url,
        apiKey,
        `query ($id: ID!) { payrollExport(id: $id) { lines(first: 1000) { nodes { ${LINE_FIELDS} } } } }`,
        { id: exportId },
      );
      return data.payrollExport.lines.nodes.length;
    });
    const plain = await timed(async () => (await sql.query(ALL_LINES, [agencyId, exportId])).rowCount);
    log(`(reference) one plain query, all rows held: ${plain.ms.toFixed(0)} ms`);

    const baseline = median([...before.times, ...after.times]);
    const worstRss = Math.max(csv.rssMb, ndjson.rssMb);
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    log(`baseline (a), median of its ${before.times.length + after.times.length} runs: ${baseline.toFixed(0)} ms (medians before ${before.ms.toFixed(0)}, after ${after.ms.toFixed(0)})`);
    log(`ratio (b)/(a): CSV ${(csv.ms / baseline).toFixed(2)}, NDJSON ${(ndjson.ms / baseline).toFixed(2)}  (target ≤ ${TARGET_RATIO}: ${verdict(Math.max(csv.ms, ndjson.ms) / baseline <= TARGET_RATIO)})`);
    log(`RSS growth during (b): CSV +${csv.rssMb.toFixed(0)} MB, NDJSON +${ndjson.rssMb.toFixed(0)} MB  (target < ${TARGET_RSS_MB} MB: ${verdict(worstRss < TARGET_RSS_MB)})`);
    log(`(c) first page: ${page.ms.toFixed(0)} ms`);
  } finally {
    await sql.end();
    await app.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
