import { TestApp, unique } from '../support/test-app';
import { makePdf } from './document-helpers';
import { dataOf } from './e2e-helpers';

/*
 * Documents to sign (issue 12) for the suites that need them in their world (the authorization
 * matrix, the mutation fuzz, cache identity, the API examples): a PDF uploaded with POST /uploads
 * (an upload works once, for its uploader only) and a document put before a worker.
 */

/** What POST /uploads answers. */
export interface UploadAnswer {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly expiresAt: string;
}

/** Uploads `pdf` (a new one-page PDF when left out) as the owner of `token`; its id for one operation. */
export async function uploadPdf(t: TestApp, token: string, pdf?: Uint8Array, fileName = 'document.pdf'): Promise<UploadAnswer> {
  const bytes = pdf ?? (await makePdf(unique('Upload ')));
  const response = await fetch(`${t.baseUrl}/uploads?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', authorization: `Bearer ${token}` },
    body: Buffer.from(bytes),
  });
  const json = (await response.json()) as UploadAnswer;
  if (response.status !== 201) throw new Error(`POST /uploads answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

const CREATE = 'mutation ($input: CreateSigningRequestInput!) { createSigningRequest(input: $input) { signingRequest { id } } }';

/** Staff put a new PDF before the worker `flexworkerId` to sign: the PENDING request's id. */
export async function putBeforeWorker(t: TestApp, staffToken: string, flexworkerId: string, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const upload = await uploadPdf(t, staffToken, await makePdf(unique(`${title} `)), 'contract.pdf');
  const created = await t.gql<{ createSigningRequest: { signingRequest: { id: string } } }>(
    CREATE,
    { input: { flexworkerId, title, uploadId: upload.id, ...extra } },
    { token: staffToken },
  );
  return dataOf(created).createSigningRequest.signingRequest.id;
}
