import { PDFDocument } from 'pdf-lib';
import { createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, TravelClock, unique } from '../support/test-app';
import { createFlexworker, createRelation, createUser, dataOf, expectError, localeMessage } from './e2e-helpers';
import {
  ANNUAL_FIELDS,
  annualPath,
  DocumentError,
  refusalIn,
  makePdf,
  PAYSLIP_FIELDS,
  PayslipNode,
  payrollKey,
  payslipPath,
  put,
  sha256,
  storedFor,
} from './document-helpers';
import { WED_W48_1000 } from './week-helpers';

/*
 * Issue 10, payslips and annual statements over real HTTP: payroll uploads PDFs per worker, the
 * worker lists the latest versions and downloads them through signed links; bad uploads store
 * nothing; tabs, roles and agencies are kept apart.
 */

const MAX_BYTES = 60_000;
const W47 = { start: '2026-11-16', end: '2026-11-22', pay: '2026-11-25' };
const W46 = { start: '2026-11-09', end: '2026-11-15', pay: '2026-11-18' };
const W45 = { start: '2026-11-02', end: '2026-11-08', pay: '2026-11-11' };

interface Agency extends TestAgency {
  key: string;
  worker: { id: string; token: string };
  colleagueId: string;
  contactToken: string;
}

const PAYSLIPS = `query ($flexworkerId: ID, $first: Int, $after: String) {
  payslips(flexworkerId: $flexworkerId, first: $first, after: $after) { nodes { ${PAYSLIP_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
const ANNUAL = `query ($flexworkerId: ID) { annualStatements(flexworkerId: $flexworkerId) { nodes { ${ANNUAL_FIELDS} } } }`;

type Payslips = { payslips: { nodes: PayslipNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe('payslips and annual statements', () => {
  let t: TestApp;
  let a: Agency;
  let b: Agency;

  async function agency(label: string): Promise<Agency> {
    const base = await createAgencyWithStaff(t, unique(`Documents ${label} `));
    const [key, worker, colleague, relation] = await Promise.all([
      payrollKey(t, base.staffToken),
      createFlexworker(t, base.staffToken, { lastName: unique('Payslip') }),
      createFlexworker(t, base.staffToken, { lastName: unique('Colleague') }),
      createRelation(t, base.staffToken, { name: unique('Relation ') }),
    ]);
    const workerEmail = `${unique('doc-worker')}@example.com`;
    const contactEmail = `${unique('doc-contact')}@example.com`;
    await createUser(t, base.staffToken, { email: workerEmail, role: 'FLEXWORKER', password: TEST_PASSWORD, displayName: 'Worker', flexworkerId: worker.id });
    await createUser(t, base.staffToken, { email: contactEmail, role: 'RELATION_CONTACT', password: TEST_PASSWORD, displayName: 'Contact', relationId: relation.id });
    const [workerToken, contactToken] = await Promise.all([login(t, workerEmail, TEST_PASSWORD), login(t, contactEmail, TEST_PASSWORD)]);
    return { ...base, key, worker: { id: worker.id, token: workerToken }, colleagueId: colleague.id, contactToken };
  }

  const payslipsOf = async (token: string, variables: object = {}) => dataOf(await t.gql<Payslips>(PAYSLIPS, variables, { token })).payslips;

  beforeAll(async () => {
    t = await startTestApp({ clock: new TravelClock(WED_W48_1000), env: { DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
    [a, b] = await Promise.all([agency('A'), agency('B')]);
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('stores an uploaded payslip, lists it for the worker and serves the same PDF through the link, with no header at all', async () => {
    const pdf = await makePdf('Payslip week 47');
    const uploaded = await put(t, payslipPath(a.worker.id, W47), pdf, { token: a.key });
    expect(uploaded.status).toBe(201);
    expect(uploaded.json).toMatchObject({
      kind: 'PAYSLIP', flexworkerId: a.worker.id, periodStart: W47.start, periodEnd: W47.end, payDate: W47.pay,
      version: 1, previousVersionId: null, size: pdf.length, sha256: sha256(pdf), contentType: 'application/pdf', fileName: 'payslip-2026-11-16-2026-11-22.pdf',
    });

    const list = await payslipsOf(a.worker.token);
    expect(list.nodes).toHaveLength(1);
    const [node] = list.nodes;
    expect(node).toMatchObject({ id: uploaded.json.id, version: 1, size: pdf.length, periodStart: W47.start });
    expect(new Date(node.downloadUrlExpiresAt).getTime()).toBe(WED_W48_1000.getTime() + 5 * 60 * 1000);
    expect(node.downloadUrl.startsWith(`${t.baseUrl}/documents/`)).toBe(true);

    const download = await fetch(node.downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="payslip-2026-11-16-2026-11-22.pdf"');
    expect(download.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.equals(pdf)).toBe(true);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });

  it('keeps an upload of the same period as version 2: the worker sees only the latest, the bytes of the new file', async () => {
    const first = await put(t, payslipPath(a.worker.id, W46), await makePdf('Week 46, first'), { token: a.key });
    const corrected = await makePdf('Week 46, corrected');
    const second = await put(t, payslipPath(a.worker.id, W46, '&fileName=loonstrook-46.pdf'), corrected, { token: a.key });
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ version: 2, previousVersionId: first.json.id, fileName: 'loonstrook-46.pdf' });

    for (const token of [a.worker.token, a.staffToken, a.key]) {
      const nodes = (await payslipsOf(token, { flexworkerId: a.worker.id })).nodes.filter((n) => n.periodStart === W46.start);
      expect(nodes.map((n) => [n.id, n.version])).toEqual([[second.json.id, 2]]);
    }
    const node = (await payslipsOf(a.worker.token)).nodes.find((n) => n.periodStart === W46.start)!;
    const download = await fetch(node.downloadUrl);
    expect(Buffer.from(await download.arrayBuffer()).equals(corrected)).toBe(true);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="loonstrook-46.pdf"');
    // The earlier version is kept.
    expect((await storedFor(t, a.agencyId)).rows).toBeGreaterThanOrEqual(3);
  });

  it('gives two uploads of the same period at once two different version numbers', async () => {
    const period = { start: '2026-10-05', end: '2026-10-11', pay: '2026-10-14' };
    const [one, two] = await Promise.all([
      put(t, payslipPath(a.worker.id, period), await makePdf('Race one'), { token: a.key }),
      put(t, payslipPath(a.worker.id, period), await makePdf('Race two'), { token: a.key }),
    ]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect([one.json.version, two.json.version].sort()).toEqual([1, 2]);
    const rows = (await t.app.database.dataSource.query(
      `SELECT version, latest FROM documents WHERE agency_id = $1 AND flexworker_id = $2 AND subject_key = $3 ORDER BY version`,
      [a.agencyId, a.worker.id, `${period.start}/${period.end}`],
    )) as { version: number; latest: boolean }[];
    expect(rows).toEqual([{ version: 1, latest: false }, { version: 2, latest: true }]);
  });

  it('stores the same file once, whatever it is uploaded for', async () => {
    const pdf = await makePdf('Same bytes twice');
    await put(t, payslipPath(a.worker.id, W45), pdf, { token: a.key });
    await put(t, payslipPath(a.colleagueId, W45), pdf, { token: a.key });
    const rows = (await t.app.database.dataSource.query('SELECT count(*)::int AS n FROM document_contents WHERE sha256 = $1', [sha256(pdf)])) as { n: number }[];
    expect(rows[0].n).toBe(1);
  });

  it('lists payslips newest pay date first, in pages', async () => {
    const page1 = await payslipsOf(a.worker.token, { first: 2 });
    const page2 = await payslipsOf(a.worker.token, { first: 2, after: page1.pageInfo.endCursor });
    const all = [...page1.nodes, ...page2.nodes];
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const payDates = all.map((n) => n.payDate);
    expect(payDates).toEqual([...payDates].sort().reverse());
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    expect(payDates.slice(0, 3)).toEqual([W47.pay, W46.pay, W45.pay]);
  });

  it('stores annual statements per year, newest year first, with versions', async () => {
    await put(t, annualPath(a.worker.id, 2025), await makePdf('Jaaropgave 2025'), { token: a.key });
    const first2026 = await put(t, annualPath(a.worker.id, 2026), await makePdf('Jaaropgave 2026'), { token: a.key });
    const latest = await put(t, annualPath(a.worker.id, 2026), await makePdf('Jaaropgave 2026 v2'), { token: a.key });
    expect(first2026.json).toMatchObject({ kind: 'ANNUAL_STATEMENT', year: 2026, version: 1, fileName: 'annual-statement-2026.pdf' });
    expect(latest.json).toMatchObject({ year: 2026, version: 2, previousVersionId: first2026.json.id });
    const nodes = dataOf(await t.gql<{ annualStatements: { nodes: { id: string; year: number; version: number; downloadUrl: string }[] } }>(ANNUAL, {}, { token: a.worker.token }))
      .annualStatements.nodes;
    expect(nodes.map((n) => [n.year, n.version])).toEqual([[2026, 2], [2025, 1]]);
    const download = await fetch(nodes[0].downloadUrl);
    expect(download.status).toBe(200);
    expect((await PDFDocument.load(Buffer.from(await download.arrayBuffer()))).getPageCount()).toBe(1);
  });

  describe('refused uploads store nothing', () => {
    const cases: [string, () => Promise<{ path: string; body: Uint8Array | string; contentType?: string }>, number, string][] = [
      ['a file that is not a PDF', async () => ({ path: payslipPath('WORKER', W47), body: Buffer.from('Hello, this is not a PDF at all') }), 400, 'DOCUMENT_NOT_PDF'],
      ['a file that starts as a PDF but is none', async () => ({ path: payslipPath('WORKER', W47), body: Buffer.from('%PDF-1.7\nthis is not really a PDF\n%%EOF\n') }), 400, 'DOCUMENT_UNREADABLE'],
      ['an empty body', async () => ({ path: payslipPath('WORKER', W47), body: Buffer.alloc(0) }), 400, 'DOCUMENT_EMPTY'],
      ['a file over DOCUMENT_MAX_BYTES', async () => ({ path: payslipPath('WORKER', W47), body: Buffer.concat([await makePdf('Big'), Buffer.alloc(MAX_BYTES, 32)]) }), 413, 'DOCUMENT_TOO_LARGE'],
      ['another content type', async () => ({ path: payslipPath('WORKER', W47), body: await makePdf('Typed wrong'), contentType: 'application/octet-stream' }), 400, 'DOCUMENT_CONTENT_TYPE'],
      ['an unknown worker', async () => ({ path: payslipPath('3f2504e0-4f89-41d3-9a0c-0305e82c3301', W47), body: await makePdf('Nobody') }), 404, 'NOT_FOUND'],
      ['a worker of another agency', async () => ({ path: payslipPath(b.worker.id, W47), body: await makePdf('Other agency') }), 404, 'NOT_FOUND'],
      ['a period that ends before it starts', async () => ({ path: payslipPath('WORKER', { start: '2026-11-22', end: '2026-11-16', pay: '2026-11-25' }), body: await makePdf('Backwards') }), 400, 'PERIOD_END_BEFORE_START'],
      ['a date that is not YYYY-MM-DD', async () => ({ path: payslipPath('WORKER', { ...W47, start: '16-11-2026' }), body: await makePdf('Bad date') }), 400, 'LOCAL_DATE_FORMAT'],
      ['a missing pay date', async () => ({ path: `/payroll/flexworkers/WORKER/payslips?periodStart=${W47.start}&periodEnd=${W47.end}`, body: await makePdf('No pay date') }), 400, 'DOCUMENT_DATE_MISSING'],
      ['a year that is none', async () => ({ path: annualPath('WORKER', '20x6'), body: await makePdf('Bad year') }), 400, 'DOCUMENT_YEAR_RANGE'],
      ['a file name that is not a plain .pdf name', async () => ({ path: payslipPath('WORKER', W47, '&fileName=..%2Fetc%2Fpasswd'), body: await makePdf('Bad name') }), 400, 'FILE_NAME_INVALID'],
    ];

    it.each(cases)('%s', async (_label, make, status, code) => {
      const { path, body, contentType } = await make();
      const before = await storedFor(t, a.agencyId);
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      const answer = await put<DocumentError>(t, path.replace('WORKER', a.worker.id), body, { token: a.key, contentType, headers: { 'accept-language': 'nl' } });
      expect({ status: answer.status, code: refusalIn(answer.json).code }).toEqual({ status, code });
      expect(refusalIn(answer.json).message).toBe(localeMessage(code, { ...refusalIn(answer.json).params, requestId: refusalIn(answer.json).requestId }, 'nl'));
      expect(await storedFor(t, a.agencyId, bytes.length > 0 ? bytes : undefined)).toEqual({ rows: before.rows, blob: false });
    });
  });

  it('takes uploads from the payroll key and staff only', async () => {
    const pdf = await makePdf(unique('Who may upload '));
    const period = { start: '2026-09-07', end: '2026-09-13', pay: '2026-09-16' };
    const anonymous = await put<DocumentError>(t, payslipPath(a.worker.id, period), pdf);
    expect([anonymous.status, refusalIn(anonymous.json).code]).toEqual([401, 'UNAUTHENTICATED']);
    const badKey = await put<DocumentError>(t, payslipPath(a.worker.id, period), pdf, { token: 'not-a-key' });
    expect(badKey.status).toBe(401);
    for (const token of [a.worker.token, a.contactToken]) {
      const refused = await put<DocumentError>(t, payslipPath(a.worker.id, period), pdf, { token });
      expect([refused.status, refusalIn(refused.json).code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    }
    expect((await storedFor(t, a.agencyId, pdf)).blob).toBe(false);
    const byStaff = await put(t, payslipPath(a.worker.id, period), pdf, { token: a.staffToken });
    expect([byStaff.status, byStaff.json.version]).toEqual([201, 1]);
  });

  it('keeps agencies apart: lists, uploads and links', async () => {
    expect((await payslipsOf(b.staffToken, { flexworkerId: a.worker.id })).nodes).toEqual([]);
    expect((await payslipsOf(b.key)).nodes.map((n) => n.flexworkerId)).not.toContain(a.worker.id);
    expect((await payslipsOf(a.worker.token, { flexworkerId: a.colleagueId })).nodes).toEqual([]);
    const own = (await payslipsOf(a.worker.token)).nodes;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((n) => n.flexworkerId === a.worker.id)).toBe(true);

    // A link names one document: another id under the same signature is refused.
    const [first, second] = own;
    const token = first.downloadUrl.split('/documents/')[1];
    const [body, mac] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
    claims[0] = second.id;
    const forged = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${mac}`;
    for (const bad of [forged, `${body}.${'A'.repeat(43)}`, 'nonsense', `${second.downloadUrl.split('/documents/')[1].split('.')[0]}.${mac}`]) {
      const refused = await fetch(`${t.baseUrl}/documents/${bad}`);
      expect(refused.status).toBe(403);
      expect(refusalIn((await refused.json()) as DocumentError).code).toBe('DOCUMENT_LINK_INVALID');
    }
  });

  it('gives relation contacts none: ROLE_NOT_ALLOWED', async () => {
    expectError(await t.gql(PAYSLIPS, {}, { token: a.contactToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectError(await t.gql(ANNUAL, {}, { token: a.contactToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
  });

  it('refuses the worker when the agency hides the tab: the list and a link made before (TAB_DISABLED)', async () => {
    const c = await agency('C');
    await put(t, payslipPath(c.worker.id, W47), await makePdf('Tab'), { token: c.key });
    const link = (await payslipsOf(c.worker.token)).nodes[0].downloadUrl;
    const version = dataOf(await t.gql<{ agency: { version: number } }>('{ agency { version } }', {}, { token: c.staffToken })).agency.version;
    dataOf(
      await t.gql(
        'mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { id } } }',
        { input: { enabledTabs: ['DECLARATION_STATUS', 'ANNUAL_STATEMENTS'], expectedVersion: version } },
        { token: c.staffToken },
      ),
    );
    expectError(await t.gql(PAYSLIPS, {}, { token: c.worker.token }), 'FORBIDDEN', 'TAB_DISABLED');
    const refused = await fetch(link);
    expect(refused.status).toBe(403);
    expect(refusalIn((await refused.json()) as DocumentError).code).toBe('TAB_DISABLED');
    // The other tab, and staff, go on.
    expect(dataOf(await t.gql(ANNUAL, {}, { token: c.worker.token }))).toBeTruthy();
    expect((await payslipsOf(c.staffToken)).nodes).toHaveLength(1);
  });

  it('lets a link expire after five minutes (410)', async () => {
    const [node] = (await payslipsOf(a.worker.token, { first: 1 })).nodes;
    t.clock.advance(5 * 60 * 1000 - 1000);
    expect((await fetch(node.downloadUrl)).status).toBe(200);
    t.clock.advance(1000);
    const expired = await fetch(node.downloadUrl);
    expect(expired.status).toBe(410);
    expect(refusalIn((await expired.json()) as DocumentError).code).toBe('DOCUMENT_LINK_EXPIRED');
    t.clock.set(WED_W48_1000);
  });
});
