#!/usr/bin/env node
/**
 * Builds the web portal (web/ -> web/dist): typed operations (scripts/web-codegen.js), then vite.
 * Prints the JavaScript a browser loads for the first screen (the entry and what it imports
 * statically), gzipped, and fails above the budget (WEB_JS_BUDGET_KB, default 250).
 * WEB_OUT_DIR builds elsewhere (e.g. a copy for another origin, with VITE_FLEXPORTAL_API_URL).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const budgetKb = Number(process.env.WEB_JS_BUDGET_KB ?? 250);

execFileSync(process.execPath, [path.join(root, 'scripts', 'web-codegen.js')], { stdio: 'inherit' });
// Always React's production build, also when called from a test run (jest sets NODE_ENV=test).
process.env.NODE_ENV = 'production';
const dist = process.env.WEB_OUT_DIR ? path.resolve(process.env.WEB_OUT_DIR) : path.join(root, 'web', 'dist');
await build({ configFile: path.join(root, 'web', 'vite.config.mts'), mode: 'production', logLevel: 'warn', build: { outDir: dist } });

const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
const gzipKb = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const firstScreen = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstScreen.has(chunk.file)) return;
  firstScreen.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);
const allJs = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith('.js'));
const firstKb = [...firstScreen].reduce((sum, f) => sum + gzipKb(f), 0);
const allKb = allJs.reduce((sum, f) => sum + gzipKb(f), 0);
const report = {
  firstScreenJsGzipKb: Math.round(firstKb * 10) / 10,
  firstScreenFiles: [...firstScreen],
  allJsGzipKb: Math.round(allKb * 10) / 10,
  jsFiles: allJs.length,
  budgetKb,
};
writeFileSync(path.join(dist, 'bundle-size.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `web portal built in ${path.relative(root, dist) || dist}: first screen ${report.firstScreenJsGzipKb} KB of JavaScript gzipped (budget ${budgetKb} KB; ${firstScreen.size} files), ` +
    `${report.allJsGzipKb} KB in all ${allJs.length} files (the other screens load when opened)`,
);
if (firstKb > budgetKb) {
  console.error(`the first screen's JavaScript is over the budget: ${report.firstScreenJsGzipKb} KB > ${budgetKb} KB gzipped`);
  process.exit(1);
}
