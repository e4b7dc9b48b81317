import { Upload } from '../../domain/upload/upload.entity';

/** Uploaded files waiting to be used; scoped by agency. */
export abstract class UploadRepository {
  abstract insert(upload: Upload): Promise<void>;
  /** The upload, locked for the rest of the transaction (FOR UPDATE): two operations never both use it. */
  abstract findForUpdate(agencyId: string, id: string): Promise<Upload | null>;
  /** Stores that it was used (`usedAt`, `usedFor`). */
  abstract markUsed(upload: Upload): Promise<void>;
  /** Deletes the rows of unused uploads that expired before `cutoff` (their bytes stay: the store never deletes). Returns how many. */
  abstract deleteExpiredBefore(cutoff: Date): Promise<number>;
}
