import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConsentStatement } from '../../application/signing/consent';
import { SignedDocumentCheck } from '../../application/signing/verify-signed-document.use-case';
import { SigningRequestView } from '../../application/signing/signing-views';
import { SIGNING_STATUSES } from '../../domain/signing/signing-request.entity';
import { DownloadUrlOf } from '../document/document.types';
import { CURSOR_DESCRIPTION, EDGE_DESCRIPTION, EDGES_DESCRIPTION, NODES_DESCRIPTION, PAGE_INFO_DESCRIPTION, PageInfo } from '../shared/connection';
import { enumOf } from '../shared/enums';
import { LocalDateScalar } from '../shared/local-date.scalar';

export const SigningStatusEnum = enumOf(SIGNING_STATUSES);
registerEnumType(SigningStatusEnum, {
  name: 'SigningStatus',
  description: 'Where a document to sign is.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the worker to sign or decline it.' },
    SIGNED: { description: 'Signed: the sealed copy is ready (signedCopyUrl).' },
    DECLINED: { description: 'The worker declined it; declineReason says why.' },
    WITHDRAWN: { description: 'Staff withdrew it before it was signed.' },
  },
});

export const SealProblemEnum = enumOf(['NOT_A_PDF', 'NOT_SIGNED', 'OTHER_SIGNER', 'CHANGED'] as const);
registerEnumType(SealProblemEnum, {
  name: 'SealProblem',
  description: 'Why a PDF is not an intact signed copy of this server.',
  valuesConfig: {
    NOT_A_PDF: { description: 'The file is not a PDF.' },
    NOT_SIGNED: { description: 'The PDF carries no signature.' },
    OTHER_SIGNER: { description: "The PDF is signed, but not with this server's sealing certificate." },
    CHANGED: { description: 'Our seal, but bytes were changed or added after it was sealed.' },
  },
});

const URL = 'A link to the PDF for this viewer, valid for a few minutes (DOCUMENT_LINK_TTL_SECONDS); it needs no token or cookie. Add `?inline=1` to show it in the browser instead of downloading it. Ask again for a fresh one.';

@ObjectType('SignatureEvidence', { description: 'What a signature rests on, as sealed into the signed copy and kept unchangeable.' })
export class SignatureEvidenceType {
  @Field({ description: 'Server time of the signature.' }) signedAt: Date;
  @Field({ description: 'The name of the worker who signed.' }) signerName: string;
  @Field(() => ID, { description: 'The login that signed.' }) signerUserId: string;
  @Field({ description: 'SHA-256 (hex) of the exact original the worker was shown.' }) documentSha256: string;
  @Field({ description: 'SHA-256 (hex) of the signed copy.' }) signedSha256: string;
  @Field(() => String, { nullable: true, description: 'The IP address the signature came from.' }) ipAddress: string | null;
  @Field(() => String, { nullable: true, description: "The signer's browser (User-Agent), up to 500 characters." }) userAgent: string | null;
  @Field({ description: 'The consent statement exactly as the worker agreed to it.' }) consentText: string;
  @Field({ description: 'Its version.' }) consentVersion: string;
  @Field({ description: 'Its language.' }) consentLanguage: string;
  @Field({ description: 'How the signer proved who they were: PASSWORD_REENTERED.' }) authentication: string;
}

@ObjectType('SigningRequest', { description: 'A PDF the agency put before a worker to sign (documents tab).' })
export class SigningRequestType {
  @Field(() => ID, { description: 'The id of the document to sign.' }) id: string;
  @Field(() => ID, { description: 'The worker who is to sign it.' }) flexworkerId: string;
  @Field(() => ID, { nullable: true, description: 'The placement it belongs to (e.g. its employment contract), when it belongs to one.' }) placementId: string | null;
  @Field({ description: 'What the document is, e.g. "Arbeidsovereenkomst Bakkerij Jansen".' }) title: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Sign before this day (shown to the worker; signing stays possible after it until it is withdrawn).' }) dueDate: string | null;
  @Field(() => SigningStatusEnum, { description: 'Where it is: PENDING, SIGNED, DECLINED or WITHDRAWN.' }) status: string;
  @Field({ description: 'The file name of the original.' }) fileName: string;
  @Field(() => Int, { description: 'The size of the original in bytes.' }) size: number;
  @Field({ description: 'SHA-256 (hex) of the original: the exact bytes shown and signed.' }) sha256: string;
  @Field({ description: `The original PDF. ${URL}` }) viewUrl: string;
  @Field(() => String, { nullable: true, description: `The signed copy (the original with an evidence page, sealed), once SIGNED. ${URL}` }) signedCopyUrl: string | null;
  @Field({ description: 'When viewUrl and signedCopyUrl stop working.' }) urlsExpireAt: Date;
  @Field({ description: 'When staff put it before the worker.' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was signed, declined or withdrawn.' }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the worker declined it.' }) declineReason: string | null;
  @Field(() => SignatureEvidenceType, { nullable: true, description: 'The evidence of the signature, once SIGNED.' }) evidence: SignatureEvidenceType | null;
  @Field(() => Int, { description: 'Goes up with every change.' }) version: number;

