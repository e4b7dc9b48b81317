import { invalidCursor, Page, pageOfItems, PageQuery } from '../../../src/application/shared/pagination';
import { IsoWeek } from '../../../src/domain/time/iso-week.value-object';
import { isDate } from './in-memory-pages';

/** What the week lists page by: the week's Monday, then the id (as the real repositories do). */
export interface WeekKeyed {
  readonly id: string;
  readonly week: IsoWeek;
}

/**
 * Keyset paging of a week list in memory: sorted by (Monday, id) ascending or descending, an
 * opaque cursor per item tagged with `list`, so a cursor of another list, of another shape or
 * with an impossible date is CURSOR_INVALID, and `after` continues right behind the item it names.
 */
export function weekPage<T extends WeekKeyed>(
  list: string,
  items: readonly T[],
  order: 'ASC' | 'DESC',
  page: PageQuery,
  /** What orders items of one week (the id, unless a list says otherwise). */
  within: (item: T) => string = (item) => item.id,
): Page<T> {
  const keyOf = (item: T) => `${item.week.monday.toString()}\u0000${within(item)}`;
  const sign = order === 'ASC' ? 1 : -1;
  const sorted = [...items].sort((a, b) => sign * compareText(keyOf(a), keyOf(b)));
  let rest = sorted;
  if (page.after !== null) {
    const after = decode(list, page.after);
    rest = sorted.filter((item) => (order === 'ASC' ? keyOf(item) > after : keyOf(item) < after));
  }
  const slice = rest.slice(0, page.first + 1);
  const pageItems = slice.slice(0, page.first);
  return pageOfItems(pageItems, pageItems.map((item) => encode(list, item.week, within(item))), slice.length > page.first);
}

/** (Monday, id) ascending or descending. */
export function sortByWeek<T extends WeekKeyed>(items: readonly T[], order: 'ASC' | 'DESC'): T[] {
  const sign = order === 'ASC' ? 1 : -1;
  const keyOf = (item: T) => `${item.week.monday.toString()}\u0000${item.id}`;
  return [...items].sort((a, b) => sign * compareText(keyOf(a), keyOf(b)));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encode(list: string, week: IsoWeek, within: string): string {
  return Buffer.from(JSON.stringify([list, week.monday.toString(), within]), 'utf8').toString('base64url');
}

function decode(list: string, cursor: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== list || typeof parsed[2] !== 'string' || typeof parsed[1] !== 'string' || !isDate(parsed[1])) {
    throw invalidCursor();
  }
  return `${parsed[1]}\u0000${parsed[2]}`;
}
