import { once } from 'node:events';
import { Request, Response, Router } from 'express';
import { PayrollExportLineWithBsn, StreamPayrollExportLines } from '../../application/payroll/payroll-export-queries.use-case';
import { Logger } from '../../application/ports/logger';
import { Actor } from '../../application/shared/actor';
import { UnauthenticatedError } from '../../domain/shared/domain-error';
import { HttpErrorOptions, sendRefusal } from './http-errors';
import { refusalOf, sendRouteRefusal } from './route-refusals';

export interface PayrollDownloadOptions extends HttpErrorOptions {
  readonly authenticate: (bearer: string) => Promise<Actor>;
  readonly streamLines: StreamPayrollExportLines;
  /** Lines per database read. */
  readonly batchSize: number;
  /** Retry-After of the 503 answered while the database is out of reach. */
  readonly retryAfterSeconds: number;
}

/** The columns of both downloads, in this order (CSV header = NDJSON keys). */
export const LINE_COLUMNS = [
  'sign',
  'flexworkerId',
  'payrollNumber',
  'workerName',
  'bsn',
  'placementId',
  'costCentre',
  'purchaseOrderReference',
  'relationId',
  'relationName',
  'timesheetId',
  'week',
  'date',
  'hourCode',
  'kind',
  'percentage',
  'minutes',
  'scheduleVersion',
  'declarationId',
  'declarationNumber',
  'correctsExportId',
  'correctsDeclarationId',
  'count',
] as const satisfies readonly (keyof PayrollExportLineWithBsn)[];

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', header: `${LINE_COLUMNS.join(',')}\r\n`, line: csvLine },
  ndjson: { type: 'application/x-ndjson; charset=utf-8', header: '', line: ndjsonLine },
} as const;

/**
 * GET /payroll/exports/:id/lines.csv and …/lines.ndjson: every line of an export, streamed as it
 * is read from the database (a batch at a time, waiting for the client to take each), so memory
 * stays flat whatever the size. The API key (or a staff token) in the Authorization header. An
 * error once lines were sent cuts the response off (no final chunk), so a client never takes a
 * partial file for a whole one; X-Line-Count says how many lines a whole file holds.
 */
export function payrollDownloadRouter(options: PayrollDownloadOptions): Router {
  const router = Router();
  router.get('/payroll/exports/:id/lines.:format', async (req, res) => {
    const format = FORMATS[req.params.format as keyof typeof FORMATS];
    if (!format || !Object.hasOwn(FORMATS, req.params.format)) {
      await sendRefusal(req, res, options, { status: 404, code: 'NOT_FOUND', reason: 'NOT_FOUND', message: 'Not found', params: { entity: 'Path' } });
      return;
    }
    await download(req, res, options, format).catch((error: unknown) => fail(req, res, options, error));
  });
  return router;
}

async function download(req: Request, res: Response, options: PayrollDownloadOptions, format: (typeof FORMATS)[keyof typeof FORMATS]): Promise<void> {
  const bearer = bearerOf(req.header('authorization'));
  if (!bearer) throw new UnauthenticatedError();
  const actor = await options.authenticate(bearer);
  const { payrollExport, batches } = await options.streamLines.execute(actor, { exportId: String(req.params.id), batchSize: options.batchSize });
  res.status(200);
  res.setHeader('Content-Type', format.type);
  res.setHeader('Content-Disposition', `attachment; filename="payroll-export-${payrollExport.number}.${req.params.format}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Line-Count', String(payrollExport.counts.lineCount));
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  if (format.header) res.write(format.header);
  for await (const batch of batches) {
    if (closed) break;
    if (!res.write(batch.map(format.line).join(''))) await drainOrClose(res);
  }
  res.end();
}

/**
 * Waits until the client takes more, or is gone. The listener of the event that did not come is
 * removed: left behind, one 'close' and one 'error' listener per wait piled up on a long download.
 */
async function drainOrClose(res: Response): Promise<void> {
  const waited = new AbortController();
  try {
    await Promise.race([once(res, 'drain', { signal: waited.signal }), once(res, 'close', { signal: waited.signal })]);
  } finally {
    waited.abort();
  }
}

async function fail(req: Request, res: Response, options: PayrollDownloadOptions, error: unknown): Promise<void> {
  if (res.headersSent) {
    (res.locals.logger as Logger | undefined)?.error({ err: error }, 'payroll download cut off');
    res.destroy();
    return;
  }
  await sendRouteRefusal(req, res, options, refusalOf(error, res, options.retryAfterSeconds));
}

const BEARER = /^Bearer\s+(\S+)$/i;

function bearerOf(header: string | undefined): string | undefined {
  return BEARER.exec(header ?? '')?.[1];
}

function csvLine(line: PayrollExportLineWithBsn): string {
  return `${LINE_COLUMNS.map((column) => csvField(line[column])).join(',')}\r\n`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; null is empty. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function ndjsonLine(line: PayrollExportLineWithBsn): string {
  return `${JSON.stringify(Object.fromEntries(LINE_COLUMNS.map((column) => [column, line[column]])))}\n`;
}
