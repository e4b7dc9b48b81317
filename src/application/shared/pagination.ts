import { ValidationError } from '../../domain/shared/domain-error';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_CURSOR_LENGTH = 512;

/** Relay-style forward paging as the edge receives it. */
export interface PageRequest {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** A checked page request: `after` is an opaque cursor that only the repository that made it reads. */
export interface PageQuery {
  readonly first: number;
  readonly after: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** One cursor per item (Relay edges): `after` one of them continues right behind that item. */
  readonly cursors: readonly string[];
  readonly hasNextPage: boolean;
  /** The cursor of the last item, to pass as `after`; null on an empty page. */
  readonly endCursor: string | null;
}

/** Problems at `first` (PAGE_SIZE_RANGE) or `after` (CURSOR_INVALID). */
export function pageQuery(request: PageRequest = {}, max = MAX_PAGE_SIZE): PageQuery {
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw ValidationError.of('first', 'PAGE_SIZE_RANGE', `first must be a whole number from 1 to ${max}`, {
      min: 1,
      max,
    });
  }
  const after = request.after ?? null;
  if (after !== null && (after.length === 0 || after.length > MAX_CURSOR_LENGTH)) throw invalidCursor();
  return { first, after };
}

export function invalidCursor(): ValidationError {
  return ValidationError.of('after', 'CURSOR_INVALID', 'This cursor is not valid for this list');
}

export function emptyPage<T>(): Page<T> {
  return { items: [], cursors: [], hasNextPage: false, endCursor: null };
}

/** A page of items with their cursors; the end cursor is the last one. */
export function pageOfItems<T>(items: readonly T[], cursors: readonly string[], hasNextPage: boolean): Page<T> {
  return { items, cursors, hasNextPage, endCursor: cursors.length > 0 ? cursors[cursors.length - 1] : null };
}
