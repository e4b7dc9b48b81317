import { DateTime } from 'luxon';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { ClockChange, TimeZoneRules } from '../../domain/unravel/unravel-ports';

const MINUTE = 60_000;

/**
 * The clock changes of an IANA zone (Europe/Amsterdam by default) from luxon: for each date whose
 * UTC offset at the end differs from the start, the local minute of the change and its size.
 */
export class LuxonTimeZoneRules implements TimeZoneRules {
  private readonly byYear = new Map<number, readonly ClockChange[]>();

  constructor(private readonly zone = 'Europe/Amsterdam') {
    if (!DateTime.local({ zone }).isValid) throw new Error(`Unknown time zone ${zone}`);
  }

  clockChanges(year: number): readonly ClockChange[] {
    let list = this.byYear.get(year);
    if (!list) {
      list = this.load(year);
      this.byYear.set(year, list);
    }
    return list;
  }

  private load(year: number): ClockChange[] {
    const changes: ClockChange[] = [];
    let day = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: this.zone });
    while (day.year === year) {
      const next = day.plus({ days: 1 });
      if (next.offset !== day.offset) changes.push(this.changeOn(day));
      day = next;
    }
    return changes;
  }

  /** Finds the first minute after local midnight with the new offset (binary search on instants). */
  private changeOn(midnight: DateTime): ClockChange {
    const start = midnight.toMillis();
    const offsetAt = (minute: number) => DateTime.fromMillis(start + minute * MINUTE, { zone: this.zone }).offset;
    let low = 0;
    let high = 25 * 60;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (offsetAt(mid) === midnight.offset) low = mid + 1;
      else high = mid;
    }
    return {
      date: LocalDate.of(midnight.year, midnight.month, midnight.day),
      atMinute: low,
      shiftMinutes: offsetAt(low) - midnight.offset,
    };
  }
}
