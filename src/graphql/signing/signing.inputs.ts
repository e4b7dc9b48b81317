import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../shared/local-date.scalar';

@InputType({ description: 'Staff put a PDF, uploaded first with POST /uploads, before a worker to sign.' })
export class CreateSigningRequestInput {
  @Field(() => ID, { description: 'The worker who is to sign it (Flexworker.id).' }) @MaxLength(64) flexworkerId: string;
  @Field(() => ID, { nullable: true, description: "The placement it belongs to (one of this worker's), e.g. for its employment contract." }) @MaxLength(64) placementId?: string | null;
  @Field({ description: 'What the document is (1–150 characters); the worker sees it.' }) @MaxLength(600) title: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Sign before this day (today or later); shown to the worker.' }) dueDate?: string | null;
  @Field(() => ID, { description: 'The PDF: the `id` that POST /uploads answered (yours, unused, not expired).' }) @MaxLength(64) uploadId: string;
}

@InputType({ description: 'The worker signs a document.' })
export class SignDocumentInput {
  @Field(() => ID, { description: 'The document (SigningRequest.id).' }) @MaxLength(64) id: string;
  @Field({ description: 'Your current password, asked again (PASSWORD_REQUIRED, PASSWORD_INCORRECT).' }) @MaxLength(1024) currentPassword: string;
  @Field({ description: 'true: you agree to the statement of signingConsent (CONSENT_REQUIRED otherwise).' }) consent: boolean;
  @Field({ description: 'The version of that statement (SigningConsent.version) as shown (CONSENT_VERSION_OUTDATED when it changed).' }) @MaxLength(64) consentVersion: string;
}

@InputType({ description: 'The worker declines a document with a reason.' })
export class DeclineSigningRequestInput {
  @Field(() => ID, { description: 'The document (SigningRequest.id).' }) @MaxLength(64) id: string;
  @Field({ description: 'Why (1–1000 characters); staff see it.' }) @MaxLength(4000) reason: string;
}

@InputType({ description: 'Staff withdraw a document not signed or declined yet.' })
export class WithdrawSigningRequestInput {
  @Field(() => ID, { description: 'The document (SigningRequest.id).' }) @MaxLength(64) id: string;
}

@InputType({ description: 'A PDF to check, uploaded first with POST /uploads.' })
export class VerifySignedDocumentInput {
  @Field(() => ID, { description: 'The `id` that POST /uploads answered.' }) @MaxLength(64) uploadId: string;
}
