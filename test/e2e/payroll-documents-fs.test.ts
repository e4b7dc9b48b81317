import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAgencyWithStaff, startTestApp, TestApp, unique } from '../support/test-app';
import { createFlexworker, dataOf } from './e2e-helpers';
import { makePdf, PAYSLIP_FIELDS, PayslipNode, payrollKey, payslipPath, put, sha256 } from './document-helpers';

/* DOCUMENT_STORE=fs:<dir>: the same upload and download, the bytes as a file under hashed folders and none in the database. */

describe('payslips with the file-system document store', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'flexportal-fs-store-'));
    t = await startTestApp({ env: { DOCUMENT_STORE: `fs:${dir}` } });
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the file under its hash, serves it back, and keeps no bytes in PostgreSQL', async () => {
    const agency = await createAgencyWithStaff(t, unique('Fs store '));
    const [key, worker] = await Promise.all([payrollKey(t, agency.staffToken), createFlexworker(t, agency.staffToken, { lastName: unique('Fs') })]);
    const pdf = await makePdf(`File system ${unique()}`);
    const hash = sha256(pdf);
    const uploaded = await put(t, payslipPath(worker.id, { start: '2026-11-16', end: '2026-11-22', pay: '2026-11-25' }), pdf, { token: key });
    expect(uploaded.status).toBe(201);
    expect(await readdir(path.join(dir, hash.slice(0, 2), hash.slice(2, 4)))).toEqual([hash]);
    const inDatabase = (await t.app.database.dataSource.query('SELECT count(*)::int AS n FROM document_contents WHERE sha256 = $1', [hash])) as { n: number }[];
    expect(inDatabase[0].n).toBe(0);

    const nodes = dataOf(await t.gql<{ payslips: { nodes: PayslipNode[] } }>(`{ payslips { nodes { ${PAYSLIP_FIELDS} } } }`, {}, { token: agency.staffToken })).payslips.nodes;
    const download = await fetch(nodes[0].downloadUrl);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });
});
