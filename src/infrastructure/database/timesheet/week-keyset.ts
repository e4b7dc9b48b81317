import { invalidCursor } from '../../../application/shared/pagination';
import { dateText } from '../organisation/placement.mapper';
import { decodeCursor, encodeCursor, isCursorDate, isUuid } from '../organisation/keyset-cursor';


/** The keyset of the week lists: the week's Monday, then the row id. */
export interface WeekKey {
  readonly weekStart: string;
  readonly id: string;
}

export function encodeWeekCursor(list: string, row: { weekStart: string | Date; id: string }): string {
  return encodeCursor(list, [dateText(row.weekStart), row.id]);
}

/** CURSOR_INVALID for a cursor of another list or one that does not hold a date and an id. */
export function decodeWeekCursor(list: string, cursor: string | null): WeekKey | null {
  if (cursor === null) return null;
  const [weekStart, id] = decodeCursor(list, cursor, 2);
  if (!isCursorDate(weekStart)) throw invalidCursor();
  return { weekStart, id };
}

/** The ids that can name a row (UUIDs), once each. */
export function uuids(ids: readonly string[]): string[] {
  return [...new Set(ids.filter(isUuid))];
}