  static from(view: SigningRequestView, urlOf: DownloadUrlOf): SigningRequestType {
    const { request, evidence } = view;
    return Object.assign(new SigningRequestType(), {
      id: request.id,
      flexworkerId: request.flexworkerId,
      placementId: request.placementId,
      title: request.title,
      dueDate: request.dueDate?.toString() ?? null,
      status: request.status,
      fileName: request.original.fileName,
      size: request.original.size,
      sha256: request.original.sha256,
      viewUrl: urlOf(view.originalLink.token),
      signedCopyUrl: view.signedLink ? urlOf(view.signedLink.token) : null,
      urlsExpireAt: view.originalLink.expiresAt,
      createdAt: request.createdAt,
      decidedAt: request.decidedAt,
      declineReason: request.declineReason,
      evidence: evidence
        ? Object.assign(new SignatureEvidenceType(), {
            signedAt: evidence.signedAt,
            signerName: evidence.signerName,
            signerUserId: evidence.signerUserId,
            documentSha256: evidence.documentSha256,
            signedSha256: evidence.signedSha256,
            ipAddress: evidence.ipAddress,
            userAgent: evidence.userAgent,
            consentText: evidence.consentText,
            consentVersion: evidence.consentVersion,
            consentLanguage: evidence.consentLanguage,
            authentication: evidence.authentication,
          })
        : null,
      version: request.version,
    });
  }
}

@ObjectType('SigningRequestEdge', { description: EDGE_DESCRIPTION })
export class SigningRequestEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => SigningRequestType, { description: 'The document to sign.' }) node: SigningRequestType;
}

@ObjectType('SigningRequestConnection', { description: 'A page of documents to sign, newest first (Relay connection).' })
export class SigningRequestConnection {
  @Field(() => [SigningRequestEdge], { description: EDGES_DESCRIPTION }) edges: SigningRequestEdge[];
  @Field(() => [SigningRequestType], { description: NODES_DESCRIPTION }) nodes: SigningRequestType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}

@ObjectType('SigningConsent', { description: 'The statement a worker agrees to by signing, to show next to an explicit "I agree" before signDocument.' })
export class SigningConsentType {
  @Field({ description: 'Send it back as signDocument(consentVersion).' }) version: string;
  @Field({ description: 'The language of the text (the viewer\'s).' }) language: string;
  @Field({ description: 'The statement, naming the worker, the document and the agency.' }) text: string;

  static from(consent: ConsentStatement): SigningConsentType {
    return Object.assign(new SigningConsentType(), consent);
  }
}

@ObjectType('SignedDocumentVerification', { description: 'Whether a PDF is a signed copy this server issued, and whether it is intact.' })
export class SignedDocumentVerificationType {
  @Field({ description: "Sealed with this server's certificate." }) issuedByThisServer: boolean;
  @Field({ description: 'Not one byte changed or added since it was sealed.' }) intact: boolean;
  @Field(() => SealProblemEnum, { nullable: true, description: 'Why it is not an intact copy of ours; null when it is.' }) problem: string | null;
  @Field(() => Date, { nullable: true, description: 'The signing time in the signature, when it could be read.' }) signedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the certificate that sealed it, when it could be read.' }) certificateSha256: string | null;
  @Field(() => SigningRequestType, { nullable: true, description: 'The document it is the signed copy of, when it is intact and the viewer may see that document.' })
  signingRequest: SigningRequestType | null;

  static from(check: SignedDocumentCheck, urlOf: DownloadUrlOf): SignedDocumentVerificationType {
    return Object.assign(new SignedDocumentVerificationType(), {
      issuedByThisServer: check.issuedByThisServer,
      intact: check.intact,
      problem: check.problem,
      signedAt: check.signedAt,
      certificateSha256: check.certificateSha256,
      signingRequest: check.signingRequest ? SigningRequestType.from(check.signingRequest, urlOf) : null,
    });
  }
}

@ObjectType('CreateSigningRequestPayload', { description: 'What createSigningRequest made: the document, PENDING.' })
export class CreateSigningRequestPayload {
  @Field(() => SigningRequestType, { description: 'The new document to sign, PENDING.' }) signingRequest: SigningRequestType;
}

@ObjectType('SignDocumentPayload', { description: 'What signDocument changed: the document, SIGNED, with its signed copy and evidence.' })
export class SignDocumentPayload {
  @Field(() => SigningRequestType, { description: 'The document, SIGNED.' }) signingRequest: SigningRequestType;
}

@ObjectType('DeclineSigningRequestPayload', { description: 'What declineSigningRequest changed: the document, DECLINED.' })
export class DeclineSigningRequestPayload {
  @Field(() => SigningRequestType, { description: 'The document, DECLINED.' }) signingRequest: SigningRequestType;
}

@ObjectType('WithdrawSigningRequestPayload', { description: 'What withdrawSigningRequest changed: the document, WITHDRAWN.' })
export class WithdrawSigningRequestPayload {
  @Field(() => SigningRequestType, { description: 'The document, WITHDRAWN.' }) signingRequest: SigningRequestType;
}

@ObjectType('VerifySignedDocumentPayload', { description: 'The answer of verifySignedDocument.' })
export class VerifySignedDocumentPayload {
  @Field(() => SignedDocumentVerificationType, { description: 'What the check found.' }) verification: SignedDocumentVerificationType;
}
