import { MessageAttachment } from '../../domain/message/message.entity';
import { MessageThreadRepository } from '../ports/message-thread.repository';
import { AgencyRepository } from '../ports/agency.repository';
import { Actor } from '../shared/actor';
import { takeUpload } from '../upload/take-upload';
import { DownloadLink, LinkTargetResolver, signFileLink } from '../document/document-link.use-case';
import { Clock } from '../ports/clock';
import { DocumentLinkSigner } from '../ports/document-links';
import { MessageDeps } from './message-deps';

/** What a message may carry: a PDF, or a picture taken with a phone. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** The actor's upload as a message's attachment (inside the message's unit of work), or null when none is named. */
export async function takeAttachment(deps: Pick<MessageDeps, 'uploads'>, actor: Actor, uploadId: string | null | undefined, at: Date): Promise<MessageAttachment | null> {
  if (uploadId === null || uploadId === undefined || uploadId === '') return null;
  const upload = await takeUpload(deps.uploads, actor, uploadId, 'MESSAGE_ATTACHMENT', ATTACHMENT_TYPES, at, 'attachmentUploadId');
  return { fileName: upload.fileName, contentType: upload.contentType, sha256: upload.sha256, size: upload.size };
}

/**
 * How the download route finds a message's attachment: for its thread's writer (while the agency
 * shows the contact tab) and the agency's staff, the two sides of the thread.
 */
export function attachmentLinkTarget(threads: MessageThreadRepository, agencies: AgencyRepository): LinkTargetResolver {
  return async (claims) => {
    const message = await threads.findMessage(claims.agencyId, claims.documentId);
    if (!message?.attachment) return null;
    if (claims.viewerRole !== 'AGENCY_STAFF') {
      const thread = await threads.findById(claims.agencyId, message.threadId);
      if (!thread || thread.writer.userId !== claims.viewerId) return null;
      const agency = await agencies.findById(claims.agencyId);
      if (!agency?.settings.isTabEnabled('CONTACT')) return null;
    }
    return message.attachment;
  };
}

/** Links to attachments, made for the viewer who reads the message (the caller has shown them the message). */
export class MessageAttachmentLinks {
  constructor(private readonly deps: { readonly links: DocumentLinkSigner; readonly clock: Clock; readonly settings: { readonly linkTtlSeconds: number } }) {}

  linkFor(actor: Actor, message: { readonly id: string; readonly agencyId: string }): DownloadLink {
    return signFileLink(this.deps, actor, { target: 'MESSAGE_ATTACHMENT', id: message.id, agencyId: message.agencyId }, this.deps.clock.now());
  }
}
