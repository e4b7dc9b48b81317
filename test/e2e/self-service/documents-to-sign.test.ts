import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, unique } from '../../support/test-app';
import { makePdf, refusalIn, sha256, DocumentError } from '../document-helpers';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf, expectError } from '../e2e-helpers';

/*
 * Documents to sign (issue 12) over HTTP: staff upload a PDF (POST /uploads) and put it before a
 * worker; the worker views it through a short-lived link, reads the consent statement in their
 * language, and signs with their password (the signed copy opens, its seal verifies, one changed
 * byte fails) or declines with a reason; staff withdraw. Bad files and bad input store nothing;
 * nothing crosses to another worker or agency; the tab switched off refuses everything.
 */

const FIELDS = 'id flexworkerId placementId title dueDate status fileName size sha256 viewUrl signedCopyUrl urlsExpireAt createdAt decidedAt declineReason version evidence { signedAt signerName signerUserId documentSha256 signedSha256 ipAddress userAgent consentText consentVersion consentLanguage authentication }';
const CREATE = `mutation ($input: CreateSigningRequestInput!) { createSigningRequest(input: $input) { signingRequest { ${FIELDS} } } }`;
const LIST = `query ($status: SigningStatus, $flexworkerId: ID) { signingRequests(status: $status, flexworkerId: $flexworkerId, first: 50) { nodes { ${FIELDS} } pageInfo { hasNextPage } } }`;
const ONE = `query ($id: ID!) { signingRequest(id: $id) { ${FIELDS} } }`;
const CONSENT = 'query ($id: ID!) { signingConsent(signingRequestId: $id) { version language text } }';
const SIGN = `mutation ($input: SignDocumentInput!) { signDocument(input: $input) { signingRequest { ${FIELDS} } } }`;
const DECLINE = `mutation ($input: DeclineSigningRequestInput!) { declineSigningRequest(input: $input) { signingRequest { ${FIELDS} } } }`;
const WITHDRAW = `mutation ($input: WithdrawSigningRequestInput!) { withdrawSigningRequest(input: $input) { signingRequest { ${FIELDS} } } }`;
const VERIFY = 'mutation ($input: VerifySignedDocumentInput!) { verifySignedDocument(input: $input) { verification { issuedByThisServer intact problem signedAt certificateSha256 signingRequest { id status } } } }';

interface Evidence {
  signedAt: string; signerName: string; signerUserId: string; documentSha256: string; signedSha256: string;
  ipAddress: string | null; userAgent: string | null; consentText: string; consentVersion: string; consentLanguage: string; authentication: string;
}
interface SigningNode {
  id: string; flexworkerId: string; placementId: string | null; title: string; dueDate: string | null; status: string; fileName: string; size: number; sha256: string;
  viewUrl: string; signedCopyUrl: string | null; urlsExpireAt: string; createdAt: string; decidedAt: string | null; declineReason: string | null; version: number;
  evidence: Evidence | null;
}

interface Side {
  readonly agency: TestAgency;
  readonly workerId: string;
  readonly workerUserId: string;
  readonly workerToken: string;
  readonly otherWorkerId: string;
  readonly otherWorkerToken: string;
  readonly contactToken: string;
  readonly placementId: string;
}

interface Upload { id: string; fileName: string; contentType: string; size: number; sha256: string; expiresAt: string }

