import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A worker or relation contact writes to their agency: a new thread.' })
export class StartMessageThreadInput {
  @Field({ description: 'What it is about (1–150 characters, one line; trimmed).' }) @MaxLength(150) subject: string;
  @Field({ description: 'The first message (1–5000 characters; trimmed, line breaks kept).' }) @MaxLength(5000) text: string;
  @Field(() => ID, { nullable: true, description: 'A file sent with it: the `id` that POST /uploads answered (a PDF, PNG or JPEG of yours, unused, not expired).' })
  @MaxLength(64)
  attachmentUploadId?: string | null;
}

@InputType({ description: 'A message in a thread, from its writer or from staff.' })
export class WriteMessageInput {
  @Field(() => ID, { description: 'The thread (MessageThread.id).' }) @MaxLength(64) threadId: string;
  @Field({ description: 'The message (1–5000 characters; trimmed, line breaks kept).' }) @MaxLength(5000) text: string;
  @Field(() => ID, { nullable: true, description: 'A file sent with it: the `id` that POST /uploads answered (a PDF, PNG or JPEG of yours, unused, not expired).' })
  @MaxLength(64)
  attachmentUploadId?: string | null;
}

@InputType({ description: "The viewer's side has read a thread." })
export class MarkMessageThreadReadInput {
  @Field(() => ID, { description: 'The thread (MessageThread.id).' }) @MaxLength(64) threadId: string;
}

@InputType({ description: 'Staff close a thread.' })
export class CloseMessageThreadInput {
  @Field(() => ID, { description: 'The thread (MessageThread.id).' }) @MaxLength(64) threadId: string;
}
