import { invalidCursor, Page, pageOfItems, PageQuery } from '../../../src/application/shared/pagination';

/**
 * Keyset paging over an in-memory list, as the real repositories do it: sort by `key` (ties by
 * id), skip up to and including the cursor's key, take `first` plus one to know if more follow.
 */
export function pageOf<T extends { id: string }>(items: readonly T[], key: (item: T) => string, page: PageQuery): Page<T> {
  const sortKey = (item: T) => `${key(item)}\u0000${item.id}`;
  const sorted = [...items].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  let start = 0;
  if (page.after !== null) {
    if (!page.after.startsWith('fake:')) throw invalidCursor();
    const after = page.after.slice(5);
    start = sorted.findIndex((item) => sortKey(item) > after);
    if (start < 0) start = sorted.length;
  }
  const slice = sorted.slice(start, start + page.first + 1);
  const pageItems = slice.slice(0, page.first);
  return pageOfItems(pageItems, pageItems.map((item) => `fake:${sortKey(item)}`), slice.length > page.first);
}
