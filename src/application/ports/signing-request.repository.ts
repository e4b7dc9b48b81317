import { SigningRequest, SigningStatus } from '../../domain/signing/signing-request.entity';
import { Page, PageQuery } from '../shared/pagination';
import { SigningEvidence } from './pdf-sealer';

export interface SigningRequestFilter {
  readonly flexworkerId?: string;
  readonly status?: SigningStatus;
}

/** The evidence of one signature as it is kept (append-only): what was sealed into the copy, and the copy's hash. */
export interface StoredSigningEvidence extends SigningEvidence {
  readonly agencyId: string;
  /** SHA-256 of the sealed copy. */
  readonly signedSha256: string;
}

/** Documents to sign and the evidence of their signatures; every method is scoped by agency. */
export abstract class SigningRequestRepository {
  abstract insert(request: SigningRequest): Promise<void>;
  abstract findById(agencyId: string, id: string): Promise<SigningRequest | null>;
  /** Stores a transition; STALE_VERSION (ConflictError) when it changed since it was read. */
  abstract update(request: SigningRequest): Promise<SigningRequest>;
  /** Newest first. */
  abstract list(agencyId: string, filter: SigningRequestFilter, page: PageQuery): Promise<Page<SigningRequest>>;
  /** The request whose sealed copy has this SHA-256. */
  abstract findBySignedSha256(agencyId: string, sha256: string): Promise<SigningRequest | null>;
  /** Appends the evidence of a signature (never changed or deleted afterwards: the table refuses it). */
  abstract insertEvidence(evidence: StoredSigningEvidence): Promise<void>;
  abstract findEvidence(agencyId: string, requestIds: readonly string[]): Promise<StoredSigningEvidence[]>;
}
