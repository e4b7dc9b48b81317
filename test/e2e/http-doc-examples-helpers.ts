import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { ELLIPSIS, Json, mismatches, Placeholders } from './api-doc-examples-helpers';

/*
 * The HTTP examples of a doc (downloads, uploads), kept true like its GraphQL examples
 * (api-doc-examples-helpers.ts). An example is a marker followed by two ```http blocks, up to the
 * next marker or heading:
 *
 *   <!-- http-example: download-csv -->
 *   ```http      the request: `METHOD /path HTTP/1.1`, headers, and after a blank line the body
 *                (an upload's body is a name in angle brackets, e.g. `<payslip-w47.pdf>`: the test
 *                sends the bytes it has under that name)
 *   ```http      the response: `HTTP/1.1 200 OK`, the headers the doc shows, a blank line, the body
 *
 * The response must have the status, and each header shown with that value (other headers are
 * not compared). A JSON body (Content-Type application/json) matches as a GraphQL response does;
 * any other body matches line by line: a line "…" stands for any number of lines, a line ending in
 * "…" for any line that starts with what comes before. Placeholders stand for ids, also inside
 * longer texts (a path, a header, a CSV line).
 */

export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: readonly [string, string][];
  readonly body: string;
}

export interface HttpExpected {
  readonly status: number;
  readonly statusLine: string;
  readonly headers: readonly [string, string][];
  readonly body: string;
}

export interface HttpExample {
  readonly name: string;
  readonly line: number;
  readonly request: HttpRequest;
  readonly response: HttpExpected;
}

export interface HttpDoc {
  readonly examples: ReadonlyMap<string, HttpExample>;
  /** Every ```http block of the file with its line, in an example or not. */
  readonly httpBlocks: readonly { line: number }[];
}

const MARKER = /^<!--\s*http-example:\s*([\w-]+)\s*-->\s*$/;
const ANY_MARKER = /^<!--\s*(?:http-)?example:/;

export function readHttpExamples(file: string): HttpDoc {
  const lines = readFileSync(file, 'utf8').split('\n');
  const httpBlocks: { line: number }[] = [];
  const drafts: { name: string; line: number; blocks: string[] }[] = [];
  let current: (typeof drafts)[number] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]);
    if (marker) {
      current = { name: marker[1], line: i + 1, blocks: [] };
      drafts.push(current);
      continue;
    }
    if (/^#/.test(lines[i]) || ANY_MARKER.test(lines[i])) current = undefined;
    const fence = /^```(\w*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    if (fence[1] !== 'http') continue;
    httpBlocks.push({ line: i - body.length });
    current?.blocks.push(body.join('\n'));
  }
  const examples = new Map<string, HttpExample>();
  for (const draft of drafts) {
    if (examples.has(draft.name)) throw new Error(`docs: http example ${draft.name} (line ${draft.line}) is marked twice`);
    if (draft.blocks.length !== 2) throw new Error(`docs: http example ${draft.name} (line ${draft.line}) needs two http blocks, has ${draft.blocks.length}`);
    examples.set(draft.name, { name: draft.name, line: draft.line, request: parseRequest(draft.blocks[0], draft.name), response: parseResponse(draft.blocks[1], draft.name) });
  }
  return { examples, httpBlocks };
}

function parseMessage(text: string): { start: string; headers: [string, string][]; body: string } {
  const blank = text.indexOf('\n\n');
  const head = (blank < 0 ? text : text.slice(0, blank)).split('\n');
  const headers = head.slice(1).map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  });
  return { start: head[0], headers, body: blank < 0 ? '' : text.slice(blank + 2) };
}

function parseRequest(text: string, name: string): HttpRequest {
  const { start, headers, body } = parseMessage(text);
  const request = /^([A-Z]+) (\S+) HTTP\/1\.1$/.exec(start);
  if (!request) throw new Error(`docs: http example ${name}: the request line ${JSON.stringify(start)} is not METHOD /path HTTP/1.1`);
  return { method: request[1], path: request[2], headers, body };
}

function parseResponse(text: string, name: string): HttpExpected {
  const { start, headers, body } = parseMessage(text);
  const status = /^HTTP\/1\.1 (\d{3}) (.+)$/.exec(start);
  if (!status || STATUS_CODES[Number(status[1])] !== status[2]) throw new Error(`docs: http example ${name}: the status line ${JSON.stringify(start)} is not HTTP/1.1 <code> <its reason>`);
  return { status: Number(status[1]), statusLine: start, headers, body };
}

/** A text with every placeholder in it (also inside a path or a header) replaced by its real value. */
export function realIn(ids: Placeholders, text: string, placeholders: readonly string[]): string {
  let real = text;
  for (const placeholder of [...placeholders].sort((a, b) => b.length - a.length)) {
    if (real.includes(placeholder)) real = real.split(placeholder).join(ids.real(placeholder));
  }
  return real;
}

/** Where the answer differs from what the doc shows (the answer's ids already turned into placeholders). */
export function httpMismatches(expected: HttpExpected, answer: { status: number; headers: Headers; body: string }): string[] {
  const found: string[] = [];
  if (answer.status !== expected.status) found.push(`status: expected ${expected.status}, got ${answer.status}`);
  for (const [name, value] of expected.headers) {
    const actual = answer.headers.get(name);
    if (actual === null) found.push(`header ${name}: not in the response`);
    else found.push(...mismatches(value, actual, `header ${name}`));
  }
  if ((answer.headers.get('content-type') ?? '').startsWith('application/json')) {
    found.push(...mismatches(JSON.parse(expected.body) as Json, JSON.parse(answer.body) as Json, 'body'));
  } else {
    found.push(...mismatches(linesOf(expected.body), linesOf(answer.body), 'body'));
  }
  return found;
}

function linesOf(text: string): Json[] {
  if (text === ELLIPSIS) return [ELLIPSIS];
  return text.replace(/\r?\n$/, '').split(/\r?\n/);
}

/** A response as the doc would show it, to write the doc from (the shown headers only). */
export function showResponse(expected: HttpExpected, answer: { status: number; headers: Headers; body: string }): string {
  const headers = expected.headers.map(([name]) => `${name}: ${answer.headers.get(name) ?? ''}`);
  return [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`, ...headers, '', answer.body].join('\n');
}
