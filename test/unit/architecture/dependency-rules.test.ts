import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The dependency rule of the hexagon is enforced by dependency-cruiser in `npm run lint`. These
 * tests cruise small scratch trees with the project's own configuration, so a weakened rule
 * (or an allow-list) fails here.
 */
const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'flexportal-rules-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
    const result = spawnSync(process.execPath, [cli, 'src', '--config', path.join(root, '.dependency-cruiser.js')], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('dependency rules', () => {
  it('accept a domain that imports only itself and an application that imports the domain', () => {
    const result = cruise({
      'src/domain/a.ts': "import { b } from './b'; export const a = b;",
      'src/domain/b.ts': 'export const b = 1;',
      'src/application/use.ts': "import { a } from '../domain/a'; export const use = a;",
    });
    expect(result.output).toContain('no dependency violations');
    expect(result.status).toBe(0);
  });

  it.each([
    ['an npm package', "import { DateTime } from 'luxon'; export const x = DateTime;"],
    ['a node module', "import { createHash } from 'node:crypto'; export const x = createHash;"],
    ['the application layer', "import { y } from '../application/y'; export const x = y;"],
  ])('refuse a domain file that imports %s', (_what, source) => {
    const result = cruise({ 'src/domain/x.ts': source, 'src/application/y.ts': 'export const y = 1;' });
    expect(result.output).toContain('domain-imports-only-domain');
    expect(result.status).not.toBe(0);
  });

  it('refuses an application file that imports an adapter', () => {
    const result = cruise({
      'src/application/x.ts': "import { db } from '../infrastructure/db'; export const x = db;",
      'src/infrastructure/db.ts': 'export const db = 1;',
    });
    expect(result.output).toContain('application-imports-only-domain-and-itself');
    expect(result.status).not.toBe(0);
  });

  it('lets only the composition root wire adapters', () => {
    const ok = cruise({
      'src/composition-root.ts': "import { db } from './infrastructure/db'; export const x = db;",
      'src/infrastructure/db.ts': 'export const db = 1;',
    });
    expect(ok.status).toBe(0);
    const bad = cruise({
      'src/other.ts': "import { db } from './infrastructure/db'; export const x = db;",
      'src/infrastructure/db.ts': 'export const db = 1;',
    });
    expect(bad.output).toContain('only-the-composition-root-wires-adapters');
    expect(bad.status).not.toBe(0);
  });

  it('keeps the GraphQL edge and the database adapters apart', () => {
    const result = cruise({
      'src/graphql/r.ts': "import { db } from '../infrastructure/db'; export const r = db;",
      'src/infrastructure/db.ts': 'export const db = 1;',
    });
    expect(result.output).toContain('graphql-does-not-import-infrastructure');
    expect(result.status).not.toBe(0);
  });
});
