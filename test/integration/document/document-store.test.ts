import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { DocumentStore } from '../../../src/application/ports/document-store';
import { DatabaseContext } from '../../../src/infrastructure/database/database-context';
import { FsDocumentStore } from '../../../src/infrastructure/documents/fs-document-store';
import { PostgresDocumentStore } from '../../../src/infrastructure/documents/postgres-document-store';
import { openTestDataSource } from '../../support/test-database';

/*
 * The DocumentStore contract, run against each adapter: content addressed by SHA-256, the same
 * bytes stored once, an unknown hash is nothing, and what `put` returned can be read back whole.
 */

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Adapter {
  readonly store: DocumentStore;
  /** How many copies of the blob the adapter holds. */
  copies(sha256: string): Promise<number>;
}

function contract(name: string, open: () => Promise<Adapter>, close: () => Promise<void>): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let adapter: Adapter;
    beforeAll(async () => {
      adapter = await open();
    });
    afterAll(close);

    it('stores bytes under their SHA-256 and gives them back whole', async () => {
      const bytes = randomBytes(70_000);
      const blob = await adapter.store.put(bytes);
      expect(blob).toEqual({ sha256: hashOf(bytes), size: bytes.length });
      expect(await adapter.store.exists(blob.sha256)).toBe(true);
      expect((await adapter.store.get(blob.sha256))!.equals(bytes)).toBe(true);
    });

    it('stores the same bytes once, also when they come at the same moment', async () => {
      const bytes = randomBytes(1000);
      const blobs = await Promise.all([adapter.store.put(bytes), adapter.store.put(Uint8Array.from(bytes)), adapter.store.put(bytes)]);
      expect(new Set(blobs.map((b) => b.sha256))).toEqual(new Set([hashOf(bytes)]));
      expect(await adapter.copies(hashOf(bytes))).toBe(1);
    });

    it('has nothing under a hash it never stored, nor under what is no hash', async () => {
      const unknown = hashOf(randomBytes(16));
      expect(await adapter.store.get(unknown)).toBeNull();
      expect(await adapter.store.exists(unknown)).toBe(false);
      for (const bad of ['', '../../etc/passwd', 'A'.repeat(64), `${unknown}x`]) {
        expect(await adapter.store.get(bad)).toBeNull();
        expect(await adapter.store.exists(bad)).toBe(false);
      }
    });

    it('reads a slice of a larger buffer as just that slice', async () => {
      const whole = randomBytes(300);
      const slice = whole.subarray(100, 200);
      const blob = await adapter.store.put(slice);
      expect(blob).toEqual({ sha256: hashOf(slice), size: 100 });
      expect((await adapter.store.get(blob.sha256))!.equals(Buffer.from(slice))).toBe(true);
    });
  });
}

let dataSource: DataSource;
contract(
  'PostgreSQL',
  async () => {
    dataSource = await openTestDataSource(2);
    const db = new DatabaseContext(dataSource);
    return {
      store: new PostgresDocumentStore(db),
      copies: async (sha256) => ((await dataSource.query('SELECT count(*)::int AS n FROM document_contents WHERE sha256 = $1', [sha256])) as { n: number }[])[0].n,
    };
  },
  () => dataSource.destroy(),
);

let dir: string;
contract(
  'file system',
  async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'flexportal-docs-'));
    const store = new FsDocumentStore(dir);
    return {
      store,
      copies: async (sha256) => {
        const folder = path.dirname(store.pathOf(sha256));
        return (await readdir(folder)).filter((f) => f.startsWith(sha256)).length;
      },
    };
  },
  () => rm(dir, { recursive: true, force: true }),
);

describe('the file-system store writes atomically', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'flexportal-docs-atomic-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('puts each blob in hashed folders and leaves no temporary file behind', async () => {
    const store = new FsDocumentStore(root);
    const bytes = randomBytes(5000);
    const { sha256 } = await store.put(bytes);
    expect(store.pathOf(sha256)).toBe(path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    expect(await readdir(path.dirname(store.pathOf(sha256)))).toEqual([sha256]);
  });

  it('never takes a half-written temporary file for the blob', async () => {
    const store = new FsDocumentStore(root);
    const bytes = randomBytes(2000);
    const sha256 = hashOf(bytes);
    // What a crash in the middle of a write leaves: a partial temporary file next to where the blob goes.
    await store.put(randomBytes(10));
    const target = store.pathOf(sha256);
    await (await import('node:fs/promises')).mkdir(path.dirname(target), { recursive: true });
    await writeFile(`${target}.tmp-deadbeef`, bytes.subarray(0, 500));
    expect(await store.exists(sha256)).toBe(false);
    expect(await store.get(sha256)).toBeNull();
    await store.put(bytes);
    expect((await store.get(sha256))!.equals(bytes)).toBe(true);
  });
});
