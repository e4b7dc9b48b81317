import { DocumentStore, StoredBlob } from '../../application/ports/document-store';
import { DatabaseContext } from '../database/database-context';
import { isSha256, sha256Of } from './sha256';

/**
 * Blobs in PostgreSQL (`document_contents`, bytea): the default, and what the embedded database
 * uses too. Inside a unit of work the blob is part of its transaction.
 */
export class PostgresDocumentStore extends DocumentStore {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  async put(content: Uint8Array): Promise<StoredBlob> {
    const sha256 = sha256Of(content);
    const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    await this.db
      .manager()
      .query(`INSERT INTO document_contents (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`, [sha256, bytes.length, bytes]);
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!isSha256(sha256)) return null;
    const rows = (await this.db.manager().query(`SELECT content FROM document_contents WHERE sha256 = $1`, [sha256])) as { content: Buffer }[];
    return rows[0]?.content ?? null;
  }

  async exists(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    const rows = (await this.db.manager().query(`SELECT 1 FROM document_contents WHERE sha256 = $1`, [sha256])) as unknown[];
    return rows.length > 0;
  }
}
