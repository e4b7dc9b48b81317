import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLSchema, parse, validate } from 'graphql';

/*
 * What keeps docs/api.md true: its examples are read from the Markdown, their documents are
 * validated against schema.graphql and sent to the running server with the variables shown, and
 * the response shown must match what the server answered.
 *
 * In the Markdown an example is marked by an HTML comment (invisible when rendered) and is made
 * of the fenced blocks that follow it, up to the next marker or heading:
 *
 *   <!-- example: save-timesheet -->                 (or: <!-- example: stale-version, document: save-timesheet -->)
 *   ```graphql   the document (left out when `document:` names another example's)
 *   ```json      the variables (optional): any JSON object without a top-level "data" or "errors"
 *   ```json      the response: an object with "data" and/or "errors"
 *
 * Ids, tokens and cursors are written as readable placeholders (`timesheet-fatima-W47`); the test
 * knows which real value each one stands for. A response in the doc may be shortened:
 *   - an object may leave fields out;
 *   - "…" as an array element stands for any number of elements (also none);
 *   - a string ending in "…" matches any string that starts with what comes before it
 *     (a string that is only "…" matches any value).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface DocExample {
  readonly name: string;
  /** The line of its marker in the Markdown (1-based). */
  readonly line: number;
  readonly document: string;
  readonly variables: Record<string, Json> | undefined;
  readonly response: Json | undefined;
}

export interface ApiDoc {
  readonly examples: ReadonlyMap<string, DocExample>;
  /** Every ```graphql block of the file with its line, examples or not. */
  readonly graphqlBlocks: readonly { line: number; text: string }[];
}

