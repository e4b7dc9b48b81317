import { consentOutdated, consentRequired } from '../../domain/signing/signing-request.errors';
import { NotFoundError, ProblemCollector } from '../../domain/shared/domain-error';
import { cleanText } from '../../domain/shared/text';
import { confirmPassword } from '../identity/confirm-password';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { CONSENT_VERSION, consentStatement } from './consent';
import { requireDocumentsTab } from './documents-tab';
import { SigningDeps } from './signing-deps';
import { SigningRequestView, viewOf, visibleRequest } from './signing-views';

export interface SignDocumentInput {
  readonly id: string;
  /** The worker's current password, asked again. */
  readonly currentPassword: string;
  /** The explicit consent to the statement shown (`SigningRequest.consent`): must be true. */
  readonly consent: boolean;
  /** The version of the statement that was shown: a newer one must be shown first. */
  readonly consentVersion: string;
}

/** Where the signature was given from, as the server saw it. */
export interface SigningContext {
  readonly ipAddress: string | null;
  readonly userAgent: string | null;
  /** The language the consent statement was shown in (the viewer's). */
  readonly language: string;
}

const USER_AGENT_MAX = 500;

/**
 * The worker signs a document: with explicit consent to the statement in their language and their
 * password asked again. The original's bytes get an evidence page and the agency's PAdES seal; the
 * sealed copy is stored, the request becomes SIGNED and the evidence is appended, in one
 * transaction (a document withdrawn meanwhile is refused, nothing recorded).
 */
export class SignDocument {
  constructor(private readonly deps: SigningDeps) {}

  async execute(actor: Actor, input: SignDocumentInput, context: SigningContext): Promise<SigningRequestView> {
    requireRole(actor, 'FLEXWORKER');
    checkCharacters(input);
    const agency = await requireDocumentsTab(this.deps.agencies, actor.agencyId);
    const request = await visibleRequest(this.deps, actor, input.id);
    request.assertPending();
    if (input.consent !== true) throw consentRequired();
    if (input.consentVersion !== CONSENT_VERSION) throw consentOutdated(CONSENT_VERSION);
    await confirmPassword(this.deps, actor, input.currentPassword, 'currentPassword', 'Signing needs your current password');
    const worker = actor.flexworkerId ? await this.deps.flexworkers.findById(actor.agencyId, actor.flexworkerId) : null;
    if (!worker) throw new NotFoundError('Flexworker', actor.flexworkerId);
    const original = await this.deps.store.get(request.original.sha256);
    // The store is addressed by SHA-256: these are the exact bytes the worker's link showed.
    if (!original) throw new Error(`The original ${request.original.sha256} of signing request ${request.id} is missing from the document store`);
    const signerName = worker.name.fullName;
    const consent = consentStatement(this.deps.translator, context.language, { title: request.title, name: signerName, agency: agency.name });
    const signedAt = this.deps.clock.now();
    const evidence = {
      requestId: request.id,
      documentTitle: request.title,
      documentSha256: request.original.sha256,
      agencyName: agency.name,
      signerName,
      signerUserId: actor.id,
      flexworkerId: worker.id,
      signedAt,
      timeZone: agency.settings.timeZone,
      ipAddress: context.ipAddress,
      userAgent: context.userAgent ? context.userAgent.slice(0, USER_AGENT_MAX) : null,
      consentText: consent.text,
      consentVersion: consent.version,
      consentLanguage: consent.language,
      authentication: 'PASSWORD_REENTERED',
    };
    const sealed = await this.deps.sealer.seal(original, evidence);
    const blob = await this.deps.store.put(sealed);
    const signed = await this.deps.unitOfWork.run(async () => {
      const current = await visibleRequest(this.deps, actor, input.id);
      current.sign(actor.id, signedAt, { fileName: signedFileName(request.original.fileName), sha256: blob.sha256, size: blob.size });
      const stored = await this.deps.requests.update(current);
      await this.deps.requests.insertEvidence({ ...evidence, agencyId: actor.agencyId, signedSha256: blob.sha256 });
      return stored;
    });
    return viewOf(this.deps, actor, signed);
  }
}

/**
 * The one text rule first: a control character or half a character in the consent version is bad
 * input at its field, not an outdated version. The password is only compared (PASSWORD_INCORRECT).
 */
function checkCharacters(input: SignDocumentInput): void {
  const problems = new ProblemCollector();
  problems.attempt('consentVersion', () => cleanText(input.consentVersion));
  problems.throwIfAny();
}

/** `contract.pdf` → `contract-signed.pdf`. */
export function signedFileName(original: string): string {
  const base = original.replace(/\.pdf$/i, '');
  return `${base.slice(0, 110)}-signed.pdf`;
}
