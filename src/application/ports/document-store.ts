/** Where a blob is: its SHA-256 (lower-case hex) and its size in bytes. */
export interface StoredBlob {
  readonly sha256: string;
  readonly size: number;
}

/**
 * The bytes of documents (payslips, annual statements, later documents to sign and message
 * attachments), addressed by their SHA-256: the same file is stored once however often it is
 * uploaded, and a blob never changes once written. It knows nothing of who a blob belongs to:
 * that is the metadata's (DocumentRepository), which names blobs by hash.
 *
 * `put` is durable when it returns, so that a row written after it never names a missing blob;
 * adapters write atomically (no half-written blob is ever read). Blobs are not deleted here.
 */
export abstract class DocumentStore {
  /** Stores the content (once per hash) and returns its address. */
  abstract put(content: Uint8Array): Promise<StoredBlob>;
  /** The content stored under the hash, or null when there is none. */
  abstract get(sha256: string): Promise<Buffer | null>;
  abstract exists(sha256: string): Promise<boolean>;
}
