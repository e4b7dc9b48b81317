import { ProblemCollector } from '../shared/domain-error';
import { cleanText } from '../shared/text';
import { UnravelReason as R } from './unravel.errors';

/** Reads a JSON-like value field by field, collecting every problem by path instead of stopping. */
export type RawObject = Readonly<Record<string, unknown>>;

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

export function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readObject(c: ProblemCollector, path: string, value: unknown, known: readonly string[]): RawObject | undefined {
  if (!isObject(value)) {
    c.add(path, R.VALUE_NOT_OBJECT, 'Expected an object');
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) c.add(joinPath(path, key), R.FIELD_UNKNOWN, `Unknown field "${key}"`, { field: key });
  }
  return value;
}

export function readList(c: ProblemCollector, path: string, value: unknown, required: boolean): readonly unknown[] | undefined {
  if (value === undefined || value === null) {
    if (required) c.add(path, R.VALUE_REQUIRED, 'A list is required');
    return required ? undefined : [];
  }
  if (!Array.isArray(value)) {
    c.add(path, R.VALUE_NOT_LIST, 'Expected a list');
    return undefined;
  }
  return value;
}

export function readString(c: ProblemCollector, path: string, value: unknown): string | undefined {
  if (value === undefined || value === null) {
    c.add(path, R.VALUE_REQUIRED, 'A value is required');
    return undefined;
  }
  if (typeof value !== 'string') {
    c.add(path, R.VALUE_NOT_STRING, 'Expected a text');
    return undefined;
  }
  return value;
}

/** A string that keeps the text rule (no control characters, no lone surrogates): codes, ids, dates. */
export function readCleanString(c: ProblemCollector, path: string, value: unknown): string | undefined {
  const text = readString(c, path, value);
  return text === undefined ? undefined : c.attempt(path, () => cleanText(text));
}

export function readOptionalString(c: ProblemCollector, path: string, value: unknown, fallback: string): string | undefined {
  return value === undefined || value === null ? fallback : readString(c, path, value);
}

export function readBoolean(c: ProblemCollector, path: string, value: unknown, fallback: boolean): boolean | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    c.add(path, R.VALUE_NOT_BOOLEAN, 'Expected true or false');
    return undefined;
  }
  return value;
}

export function readEnum<T extends string>(
  c: ProblemCollector,
  path: string,
  value: unknown,
  allowed: readonly T[],
  fallback?: T,
): T | undefined {
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  const text = readString(c, path, value);
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) {
    c.add(path, R.VALUE_NOT_ALLOWED, `"${text}" is not one of ${allowed.join(', ')}`, { value: text, allowed: allowed.join(', ') });
    return undefined;
  }
  return text as T;
}

/** Runs a value-object parser on a string field, collecting its refusal under the path. */
export function readParsed<T>(c: ProblemCollector, path: string, value: unknown, parse: (text: string) => T): T | undefined {
  const text = readString(c, path, value);
  return text === undefined ? undefined : c.attempt(path, () => parse(text));
}

export function parseEach<T>(c: ProblemCollector, path: string, raw: unknown, parse: (path: string, value: unknown, index: number) => T | undefined): T[] {
  const list = readList(c, path, raw, false) ?? [];
  return list.map((value, i) => parse(joinPath(path, i), value, i)).filter((v): v is T => v !== undefined);
}
