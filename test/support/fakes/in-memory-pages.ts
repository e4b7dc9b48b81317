import { invalidCursor, Page, pageOfItems, PageQuery } from '../../../src/application/shared/pagination';
import { LocalDate } from '../../../src/domain/time/local-date.value-object';

/** How one list is ordered and paged: by `key`, then the id, all ascending or all descending. */
export interface Keyset<T> {
  /** The list's name, in every cursor: a cursor of another list is CURSOR_INVALID. */
  readonly list: string;
  /** The sort key before the id (always `size` parts). */
  readonly key: (item: T) => readonly string[];
  readonly size: number;
  readonly order?: 'ASC' | 'DESC';
  /** The key parts that are dates: a cursor with an impossible date there is CURSOR_INVALID. */
  readonly dateParts?: readonly number[];
}

/**
 * Keyset paging over an in-memory list, as the real repositories do it: sort by the key and the
 * id, skip up to and including the item the cursor names, take `first` plus one to know if more
 * follow. Cursors have the real ones' shape (base64url JSON `[list, ...key, id]`), so a cursor of
 * another list, of another shape or with an impossible date is refused here as there. One
 * difference is deliberate: the database refuses a cursor whose id is not a UUID, the fakes take
 * any id, as the use-case tests store readable ones.
 */
export function pageOf<T extends { id: string }>(keyset: Keyset<T>, items: readonly T[], page: PageQuery): Page<T> {
  const keyOf = (item: T) => [...keyset.key(item), item.id];
  const sign = keyset.order === 'DESC' ? -1 : 1;
  const sorted = [...items].sort((a, b) => sign * compareKeys(keyOf(a), keyOf(b)));
  let rest = sorted;
  if (page.after !== null) {
    const after = decode(keyset, page.after);
    rest = sorted.filter((item) => sign * compareKeys(keyOf(item), after) > 0);
  }
  const slice = rest.slice(0, page.first + 1);
  const pageItems = slice.slice(0, page.first);
  return pageOfItems(pageItems, pageItems.map((item) => encode(keyset.list, keyOf(item))), slice.length > page.first);
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

function encode(list: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

function decode<T>(keyset: Keyset<T>, cursor: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parts: unknown[] = Array.isArray(parsed) ? parsed : [];
  const valid =
    parts.length === keyset.size + 2 &&
    parts[0] === keyset.list &&
    parts.every((part) => typeof part === 'string') &&
    (keyset.dateParts ?? []).every((i) => isDate(parts[i + 1] as string));
  if (!valid) throw invalidCursor();
  return (parts as string[]).slice(1);
}

/** A real calendar date `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  try {
    return LocalDate.parse(text).toString() === text;
  } catch {
    return false;
  }
}
