import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const PORTAL_DIR = path.join(ROOT, 'web', 'dist');

function newest(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry)
    .filter((name) => name !== 'gql' && name !== 'dist' && name !== 'node_modules')
    .reduce((latest, name) => Math.max(latest, newest(path.join(entry, name))), stat.mtimeMs);
}

/**
 * The browser tests drive the built portal: build it (scripts/web-build.mjs, a few seconds) when
 * web/dist is missing or older than web/ or schema.graphql. Called once, from jest's globalSetup.
 */
export function buildPortalIfStale(): void {
  const built = existsSync(path.join(PORTAL_DIR, 'index.html')) ? statSync(path.join(PORTAL_DIR, 'index.html')).mtimeMs : 0;
  const sources = Math.max(newest(path.join(ROOT, 'web')), newest(path.join(ROOT, 'schema.graphql')));
  if (built > sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'web-build.mjs')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}
