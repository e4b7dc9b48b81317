import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { TestApp, unique } from '../support/test-app';
import { dataOf } from './e2e-helpers';

/*
 * Helpers of the document suites: PDFs made with pdf-lib, uploads as payroll sends them, and
 * what the tables hold for one agency (to show that a refused upload stored nothing).
 */

/** A one-page PDF with `text` on it (the text makes each file's bytes, and so its hash, its own). */
export async function makePdf(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const page = pdf.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 100, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface HttpAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly json: T;
}

/** A refusal of the plain HTTP routes: the edge's `{ errors: [ … ] }`, as GraphQL answers it. */
export interface DocumentError {
  readonly errors: {
    message: string;
    extensions: { code: string; reason: string; params: Record<string, unknown>; problems?: { path: string; reason: string; message: string }[]; requestId: string };
  }[];
}

/** The first error of a refusal: its reason as `code`, its category, message, params and request id. */
export function refusalIn(json: DocumentError): { code: string; category: string; message: string; params: Record<string, unknown>; requestId: string } {
  const error = json.errors?.[0];
  return { code: error?.extensions.reason, category: error?.extensions.code, message: error?.message, params: error?.extensions.params, requestId: error?.extensions.requestId };
}

/** A PUT of `body` to `path` (under the server's base URL) with the bearer token. */
export async function put<T = Record<string, unknown>>(
  t: TestApp,
  path: string,
  body: Uint8Array | string,
  options: { token?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<T>> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method: 'PUT',
    headers: {
      'content-type': options.contentType ?? 'application/pdf',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: JSON.parse(text) as T };
}

export function payslipPath(flexworkerId: string, period: { start: string; end: string; pay: string }, extra = ''): string {
  return `/payroll/flexworkers/${flexworkerId}/payslips?periodStart=${period.start}&periodEnd=${period.end}&payDate=${period.pay}${extra}`;
}

export function annualPath(flexworkerId: string, year: number | string): string {
  return `/payroll/flexworkers/${flexworkerId}/annual-statements/${year}`;
}

/** A payroll API key of the agency of `staffToken`. */
export async function payrollKey(t: TestApp, staffToken: string): Promise<string> {
  const created = dataOf(
    await t.gql<{ createApiClient: { apiKey: string } }>(
      'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey } }',
      { input: { name: unique('Payroll ') } },
      { token: staffToken },
    ),
  );
  return created.createApiClient.apiKey;
}

/** How many document rows the agency has, and whether the store holds a blob of these bytes. */
export async function storedFor(t: TestApp, agencyId: string, bytes?: Uint8Array): Promise<{ rows: number; blob: boolean }> {
  const [{ n }] = (await t.app.database.dataSource.query('SELECT count(*)::int AS n FROM documents WHERE agency_id = $1', [agencyId])) as { n: number }[];
  const blob = bytes ? await t.app.services.documentStore.exists(sha256(bytes)) : false;
  return { rows: n, blob };
}

export const PAYSLIP_FIELDS = 'id flexworkerId periodStart periodEnd payDate version fileName size uploadedAt downloadUrl downloadUrlExpiresAt';
export const ANNUAL_FIELDS = 'id flexworkerId year version fileName size uploadedAt downloadUrl downloadUrlExpiresAt';

export interface PayslipNode {
  id: string;
  flexworkerId: string;
  periodStart: string;
  periodEnd: string;
  payDate: string;
  version: number;
  fileName: string;
  size: number;
  uploadedAt: string;
  downloadUrl: string;
  downloadUrlExpiresAt: string;
}