const MARKER = /^<!--\s*example:\s*([\w-]+)\s*(?:,\s*document:\s*([\w-]+)\s*)?-->\s*$/;
const FENCE = /^```(\w*)\s*$/;
export const ELLIPSIS = '…';

export function readApiDoc(file: string): ApiDoc {
  const lines = readFileSync(file, 'utf8').split('\n');
  const graphqlBlocks: { line: number; text: string }[] = [];
  const drafts: { name: string; line: number; documentOf?: string; blocks: { lang: string; text: string; line: number }[] }[] = [];
  let current: (typeof drafts)[number] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]);
    if (marker) {
      current = { name: marker[1], line: i + 1, documentOf: marker[2], blocks: [] };
      drafts.push(current);
      continue;
    }
    if (/^#/.test(lines[i])) current = undefined;
    const fence = FENCE.exec(lines[i]);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    const block = { lang: fence[1], text: body.join('\n'), line: start + 1 };
    if (block.lang === 'graphql') graphqlBlocks.push({ line: block.line, text: block.text });
    current?.blocks.push(block);
  }

  const examples = new Map<string, DocExample>();
  const documents = new Map<string, string>();
  for (const draft of drafts) {
    const graphql = draft.blocks.find((b) => b.lang === 'graphql');
    if (graphql) documents.set(draft.name, graphql.text);
  }
  for (const draft of drafts) {
    if (examples.has(draft.name)) throw new Error(`docs: example ${draft.name} (line ${draft.line}) is marked twice`);
    const document = draft.documentOf ? documents.get(draft.documentOf) : documents.get(draft.name);
    if (document === undefined) throw new Error(`docs: example ${draft.name} (line ${draft.line}) has no graphql document`);
    let variables: Record<string, Json> | undefined;
    let response: Json | undefined;
    for (const block of draft.blocks.filter((b) => b.lang === 'json')) {
      let value: Json;
      try {
        value = JSON.parse(block.text) as Json;
      } catch (error) {
        throw new Error(`docs: the JSON block at line ${block.line} (example ${draft.name}) is not JSON: ${(error as Error).message}`);
      }
      if (isObject(value) && ('data' in value || 'errors' in value)) response = value;
      else if (isObject(value)) variables = value;
      else throw new Error(`docs: the JSON block at line ${block.line} (example ${draft.name}) is not an object`);
    }
    examples.set(draft.name, { name: draft.name, line: draft.line, document, variables, response });
  }
  return { examples, graphqlBlocks };
}

export function loadSchema(file: string): GraphQLSchema {
  return buildSchema(readFileSync(file, 'utf8'));
}

/** The validation messages of a document against the schema (empty when it is valid). */
export function validationErrors(schema: GraphQLSchema, text: string): string[] {
  try {
    return validate(schema, parse(text)).map((e) => e.message);
  } catch (error) {
    return [(error as Error).message];
  }
}

/**
 * Real values (ids, tokens, cursors, e-mail addresses) and the placeholders the doc shows for
 * them, both ways.
 */
export class Placeholders {
  private readonly byReal = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();

  add(real: string, placeholder: string): void {
    const known = this.byPlaceholder.get(placeholder);
    if (known !== undefined && known !== real) throw new Error(`placeholder ${placeholder} stands for two values`);
    this.byReal.set(real, placeholder);
    this.byPlaceholder.set(placeholder, real);
  }

  real(placeholder: string): string {
    const real = this.byPlaceholder.get(placeholder);
    if (real === undefined) throw new Error(`no value for the placeholder ${placeholder}`);
    return real;
  }

  /** The doc's variables with the real values (strings that are a placeholder, exactly). */
  toReal(value: Json): Json {
    if (typeof value === 'string') return this.byPlaceholder.get(value) ?? value;
    if (Array.isArray(value)) return value.map((v) => this.toReal(v));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.toReal(v)]));
    return value;
  }

  /** A response as the doc shows it: every real value (also inside a longer text) replaced. */
  toDoc(value: Json): Json {
    if (typeof value === 'string') {
      const exact = this.byReal.get(value);
      if (exact !== undefined) return exact;
      let text = value;
      for (const [real, placeholder] of this.byReal) if (real.length >= 8 && text.includes(real)) text = text.split(real).join(placeholder);
      return text;
    }
    if (Array.isArray(value)) return value.map((v) => this.toDoc(v));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.toDoc(v)]));
    return value;
  }
}

/** Where `actual` does not match the doc's `pattern` (see the top of this file); empty when it does. */
export function mismatches(pattern: Json, actual: Json, at = '$'): string[] {
  if (typeof pattern === 'string' && pattern.endsWith(ELLIPSIS)) {
    const prefix = pattern.slice(0, -ELLIPSIS.length);
    if (prefix === '') return [];
    return typeof actual === 'string' && actual.startsWith(prefix) ? [] : [`${at}: expected a text starting with ${JSON.stringify(prefix)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(pattern)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${JSON.stringify(actual)}`];
    return arrayMatches(pattern, actual, at, 0, 0) ? [] : arrayReport(pattern, actual, at);
  }
  if (isObject(pattern)) {
    if (!isObject(actual)) return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(pattern).flatMap(([key, value]) =>
      key in actual ? mismatches(value, actual[key], `${at}.${key}`) : [`${at}.${key}: not in the response`],
    );
  }
  return pattern === actual ? [] : [`${at}: expected ${JSON.stringify(pattern)}, got ${JSON.stringify(actual)}`];
}

function arrayMatches(pattern: Json[], actual: Json[], at: string, p: number, a: number): boolean {
  if (p === pattern.length) return a === actual.length;
  if (pattern[p] === ELLIPSIS) {
    for (let skip = a; skip <= actual.length; skip++) if (arrayMatches(pattern, actual, at, p + 1, skip)) return true;
    return false;
  }
  return a < actual.length && mismatches(pattern[p], actual[a], at).length === 0 && arrayMatches(pattern, actual, at, p + 1, a + 1);
}

/** The first element that does not match, for the report. */
function arrayReport(pattern: Json[], actual: Json[], at: string): string[] {
  const exact = pattern.filter((p) => p !== ELLIPSIS);
  if (exact.length === pattern.length && exact.length !== actual.length) {
    return [`${at}: expected ${exact.length} elements, got ${actual.length}`];
  }
  for (let i = 0; i < pattern.length && pattern[i] !== ELLIPSIS; i++) {
    const found = i < actual.length ? mismatches(pattern[i], actual[i], `${at}[${i}]`) : [`${at}[${i}]: missing`];
    if (found.length > 0) return found;
  }
  return [`${at}: the elements do not match in this order`];
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Errors without what changes with every request (`locations`, the request id). */
export function withoutNoise(body: Json): Json {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray(body.errors)) return body;
  const errors = body.errors.map((e) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return e;
    const { locations: _locations, ...rest } = e;
    const extensions = rest.extensions;
    if (typeof extensions === 'object' && extensions !== null && !Array.isArray(extensions)) {
      const { requestId: _requestId, ...keep } = extensions;
      return { ...rest, extensions: keep };
    }
    return rest;
  });
  return { ...body, errors };
}

/**
 * JSON as the doc prints it: what fits on a line stays on one line; an object that does not fit
 * puts as many of its fields on a line as fit, each field whole.
 */
export function formatJson(value: Json, indent = 0, width = 110, lead = 0): string {
  const flat = oneLine(value);
  if (indent + lead + flat.length <= width || (!Array.isArray(value) && !isObject(value))) return flat;
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.every((v) => !isObjectOrArray(v))) return `[\n${pack(value.map(oneLine), width - pad.length).map((l) => pad + l).join(',\n')}\n${' '.repeat(indent)}]`;
    return `[\n${value.map((v) => pad + formatJson(v, indent + 2, width)).join(',\n')}\n${' '.repeat(indent)}]`;
  }
  const lines: string[] = [];
  let line = '';
  for (const [k, v] of Object.entries(value)) {
    const key = `${JSON.stringify(k)}: `;
    const whole = key + oneLine(v);
    if (pad.length + whole.length > width || (line === '' && lines.length > 0 && isObjectOrArray(v) && whole.length > 60)) {
      if (line) lines.push(line);
      lines.push(key + formatJson(v, indent + 2, width, key.length));
      line = '';
    } else if (line && pad.length + line.length + 2 + whole.length > width) {
      lines.push(line);
      line = whole;
    } else {
      line = line ? `${line}, ${whole}` : whole;
    }
  }
  if (line) lines.push(line);
  return `{\n${lines.map((l) => pad + l).join(',\n')}\n${' '.repeat(indent)}}`;
}

/** Items joined by `, ` into lines of at most `width` characters. */
function pack(items: string[], width: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 2 + item.length <= width) lines[last] += `, ${item}`;
    else lines.push(item);
  }
  return lines;
}

function isObjectOrArray(value: Json): boolean {
  return Array.isArray(value) || isObject(value);
}

function oneLine(value: Json): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(oneLine).join(', ')}]`;
  if (isObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}
