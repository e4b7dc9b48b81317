import { Upload, uploadNotFound, UploadContentType, UploadPurpose } from '../../domain/upload/upload.entity';
import { UploadRepository } from '../ports/upload.repository';
import { Actor } from '../shared/actor';

/**
 * Uses the actor's upload `uploadId` for `purpose`, inside the caller's unit of work: it is locked,
 * checked (theirs, unused, not expired, an accepted type) and marked used, so that it rolls back
 * with the operation and two operations never both use it. `path` names the input field in errors.
 */
export async function takeUpload(
  uploads: UploadRepository,
  actor: Actor,
  uploadId: string,
  purpose: UploadPurpose,
  accepted: readonly UploadContentType[],
  now: Date,
  path: string,
): Promise<Upload> {
  const found = await uploads.findForUpdate(actor.agencyId, uploadId);
  if (!found) throw uploadNotFound(path, uploadId);
  const used = found.use(actor.id, purpose, accepted, now, path);
  await uploads.markUsed(used);
  return used;
}