describe('documents to sign', () => {
  let t: TestApp;
  let a: Side;
  let b: Side;

  async function side(label: string): Promise<Side> {
    const agency = await createAgencyWithStaff(t, unique(`Signing ${label} `));
    const worker = await createFlexworker(t, agency.staffToken, { firstName: 'Ana', lastName: unique('Popescu'), language: 'RO' });
    const other = await createFlexworker(t, agency.staffToken, { firstName: 'Piet', lastName: unique('Jansen') });
    const email = `${unique('sign-worker')}@example.com`;
    const workerUserId = await createUser(t, agency.staffToken, { email, role: 'FLEXWORKER', password: TEST_PASSWORD, displayName: 'Ana', flexworkerId: worker.id, language: 'RO' });
    const otherEmail = `${unique('sign-other')}@example.com`;
    await createUser(t, agency.staffToken, { email: otherEmail, role: 'FLEXWORKER', password: TEST_PASSWORD, displayName: 'Piet', flexworkerId: other.id, language: 'NL' });
    const relation = await createRelation(t, agency.staffToken);
    const contactEmail = `${unique('sign-contact')}@example.com`;
    await createUser(t, agency.staffToken, { email: contactEmail, role: 'RELATION_CONTACT', password: TEST_PASSWORD, displayName: 'Contact', relationId: relation.id });
    const placement = await createPlacement(t, agency.staffToken, { flexworkerId: worker.id, relationId: relation.id });
    return {
      agency,
      workerId: worker.id,
      workerUserId,
      workerToken: await login(t, email, TEST_PASSWORD),
      otherWorkerId: other.id,
      otherWorkerToken: await login(t, otherEmail, TEST_PASSWORD),
      contactToken: await login(t, contactEmail, TEST_PASSWORD),
      placementId: placement.id,
    };
  }

  async function upload(token: string, body: Uint8Array | string, options: { contentType?: string; fileName?: string; headers?: Record<string, string> } = {}) {
    const query = options.fileName ? `?fileName=${encodeURIComponent(options.fileName)}` : '';
    const response = await fetch(`${t.baseUrl}/uploads${query}`, {
      method: 'POST',
      headers: { 'content-type': options.contentType ?? 'application/pdf', authorization: `Bearer ${token}`, ...options.headers },
      body: typeof body === 'string' ? body : Buffer.from(body),
    });
    return { status: response.status, json: (await response.json()) as Upload & DocumentError };
  }

  async function uploaded(token: string, pdf: Uint8Array, fileName = 'arbeidsovereenkomst.pdf'): Promise<Upload> {
    const answer = await upload(token, pdf, { fileName });
    expect(answer.status).toBe(201);
    return answer.json;
  }

  async function put(s: Side, title: string, extra: Record<string, unknown> = {}, pdf?: Buffer): Promise<SigningNode> {
    const file = await uploaded(s.agency.staffToken, pdf ?? (await makePdf(unique(title))));
    const response = await t.gql<{ createSigningRequest: { signingRequest: SigningNode } }>(
      CREATE, { input: { flexworkerId: s.workerId, title, uploadId: file.id, ...extra } }, { token: s.agency.staffToken },
    );
    return dataOf(response).createSigningRequest.signingRequest;
  }

  async function download(url: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const response = await fetch(url);
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  async function consentOf(s: Side, id: string): Promise<{ version: string; language: string; text: string }> {
    return dataOf(await t.gql<{ signingConsent: { version: string; language: string; text: string } }>(CONSENT, { id }, { token: s.workerToken })).signingConsent;
  }

  async function sign(s: Side, id: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const consent = await consentOf(s, id);
    return t.gql<{ signDocument: { signingRequest: SigningNode } }>(
      SIGN, { input: { id, currentPassword: TEST_PASSWORD, consent: true, consentVersion: consent.version, ...extra } }, { token: s.workerToken, headers },
    );
  }

  async function verify(token: string, pdf: Uint8Array) {
    const file = await uploaded(token, pdf, 'check.pdf');
    return dataOf(await t.gql<{ verifySignedDocument: { verification: { issuedByThisServer: boolean; intact: boolean; problem: string | null; signedAt: string | null; certificateSha256: string | null; signingRequest: { id: string; status: string } | null } } }>(
      VERIFY, { input: { uploadId: file.id } }, { token },
    )).verifySignedDocument.verification;
  }

  async function rows(s: Side): Promise<{ requests: number; evidence: number; uploads: number }> {
    const [r] = (await t.app.database.dataSource.query(
      `SELECT (SELECT count(*)::int FROM signing_requests WHERE agency_id = $1) AS requests,
              (SELECT count(*)::int FROM signing_evidence WHERE agency_id = $1) AS evidence,
              (SELECT count(*)::int FROM uploads WHERE agency_id = $1) AS uploads`,
      [s.agency.agencyId],
    )) as { requests: number; evidence: number; uploads: number }[];
    return r;
  }

  beforeAll(async () => {
    t = await startTestApp();
    a = await side('A');
    b = await side('B');
  }, 90_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('puts an uploaded PDF before the worker, who views it through a short-lived link', async () => {
    const pdf = await makePdf(unique('Arbeidsovereenkomst'));
    const request = await put(a, 'Arbeidsovereenkomst Bakkerij Jansen', { placementId: a.placementId, dueDate: '2099-01-31' }, pdf);
    expect(request).toMatchObject({
      flexworkerId: a.workerId, placementId: a.placementId, title: 'Arbeidsovereenkomst Bakkerij Jansen', dueDate: '2099-01-31', status: 'PENDING',
      fileName: 'arbeidsovereenkomst.pdf', size: pdf.length, sha256: sha256(pdf), signedCopyUrl: null, evidence: null, decidedAt: null,
    });
    const mine = dataOf(await t.gql<{ signingRequests: { nodes: SigningNode[] } }>(LIST, { status: 'PENDING' }, { token: a.workerToken })).signingRequests.nodes;
    const listed = mine.find((r) => r.id === request.id)!;
    expect(listed).toBeDefined();
    const viewed = await download(listed.viewUrl);
    expect(viewed.status).toBe(200);
    expect(viewed.headers.get('content-type')).toBe('application/pdf');
    expect(viewed.bytes.equals(pdf)).toBe(true);
    expect((await download(`${listed.viewUrl}?inline=1`)).headers.get('content-disposition')).toBe('inline; filename="arbeidsovereenkomst.pdf"');
    // The link is short-lived: past DOCUMENT_LINK_TTL_SECONDS it no longer opens.
    t.clock.advance(301_000);
    try {
      expect((await download(listed.viewUrl)).status).toBe(410);
    } finally {
      t.clock.advance(-301_000);
    }
  });

  it('signs with consent in the worker\'s language and the password: the signed copy opens, carries the evidence and its seal verifies', async () => {
    const pdf = await makePdf(unique('Contract'));
    const request = await put(a, 'Contract week 49', {}, pdf);
    const consent = await consentOf(a, request.id);
    expect(consent.language).toBe('ro');
    expect(consent.text).toContain('Contract week 49');
    expect(consent.text).toContain('semnez electronic');

    const before = await rows(a);
    expectError(await sign(a, request.id, { currentPassword: 'not my password' }), 'BAD_USER_INPUT', 'PASSWORD_INCORRECT');
    expectError(await sign(a, request.id, { currentPassword: '' }), 'BAD_USER_INPUT', 'PASSWORD_REQUIRED');
    expectError(await sign(a, request.id, { consent: false }), 'BAD_USER_INPUT', 'CONSENT_REQUIRED');
    expectError(await sign(a, request.id, { consentVersion: '2020-01-01' }), 'BAD_USER_INPUT', 'CONSENT_VERSION_OUTDATED');
    expect(dataOf(await t.gql<{ signingRequest: SigningNode }>(ONE, { id: request.id }, { token: a.workerToken })).signingRequest.status).toBe('PENDING');
    expect((await rows(a)).evidence).toBe(before.evidence);

    const signed = dataOf(await sign(a, request.id, {}, { 'user-agent': 'Mozilla/5.0 (Android 14) Flexportal-test' })).signDocument.signingRequest;
    expect(signed).toMatchObject({ status: 'SIGNED', signedCopyUrl: expect.any(String), decidedAt: expect.any(String) });
    expect(signed.evidence).toMatchObject({
      signerUserId: a.workerUserId, documentSha256: sha256(pdf), ipAddress: expect.stringMatching(/127\.0\.0\.1/), userAgent: 'Mozilla/5.0 (Android 14) Flexportal-test',
      consentText: consent.text, consentVersion: consent.version, consentLanguage: 'ro', authentication: 'PASSWORD_REENTERED',
    });
    expect(signed.evidence!.signerName).toMatch(/^Ana Popescu/);

    const copy = await download(signed.signedCopyUrl!);
    expect(copy.status).toBe(200);
    expect(sha256(copy.bytes)).toBe(signed.evidence!.signedSha256);
    expect(copy.headers.get('content-disposition')).toBe('attachment; filename="arbeidsovereenkomst-signed.pdf"');
    const original = await PDFDocument.load(pdf);
    const parsed = await PDFDocument.load(copy.bytes);
    expect(parsed.getPageCount()).toBeGreaterThan(original.getPageCount());
    // The evidence page names the original's hash (its content stream is written uncompressed).
    expect(copy.bytes.toString('latin1')).toContain('/ByteRange');

    // Staff see the same evidence; the worker can check the copy, and a copy with one byte changed fails.
    const staffView = dataOf(await t.gql<{ signingRequest: SigningNode }>(ONE, { id: request.id }, { token: a.agency.staffToken })).signingRequest;
    expect(staffView.evidence).toEqual(signed.evidence);
    expect(await verify(a.agency.staffToken, copy.bytes)).toMatchObject({ issuedByThisServer: true, intact: true, problem: null, signingRequest: { id: request.id, status: 'SIGNED' } });
    expect(await verify(a.workerToken, copy.bytes)).toMatchObject({ intact: true, signingRequest: { id: request.id } });
    const changed = Buffer.from(copy.bytes);
    const at = changed.indexOf('/ByteRange') - 200;
    changed[at] = changed[at] === 0x41 ? 0x42 : 0x41;
    expect(await verify(a.agency.staffToken, changed)).toMatchObject({ issuedByThisServer: true, intact: false, problem: 'CHANGED', signingRequest: null });
    expect(await verify(a.agency.staffToken, pdf)).toMatchObject({ issuedByThisServer: false, intact: false, problem: 'NOT_SIGNED' });
    // Another agency's staff learn that it is an intact copy of this server, but not whose.
    expect(await verify(b.agency.staffToken, copy.bytes)).toMatchObject({ intact: true, signingRequest: null });

    // Signed is final; the evidence is kept unchangeable by the database itself.
    expectError(await sign(a, request.id), 'CONFLICT', 'SIGNING_REQUEST_NOT_PENDING');
    await expect(t.app.database.dataSource.query(`UPDATE signing_evidence SET ip_address = '10.0.0.1' WHERE request_id = $1`, [request.id])).rejects.toThrow(/never changed or deleted/);
    await expect(t.app.database.dataSource.query(`DELETE FROM signing_evidence WHERE request_id = $1`, [request.id])).rejects.toThrow(/never changed or deleted/);
  });

  it('is recognised by every server process on the same database (they share one sealing certificate)', async () => {
    const request = await put(a, 'Contract twee servers');
    const signed = dataOf(await sign(a, request.id)).signDocument.signingRequest;
    const copy = await download(signed.signedCopyUrl!);
    // Another machine: its own DATA_DIR, only the database in common.
    const dataDir = await mkdtemp(path.join(tmpdir(), 'flexportal-second-'));
    const second = await startTestApp({ env: { DATA_DIR: dataDir } });
    try {
      const file = await fetch(`${second.baseUrl}/uploads?fileName=check.pdf`, {
        method: 'POST', headers: { 'content-type': 'application/pdf', authorization: `Bearer ${a.agency.staffToken}` }, body: copy.bytes,
      });
      expect(file.status).toBe(201);
      const { id } = (await file.json()) as Upload;
      const answer = dataOf(await second.gql<{ verifySignedDocument: { verification: { issuedByThisServer: boolean; intact: boolean; signingRequest: { id: string } | null } } }>(
        VERIFY, { input: { uploadId: id } }, { token: a.agency.staffToken },
      )).verifySignedDocument.verification;
      expect(answer).toMatchObject({ issuedByThisServer: true, intact: true, signingRequest: { id: request.id } });
    } finally {
      await second.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('declines with a reason staff read, and staff withdraw a document before it is signed', async () => {
    const declined = await put(a, 'Huisregels');
    expectError(await t.gql(DECLINE, { input: { id: declined.id, reason: '   ' } }, { token: a.workerToken }), 'BAD_USER_INPUT', 'REQUIRED');
    expectError(await t.gql(DECLINE, { input: { id: declined.id, reason: 'x'.repeat(1001) } }, { token: a.workerToken }), 'BAD_USER_INPUT', 'VALUE_TOO_LONG');
    const answer = dataOf(await t.gql<{ declineSigningRequest: { signingRequest: SigningNode } }>(
      DECLINE, { input: { id: declined.id, reason: 'Het uurloon klopt niet' } }, { token: a.workerToken },
    )).declineSigningRequest.signingRequest;
    expect(answer).toMatchObject({ status: 'DECLINED', declineReason: 'Het uurloon klopt niet', signedCopyUrl: null });
    const staffSees = dataOf(await t.gql<{ signingRequests: { nodes: SigningNode[] } }>(LIST, { status: 'DECLINED', flexworkerId: a.workerId }, { token: a.agency.staffToken })).signingRequests.nodes;
    expect(staffSees.map((r) => [r.id, r.declineReason])).toContainEqual([declined.id, 'Het uurloon klopt niet']);
    expectError(await t.gql(WITHDRAW, { input: { id: declined.id } }, { token: a.agency.staffToken }), 'CONFLICT', 'SIGNING_REQUEST_NOT_PENDING');

    const withdrawn = await put(a, 'Oude versie contract');
    expectError(await t.gql(WITHDRAW, { input: { id: withdrawn.id } }, { token: a.workerToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    const staffAnswer = dataOf(await t.gql<{ withdrawSigningRequest: { signingRequest: SigningNode } }>(WITHDRAW, { input: { id: withdrawn.id } }, { token: a.agency.staffToken })).withdrawSigningRequest.signingRequest;
    expect(staffAnswer.status).toBe('WITHDRAWN');
    expectError(await sign(a, withdrawn.id), 'CONFLICT', 'SIGNING_REQUEST_NOT_PENDING');
    expectError(await t.gql(DECLINE, { input: { id: withdrawn.id, reason: 'Te laat' } }, { token: a.workerToken }), 'CONFLICT', 'SIGNING_REQUEST_NOT_PENDING');
    // The worker's link to a withdrawn original no longer opens; staff still open it.
    const workerView = dataOf(await t.gql<{ signingRequest: SigningNode }>(ONE, { id: withdrawn.id }, { token: a.workerToken })).signingRequest;
    expect((await download(workerView.viewUrl)).status).toBe(403);
    expect((await download(staffAnswer.viewUrl)).status).toBe(200);
  });

  it('shows a document only to its worker and the staff of its agency', async () => {
    const request = await put(a, 'Geheimhoudingsverklaring');
    const otherWorker = await t.gql(ONE, { id: request.id }, { token: a.otherWorkerToken });
    expectError(otherWorker, 'NOT_FOUND');
    expectError(await t.gql(ONE, { id: request.id }, { token: b.agency.staffToken }), 'NOT_FOUND');
    expectError(await t.gql(ONE, { id: request.id }, { token: b.workerToken }), 'NOT_FOUND');
    expectError(await t.gql(ONE, { id: request.id }, { token: a.contactToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectError(await t.gql(ONE, { id: '00000000-0000-4000-8000-000000000000' }, { token: a.agency.staffToken }), 'NOT_FOUND');
    expectError(await t.gql(WITHDRAW, { input: { id: request.id } }, { token: b.agency.staffToken }), 'NOT_FOUND');
    expectError(await t.gql(SIGN, { input: { id: request.id, currentPassword: TEST_PASSWORD, consent: true, consentVersion: 'x' } }, { token: a.otherWorkerToken }), 'NOT_FOUND');
    expectError(await t.gql(CONSENT, { id: request.id }, { token: a.otherWorkerToken }), 'NOT_FOUND');
    const listOf = async (token: string) => dataOf(await t.gql<{ signingRequests: { nodes: SigningNode[] } }>(LIST, {}, { token })).signingRequests.nodes.map((r) => r.id);
    expect(await listOf(a.workerToken)).toContain(request.id);
    expect(await listOf(a.otherWorkerToken)).not.toContain(request.id);
    expect(await listOf(b.agency.staffToken)).not.toContain(request.id);
    // A worker asking for another worker's list gets their own nothing.
    const asked = dataOf(await t.gql<{ signingRequests: { nodes: SigningNode[] } }>(LIST, { flexworkerId: a.workerId }, { token: a.otherWorkerToken })).signingRequests.nodes;
    expect(asked).toEqual([]);
    expectError(await t.gql(LIST, {}, { token: a.contactToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    // Staff of another agency cannot put a document before this agency's worker, nor use this agency's uploads.
    const file = await uploaded(b.agency.staffToken, await makePdf(unique('B')));
    expectError(await t.gql(CREATE, { input: { flexworkerId: a.workerId, title: 'Contract', uploadId: file.id } }, { token: b.agency.staffToken }), 'NOT_FOUND');
    const aFile = await uploaded(a.agency.staffToken, await makePdf(unique('A')));
    expectError(await t.gql(CREATE, { input: { flexworkerId: b.workerId, title: 'Contract', uploadId: aFile.id } }, { token: b.agency.staffToken }), 'BAD_USER_INPUT', 'UPLOAD_NOT_FOUND');
  });

  it('refuses bad files and bad input in the viewer\'s language, storing nothing', async () => {
    const before = await rows(a);
    const notPdf = await upload(a.workerToken, 'just some text, no PDF');
    expect(notPdf.status).toBe(400);
    expect(refusalIn(notPdf.json)).toMatchObject({ code: 'DOCUMENT_NOT_PDF', category: 'BAD_USER_INPUT' });
    // The worker's language is Romanian: the message is too.
    expect(refusalIn(notPdf.json).message).toMatch(/PDF/);
    expect(refusalIn(notPdf.json).message).not.toBe('This file is not a PDF. Upload the document as a PDF file.');
    expect((await upload(a.agency.staffToken, Buffer.alloc(0))).json).toMatchObject({ errors: [{ extensions: { reason: 'DOCUMENT_EMPTY' } }] });
    const big = await upload(a.agency.staffToken, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]));
    expect(big.status).toBe(413);
    expect(refusalIn(big.json).code).toBe('DOCUMENT_TOO_LARGE');
    expect(refusalIn((await upload(a.agency.staffToken, await makePdf('x'), { contentType: 'text/plain' })).json).code).toBe('UPLOAD_CONTENT_TYPE');
    expect(refusalIn((await upload(a.agency.staffToken, await makePdf('x'), { fileName: '../etc/passwd.pdf' })).json).code).toBe('UPLOAD_FILE_NAME_INVALID');
    expect(refusalIn((await upload(a.agency.staffToken, Buffer.from('%PDF-1.7 but nothing more'))).json).code).toBe('DOCUMENT_UNREADABLE');
    expect(refusalIn((await upload(a.agency.staffToken, await makePdf('x'), { contentType: 'image/png', fileName: 'foto.png' })).json).code).toBe('UPLOAD_NOT_IMAGE');
    expect((await upload(a.contactToken, await makePdf('x'))).status).toBe(201);
    expect((await upload('no-such-token', await makePdf('x'))).status).toBe(401);
    expect(await rows(a)).toEqual({ ...before, uploads: before.uploads + 1 });

    const file = await uploaded(a.agency.staffToken, await makePdf(unique('input')));
    const create = (input: Record<string, unknown>, token = a.agency.staffToken) =>
      t.gql(CREATE, { input: { flexworkerId: a.workerId, title: 'Contract', uploadId: file.id, ...input } }, { token });
    const error = expectError(await create({ title: '   ' }), 'BAD_USER_INPUT', 'REQUIRED');
    expect(error.extensions.field).toBe('title');
    expectError(await create({ title: 'x'.repeat(151) }), 'BAD_USER_INPUT', 'VALUE_TOO_LONG');
    expectError(await create({ dueDate: '2020-01-01' }), 'BAD_USER_INPUT', 'DUE_DATE_IN_PAST');
    expectError(await create({ uploadId: '00000000-0000-4000-8000-000000000000' }), 'BAD_USER_INPUT', 'UPLOAD_NOT_FOUND');
    expectError(await create({ flexworkerId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND');
    expectError(await create({ flexworkerId: a.otherWorkerId, placementId: a.placementId }), 'BAD_USER_INPUT', 'PLACEMENT_OF_ANOTHER_WORKER');
    // A PDF protected with a password cannot get an evidence page: refused when it is put before the worker.
    const doc = await PDFDocument.create();
    doc.addPage([300, 200]);
    const plain = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
    const encrypted = Buffer.from(plain.replace(/trailer\s*<</, (m) => `${m}\n/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 /O <00> /U <00> >>`), 'latin1');
    expect(encrypted.toString('latin1')).toContain('/Encrypt');
    const locked = await uploaded(a.agency.staffToken, encrypted, 'locked.pdf');
    expectError(await create({ uploadId: locked.id }), 'BAD_USER_INPUT', 'DOCUMENT_ENCRYPTED');
    expectError(await create({}, a.workerToken), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    // A message in Dutch for a Dutch-speaking staff member's request (Accept-Language is the fallback of a login without language).
    const dutch = await t.gql(CREATE, { input: { flexworkerId: a.workerId, title: 'Contract', uploadId: file.id, dueDate: '2020-01-01' } }, { token: a.agency.staffToken, headers: { 'accept-language': 'nl' } });
    expect(expectError(dutch, 'BAD_USER_INPUT', 'DUE_DATE_IN_PAST').message).toBeTruthy();
    expect(await rows(a)).toEqual({ ...before, uploads: before.uploads + 3 });

    // Refused requests left the upload unused: it still works once, then never again.
    expect(dataOf(await create({}))).toBeDefined();
    expectError(await create({}), 'BAD_USER_INPUT', 'UPLOAD_USED');
    // An upload expires (UPLOAD_TTL_MINUTES, 60).
    const late = await uploaded(a.agency.staffToken, await makePdf(unique('late')));
    t.clock.advance(61 * 60_000);
    try {
      expectError(await create({ uploadId: late.id }), 'BAD_USER_INPUT', 'UPLOAD_EXPIRED');
    } finally {
      t.clock.advance(-61 * 60_000);
    }
  });

  it('refuses every operation of the tab with TAB_DISABLED when the agency switched it off', async () => {
    const request = await put(b, 'Contract B');
    const file = await uploaded(b.agency.staffToken, await makePdf(unique('tab')));
    const listed = dataOf(await t.gql<{ signingRequests: { nodes: SigningNode[] } }>(LIST, {}, { token: b.workerToken })).signingRequests.nodes.find((r) => r.id === request.id)!;
    dataOf(await t.gql('mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { id } } }', {
      input: { enabledTabs: ['DECLARATION_STATUS', 'PAYSLIPS'] },
    }, { token: b.agency.staffToken }));
    try {
      expectError(await t.gql(LIST, {}, { token: b.workerToken }), 'FORBIDDEN', 'TAB_DISABLED');
      expectError(await t.gql(LIST, {}, { token: b.agency.staffToken }), 'FORBIDDEN', 'TAB_DISABLED');
      expectError(await t.gql(ONE, { id: request.id }, { token: b.workerToken }), 'FORBIDDEN', 'TAB_DISABLED');
      expectError(await t.gql(CONSENT, { id: request.id }, { token: b.workerToken }), 'FORBIDDEN', 'TAB_DISABLED');
      expectError(await t.gql(SIGN, { input: { id: request.id, currentPassword: TEST_PASSWORD, consent: true, consentVersion: 'x' } }, { token: b.workerToken }), 'FORBIDDEN', 'TAB_DISABLED');
      expectError(await t.gql(DECLINE, { input: { id: request.id, reason: 'Nee' } }, { token: b.workerToken }), 'FORBIDDEN', 'TAB_DISABLED');
      expectError(await t.gql(WITHDRAW, { input: { id: request.id } }, { token: b.agency.staffToken }), 'FORBIDDEN', 'TAB_DISABLED');
      expectError(await t.gql(CREATE, { input: { flexworkerId: b.workerId, title: 'Contract', uploadId: file.id } }, { token: b.agency.staffToken }), 'FORBIDDEN', 'TAB_DISABLED');
      expectError(await t.gql(VERIFY, { input: { uploadId: file.id } }, { token: b.agency.staffToken }), 'FORBIDDEN', 'TAB_DISABLED');
      expect((await download(listed.viewUrl)).status).toBe(403);
      const tabs = dataOf(await t.gql<{ viewer: { enabledTabs: string[] } }>('{ viewer { enabledTabs } }', {}, { token: b.workerToken })).viewer.enabledTabs;
      expect(tabs).not.toContain('DOCUMENTS');
    } finally {
      dataOf(await t.gql('mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { id } } }', {
        input: { enabledTabs: ['DECLARATION_STATUS', 'PAYSLIPS', 'ANNUAL_STATEMENTS', 'PERSONAL_INFORMATION', 'CONTACT', 'DOCUMENTS'] },
      }, { token: b.agency.staffToken }));
    }
  });
});
