import { invalidCursor } from '../../../application/shared/pagination';
import { LocalDate } from '../../../domain/time/local-date.value-object';

/**
 * Opaque cursors for keyset pagination: the sort key of the last row of a page, as base64url
 * JSON tagged with the list it belongs to, so a cursor of one list is refused by another.
 */
export function encodeCursor(list: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/** The key of a cursor made by `encodeCursor(list, …)` with `size` parts, the last one a row id; CURSOR_INVALID otherwise. */
export function decodeCursor(list: string, cursor: string, size: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === size + 1 &&
    parsed[0] === list &&
    parsed.every((part) => typeof part === 'string') &&
    isUuid(parsed[size]);
  if (!valid) throw invalidCursor();
  return (parsed as string[]).slice(1);
}

/** A real calendar date `YYYY-MM-DD`: a forged `9999-99-99` in a cursor would make PostgreSQL fail. */
export function isCursorDate(text: string): boolean {
  try {
    return LocalDate.parse(text).toString() === text;
  } catch {
    return false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs name nothing in a uuid column; asking PostgreSQL would be an error. */
export function isUuid(id: string): boolean {
  return typeof id === 'string' && UUID.test(id);
}

/** `text` as a LIKE pattern matching it anywhere, with %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
