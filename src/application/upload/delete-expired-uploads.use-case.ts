import { UploadDeps } from './upload-deps';

/** A day: how long the row of an unused upload stays after it expired (for an operator looking into a failed attempt). */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

/**
 * The daily clean-up (job `uploads.cleanup`): the rows of uploads never used are deleted a day
 * after they expired. Their bytes stay in the DocumentStore, which never deletes (a blob may be
 * another document's too).
 */
export class DeleteExpiredUploads {
  constructor(private readonly deps: Pick<UploadDeps, 'uploads' | 'clock'>) {}

  async execute(): Promise<number> {
    return this.deps.uploads.deleteExpiredBefore(new Date(this.deps.clock.now().getTime() - KEEP_EXPIRED_MS));
  }
}
