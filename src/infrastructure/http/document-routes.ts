import { Request, RequestHandler, Response, Router } from 'express';
import { OpenDocumentLink } from '../../application/document/document-link.use-case';
import { UploadDocument, UploadSubjectInput } from '../../application/document/upload-document.use-case';
import { StoreUpload } from '../../application/upload/store-upload.use-case';
import { Actor } from '../../application/shared/actor';
import { documentTooLarge } from '../../domain/document/document.errors';
import { StoredDocument } from '../../domain/document/stored-document.entity';
import { Upload, uploadContentType } from '../../domain/upload/upload.entity';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../domain/shared/domain-error';
import { refusalOf, sendRouteRefusal } from './route-refusals';
import { HttpErrorOptions } from './http-errors';

export interface DocumentRoutesOptions extends HttpErrorOptions {
  /** The bearer token's user or API key; rejects with a DomainError when it is not valid. */
  readonly authenticate: (bearer: string) => Promise<Actor>;
  readonly upload: UploadDocument;
  readonly open: OpenDocumentLink;
  /** POST /uploads: a file for an operation that takes one (a document to sign, an attachment). */
  readonly storeUpload: StoreUpload;
  /** DOCUMENT_MAX_BYTES: a body over it is refused (413) without being kept. */
  readonly maxBytes: number;
  readonly retryAfterSeconds: number;
}

const BEARER = /^Bearer\s+(\S+)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The path of a download link's token (the GraphQL `downloadUrl` is this behind PUBLIC_URL). */
export const DOCUMENT_LINK_PATH = '/documents/';

/**
 * Plain HTTP for documents:
 *   PUT /payroll/flexworkers/:flexworkerId/payslips?periodStart=…&periodEnd=…&payDate=…[&fileName=…]
 *   PUT /payroll/flexworkers/:flexworkerId/annual-statements/:year[?fileName=…]
 * with the PDF as the body (Content-Type: application/pdf) and the payroll key (or a staff
 * token) as bearer: 201 with the stored version's metadata. And GET /documents/:token, the signed
 * download link, which needs no header at all. And POST /uploads[?fileName=…] with a PDF, PNG or
 * JPEG as the body and the person's token as bearer: 201 with the upload's id, which an operation
 * (createSigningRequest, a message's attachment) then takes.
 */
export function documentRoutes(options: DocumentRoutesOptions): RequestHandler {
  const router = Router();
  const upload = (subjectOf: (req: Request) => UploadSubjectInput) =>
    handle(options, async (req, res) => {
      const actor = await authenticated(req, options);
      const flexworkerId = String(req.params.flexworkerId);
      if (!UUID.test(flexworkerId)) throw new NotFoundError('Flexworker', flexworkerId.slice(0, 64));
      if (!isPdfContentType(req.header('content-type'))) {
        throw ValidationError.of('Content-Type', 'DOCUMENT_CONTENT_TYPE', 'Send the file as Content-Type: application/pdf');
      }
      const content = await readBody(req, options.maxBytes);
      const document = await options.upload.execute(actor, {
        flexworkerId: flexworkerId.toLowerCase(),
        subject: subjectOf(req),
        fileName: queryText(req, 'fileName'),
        content,
      });
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).json(documentJson(document));
    });
  router.put(
    '/payroll/flexworkers/:flexworkerId/payslips',
    upload((req) => ({ kind: 'PAYSLIP', periodStart: queryText(req, 'periodStart'), periodEnd: queryText(req, 'periodEnd'), payDate: queryText(req, 'payDate') })),
  );
  router.put('/payroll/flexworkers/:flexworkerId/annual-statements/:year', upload((req) => ({ kind: 'ANNUAL_STATEMENT', year: String(req.params.year) })));
  router.post(
    '/uploads',
    handle(options, async (req, res) => {
      const actor = await authenticated(req, options);
      const contentType = uploadContentType(req.header('content-type'));
      const fileName = queryText(req, 'fileName');
      const content = await readBody(req, options.maxBytes);
      const upload = await options.storeUpload.execute(actor, { contentType, fileName, content });
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).json(uploadJson(upload));
    }),
  );
  router.get(
    `${DOCUMENT_LINK_PATH}:token`,
    handle(options, async (req, res) => {
      const file = await options.open.execute(String(req.params.token));
      const content = file.content;
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Length', String(content.length));
      res.setHeader('Content-Disposition', `${req.query.inline === '1' ? 'inline' : 'attachment'}; filename="${file.fileName}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('ETag', `"${file.sha256}"`);
      res.status(200).end(content);
    }),
  );
  return router;
}

/** The JSON of an upload, as POST /uploads answers it. */
export function uploadJson(upload: Upload): Record<string, unknown> {
  return {
    id: upload.id,
    fileName: upload.fileName,
    contentType: upload.contentType,
    size: upload.size,
    sha256: upload.sha256,
    expiresAt: upload.expiresAt.toISOString(),
  };
}

/** The JSON of a stored version, as the upload answers it. */
export function documentJson(document: StoredDocument): Record<string, unknown> {
  const subject = document.subject;
  return {
    id: document.id,
    kind: document.kind,
    flexworkerId: document.flexworkerId,
    ...(subject.kind === 'PAYSLIP'
      ? { periodStart: subject.period.start.toString(), periodEnd: subject.period.end.toString(), payDate: subject.period.payDate.toString() }
      : { year: subject.year.year }),
    version: document.version,
    previousVersionId: document.previousVersionId,
    fileName: document.fileName,
    contentType: document.contentType,
    size: document.size,
    sha256: document.sha256,
    uploadedAt: document.uploadedAt.toISOString(),
  };
}

function handle(options: DocumentRoutesOptions, work: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res) => {
    work(req, res).catch((error: unknown) => {
      if (req.readable) {
        // Refused before the body was read: do not keep the connection for the rest of it.
        res.setHeader('Connection', 'close');
        req.resume();
      }
      return sendRouteRefusal(req, res, options, refusalOf(error, res, options.retryAfterSeconds));
    });
  };
}

async function authenticated(req: Request, options: DocumentRoutesOptions): Promise<Actor> {
  const bearer = BEARER.exec(req.header('authorization') ?? '')?.[1];
  if (!bearer) throw new UnauthenticatedError();
  return options.authenticate(bearer);
}

function isPdfContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0].trim().toLowerCase() === 'application/pdf';
}

/** A query parameter given once, as text; undefined when absent. */
function queryText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw ValidationError.of(name, 'QUERY_PARAMETER_REPEATED', `Give ${name} once`, { field: name });
  return value;
}

/**
 * The raw body, up to `maxBytes`: a declared Content-Length over it is refused before a byte is
 * read, and a body that grows past it while streaming is refused as soon as it does.
 */
function readBody(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(documentTooLarge(maxBytes));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        chunks.length = 0;
        reject(documentTooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

