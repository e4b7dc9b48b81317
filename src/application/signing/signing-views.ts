import { SigningRequest } from '../../domain/signing/signing-request.entity';
import { NotFoundError } from '../../domain/shared/domain-error';
import { DownloadLink, signFileLink } from '../document/document-link.use-case';
import { StoredSigningEvidence } from '../ports/signing-request.repository';
import { Actor } from '../shared/actor';
import { SigningDeps } from './signing-deps';

/** A document to sign as a viewer gets it: with links made for them, and the evidence once signed. */
export interface SigningRequestView {
  readonly request: SigningRequest;
  /** The original PDF (what the worker is shown and signs). */
  readonly originalLink: DownloadLink;
  /** The sealed copy, once signed. */
  readonly signedLink: DownloadLink | null;
  readonly evidence: StoredSigningEvidence | null;
}

/** Whether the actor sees this request: staff of its agency, or the worker it is for. */
export function mayView(actor: Actor, request: SigningRequest): boolean {
  if (request.agencyId !== actor.agencyId) return false;
  if (actor.role === 'AGENCY_STAFF') return true;
  return actor.role === 'FLEXWORKER' && actor.flexworkerId === request.flexworkerId;
}

/** The request when the actor may see it; NOT_FOUND otherwise, exactly as for one that does not exist. */
export async function visibleRequest(deps: SigningDeps, actor: Actor, id: string): Promise<SigningRequest> {
  const request = await deps.requests.findById(actor.agencyId, id);
  if (!request || !mayView(actor, request)) throw new NotFoundError('SigningRequest', id);
  return request;
}

export async function viewsOf(deps: SigningDeps, actor: Actor, requests: readonly SigningRequest[]): Promise<SigningRequestView[]> {
  const signedIds = requests.filter((r) => r.status === 'SIGNED').map((r) => r.id);
  const evidence = signedIds.length > 0 ? await deps.requests.findEvidence(actor.agencyId, signedIds) : [];
  const byRequest = new Map(evidence.map((e) => [e.requestId, e]));
  const now = deps.clock.now();
  return requests.map((request) => ({
    request,
    originalLink: signFileLink(deps, actor, { target: 'SIGNING_ORIGINAL', id: request.id, agencyId: request.agencyId }, now),
    signedLink: request.signed ? signFileLink(deps, actor, { target: 'SIGNED_COPY', id: request.id, agencyId: request.agencyId }, now) : null,
    evidence: byRequest.get(request.id) ?? null,
  }));
}

export async function viewOf(deps: SigningDeps, actor: Actor, request: SigningRequest): Promise<SigningRequestView> {
  return (await viewsOf(deps, actor, [request]))[0];
}
