import { ValidationError } from '../shared/domain-error';
import { HoursMinutes } from '../time/hours-minutes.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { MINUTES_PER_DAY, TimeOfDay } from '../time/time-of-day.value-object';
import { TimeRange, WorkDay } from '../unravel/work-day.value-object';

/** How a day was entered: a day total, start/end/break times, or hours per manual hour code. */
export type DayEntryKind = 'TOTAL' | 'TIMES' | 'HOUR_CODES';

export interface HourCodeMinutes {
  readonly hourCode: string;
  readonly minutes: number;
}

/** The stored (and snapshotted) form of a day: plain JSON, times as `HH:MM`, durations as `H:MM`. */
export interface DayEntryData {
  readonly date: string;
  readonly total?: string;
  readonly blocks?: readonly { readonly start: string; readonly end: string }[];
  readonly breakDuration?: string;
  readonly breaks?: readonly { readonly start: string; readonly end: string }[];
  readonly hours?: readonly { readonly hourCode: string; readonly hours: string }[];
}

/**
 * One date of a timesheet as it was entered. For TOTAL and TIMES it holds the engine's WorkDay
 * (which checks blocks, breaks and shifts past midnight); HOUR_CODES days are filled by hand on
 * a placement without a CAO schedule and are never unravelled.
 */
export class DayEntry {
  private constructor(
    readonly date: LocalDate,
    readonly kind: DayEntryKind,
    readonly workDay: WorkDay | null,
    readonly blocks: readonly TimeRange[],
    readonly breakDuration: HoursMinutes | null,
    readonly breaks: readonly TimeRange[],
    readonly hours: readonly HourCodeMinutes[],
  ) {}

  static total(date: LocalDate, total: HoursMinutes): DayEntry {
    return new DayEntry(date, 'TOTAL', WorkDay.ofTotal(date, total), [], null, [], []);
  }

  /**
   * Times: blocks (split shifts, a block may run past midnight), with a break as a duration or
   * as times. Problems at `blocks`, `breakDuration`, `breaks[i]`; at most 24:00 worked.
   */
  static times(date: LocalDate, blocks: readonly TimeRange[], breakDuration: HoursMinutes | null, breaks: readonly TimeRange[]): DayEntry {
    if (breakDuration !== null && breaks.length > 0) {
      throw ValidationError.of('breaks', 'BREAK_TWICE', 'Give the break either as a duration or as times, not both');
    }
    let workDay: WorkDay;
    try {
      workDay = WorkDay.ofBlocks(date, blocks, breakDuration ? { duration: breakDuration } : breaks.length > 0 ? { times: breaks } : undefined);
    } catch (error) {
      if (error instanceof ValidationError) {
        throw new ValidationError(error.problems.map((p) => ({ ...p, path: p.path === 'break' ? 'breakDuration' : p.path })));
      }
      throw error;
    }
    const entry = new DayEntry(date, 'TIMES', workDay, sortRanges(blocks), breakDuration, sortRanges(breaks), []);
    if (entry.workedMinutes > MINUTES_PER_DAY) {
      throw ValidationError.of('blocks', 'DAY_OVER_24_HOURS', 'A day holds at most 24:00 of work', { date: date.toString() });
    }
    return entry;
  }

  /** Hours per hour code; each code once, together at most 24:00. Problems at `hours[i]…`. */
  static hourCodes(date: LocalDate, hours: readonly HourCodeMinutes[]): DayEntry {
    const seen = new Set<string>();
    hours.forEach((h, i) => {
      if (seen.has(h.hourCode)) {
        throw ValidationError.of(`hours[${i}].hourCode`, 'HOUR_CODE_DUPLICATE', `Hour code ${h.hourCode} is listed twice`, { value: h.hourCode });
      }
      seen.add(h.hourCode);
    });
    const entry = new DayEntry(date, 'HOUR_CODES', null, [], null, [], hours.filter((h) => h.minutes > 0));
    if (entry.workedMinutes > MINUTES_PER_DAY) {
      throw ValidationError.of('hours', 'DAY_OVER_24_HOURS', 'A day holds at most 24:00 of work', { date: date.toString() });
    }
    return entry;
  }

  /** Minutes worked on the wall clock, breaks excluded (the engine counts a clock-change night exactly). */
  get workedMinutes(): number {
    if (this.kind === 'HOUR_CODES') return this.hours.reduce((sum, h) => sum + h.minutes, 0);
    const day = this.workDay as WorkDay;
    if (day.totalMinutes !== null) return day.totalMinutes;
    let gross = 0;
    for (const b of day.blocks) gross += b.end - b.start;
    for (const b of day.breaks) gross -= b.end - b.start;
    return gross - day.breakMinutes;
  }

  /** The wall minute (from 00:00 of this date) at which the last block ends: past 1440 into the next date. */
  get lastEnd(): number {
    const blocks = this.workDay?.blocks ?? [];
    return blocks.length === 0 ? 0 : blocks[blocks.length - 1].end;
  }

  get firstStart(): number | null {
    const blocks = this.workDay?.blocks ?? [];
    return blocks.length === 0 ? null : blocks[0].start;
  }

  toData(): DayEntryData {
    const date = this.date.toString();
    if (this.kind === 'TOTAL') return { date, total: HoursMinutes.ofMinutes(this.workedMinutes).toString() };
    if (this.kind === 'HOUR_CODES') {
      return { date, hours: this.hours.map((h) => ({ hourCode: h.hourCode, hours: HoursMinutes.ofMinutes(h.minutes).toString() })) };
    }
    return {
      date,
      blocks: this.blocks.map(rangeData),
      ...(this.breakDuration ? { breakDuration: this.breakDuration.toString() } : {}),
      ...(this.breaks.length > 0 ? { breaks: this.breaks.map(rangeData) } : {}),
    };
  }

  /** For mappers: data this class wrote itself. */
  static fromData(data: DayEntryData): DayEntry {
    const date = LocalDate.parse(data.date);
    if (data.total !== undefined) return DayEntry.total(date, HoursMinutes.parse(data.total));
    if (data.hours !== undefined) {
      return DayEntry.hourCodes(date, data.hours.map((h) => ({ hourCode: h.hourCode, minutes: HoursMinutes.parse(h.hours).totalMinutes })));
    }
    const ranges = (list: DayEntryData['blocks']) => (list ?? []).map((r) => ({ start: TimeOfDay.parse(r.start), end: TimeOfDay.parseEnd(r.end) }));
    return DayEntry.times(date, ranges(data.blocks), data.breakDuration ? HoursMinutes.parse(data.breakDuration) : null, ranges(data.breaks));
  }

  equals(other: DayEntry): boolean {
    return JSON.stringify(this.toData()) === JSON.stringify(other.toData());
  }
}

function rangeData(range: TimeRange): { start: string; end: string } {
  return { start: range.start.toString(), end: range.end.toString() };
}

function sortRanges(ranges: readonly TimeRange[]): TimeRange[] {
  return [...ranges].sort((a, b) => a.start.minuteOfDay - b.start.minuteOfDay);
}
