import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DocumentStore, StoredBlob } from '../../application/ports/document-store';
import { isSha256, sha256Of } from './sha256';

/**
 * Blobs as files under a directory (DOCUMENT_STORE=fs:<dir>), at `<dir>/ab/cd/abcd…` for hash
 * `abcd…` so that no folder grows too large. A blob is written to a temporary file in its final
 * folder, flushed to disk, then renamed into place: a reader sees the whole file or none, and a
 * crash leaves at most a stray `.tmp-*` file, never a half blob under its hash.
 */
export class FsDocumentStore extends DocumentStore {
  constructor(private readonly root: string) {
    super();
  }

  /** Where the blob of a hash lives. */
  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Uint8Array): Promise<StoredBlob> {
    const sha256 = sha256Of(content);
    const size = content.byteLength;
    if (await this.exists(sha256)) return { sha256, size };
    const target = this.pathOf(sha256);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.tmp-${randomBytes(8).toString('hex')}`;
    try {
      const file = await open(temp, 'wx', 0o640);
      try {
        await file.writeFile(content);
        await file.sync();
      } finally {
        await file.close();
      }
      // Two processes storing the same bytes both rename over the same name: the same content either way.
      await rename(temp, target);
      await syncDirectory(path.dirname(target));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { sha256, size };
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!isSha256(sha256)) return null;
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    try {
      await access(this.pathOf(sha256), constants.F_OK);
      return true;
    } catch {
      return false;
    }
  }
}

/** Makes the rename itself durable (the directory entry); not every platform lets a directory be opened for this. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the file's own data is already flushed.
  }
}
