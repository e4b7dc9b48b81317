#!/usr/bin/env node
/**
 * Runs jest and ends with the plain line `N passed, N failed` that CI reads.
 * Arguments are passed on to jest. The JSON report lands in .test-results/.
 */
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, existsSync, rmSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const label = process.env.TEST_RUN_LABEL || (process.env.DATABASE_URL ? 'postgres' : 'embedded');
const out = path.join(root, '.test-results', `jest-${label}.json`);
mkdirSync(path.dirname(out), { recursive: true });
rmSync(out, { force: true }); // a report left from an earlier run must never be counted

require('./ensure-chromium').ensureChromium();

const jest = require.resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, '--json', `--outputFile=${out}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;
if (existsSync(out)) {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrorTestSuites || 0);
} else {
  failed = 1; // jest itself crashed before it could report: count that as a failure
  console.error('jest wrote no report: it did not finish');
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
