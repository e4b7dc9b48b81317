import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import type { PhaseResult } from './api-load';

/* The figures of `npm run bench:api`: a table on stdout, and the same as JSON under bench/results/. */

export interface RunInfo {
  readonly database: 'embedded' | 'postgres';
  readonly connections: number;
  readonly durationSeconds: number;
  readonly node: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly startedAt: string;
}

export function runInfo(database: RunInfo['database'], connections: number, durationSeconds: number): RunInfo {
  const cores = cpus();
  return { database, connections, durationSeconds, node: process.version, cpus: cores.length, cpuModel: cores[0]?.model ?? '?', startedAt: new Date().toISOString() };
}

/** The bare `{ __typename }` req/s: the mean of its first and last phase. */
export function baselineOf(results: readonly PhaseResult[]): number {
  const bare = results.filter((r) => r.key === 'bare');
  return bare.reduce((sum, r) => sum + r.requestsPerSecond, 0) / bare.length;
}

const fixed = (value: number | undefined, digits: number) => (value === undefined ? 'n/a' : value.toFixed(digits));

export function printTable(info: RunInfo, results: readonly PhaseResult[], oneAtATime: Readonly<Record<string, number>>): void {
  const baseline = baselineOf(results);
  console.log(
    `\ndatabase: ${info.database}, ${info.connections} connections, ${info.durationSeconds} s per phase, node ${info.node}, ${info.cpus} CPUs (${info.cpuModel})`,
  );
  const rows = [
    ['phase', 'req/s', 'p50 ms', 'p99 ms', 'ratio to bare', 'statements/request'],
    ...results.map((r) => [
      r.label,
      Math.round(r.requestsPerSecond).toLocaleString('en'),
      String(r.p50Ms),
      String(r.p99Ms),
      (r.requestsPerSecond / baseline).toFixed(3),
      fixed(r.statementsPerRequest, 1),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(`baseline (mean of the two bare phases): ${Math.round(baseline).toLocaleString('en')} req/s`);
  const times = Object.entries(oneAtATime).map(([label, ms]) => `${label} ${ms.toFixed(2)} ms`);
  if (times.length > 0) console.log(`one at a time (median of 40): ${times.join(', ')}`);
  for (const r of results) {
    const problems = [
      r.non2xx > 0 ? `${r.non2xx} non-2xx` : '',
      r.graphqlErrors > 0 ? `${r.graphqlErrors} with errors (first: ${r.firstError})` : '',
      r.socketErrors > 0 ? `${r.socketErrors} socket errors` : '',
      r.timeouts > 0 ? `${r.timeouts} timeouts` : '',
    ].filter(Boolean);
    if (r.saves !== undefined) console.log(`${r.label}: ${r.saves} saved, ${r.conflicts} STALE_VERSION conflicts (lost the race for the version)`);
    if (problems.length > 0) console.log(`${r.label}: ${problems.join(', ')}`);
  }
  if (results.every((r) => r.non2xx + r.graphqlErrors + r.socketErrors + r.timeouts === 0)) console.log('no non-2xx answers, errors or timeouts under load');
}

/** Writes bench/results/<name>.json (git-ignored) and says where. */
export function writeResults(name: string, figures: unknown): void {
  const dir = resolve(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`figures written to ${file}`);
}
