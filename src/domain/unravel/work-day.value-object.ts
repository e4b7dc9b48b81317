import { ValidationError } from '../shared/domain-error';
import { HoursMinutes } from '../time/hours-minutes.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { MINUTES_PER_DAY, TimeOfDay } from '../time/time-of-day.value-object';
import { UnravelReason as R } from './unravel.errors';

export interface TimeRange {
  readonly start: TimeOfDay;
  /** At or before `start`: the range ends on the next date. */
  readonly end: TimeOfDay;
}

/** A break given as a duration (placed by the schedule's rule) or as explicit break times. */
export type BreakInput = { readonly duration: HoursMinutes } | { readonly times: readonly TimeRange[] };

/** Minutes from 00:00 of the work day's date on its wall clock: up to 2880 for a shift past midnight. */
export interface WallSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * One date of a timesheet as the worker entered it: a day total, or time blocks (split shifts
 * allowed, a block may cross midnight) with a break as a duration or as explicit times. Blocks and
 * breaks are kept sorted, so the order they were given in does not matter.
 */
export class WorkDay {
  readonly epochDay: number;

  /**
   * Blocks and breaks are kept as flat [start, end, start, end, …] lists of wall minutes: small,
   * and read by the engine's hot path without chasing a pointer per block.
   */
  private constructor(
    readonly date: LocalDate,
    /** Minutes of a day entered as a total; null when the day has times. */
    readonly totalMinutes: number | null,
    readonly blockSpans: readonly number[],
    /** A break given as a duration (0 when none or when breaks have times). */
    readonly breakMinutes: number,
    readonly breakSpans: readonly number[],
  ) {
    this.epochDay = date.epochDay;
  }

  get blocks(): readonly WallSpan[] {
    return spansOf(this.blockSpans);
  }

  get breaks(): readonly WallSpan[] {
    return spansOf(this.breakSpans);
  }

  static ofTotal(date: LocalDate, total: HoursMinutes): WorkDay {
    return new WorkDay(date, total.totalMinutes, NONE, 0, NONE);
  }

  static ofBlocks(date: LocalDate, ranges: readonly TimeRange[], breakInput?: BreakInput): WorkDay {
    if (ranges.length === 0) throw ValidationError.of('blocks', R.BLOCKS_EMPTY, 'Give at least one block of start and end time');
    const blocks = ranges.map(toSpan).sort((a, b) => a.start - b.start);
    for (let i = 1; i < blocks.length; i++) {
      if (blocks[i].start < blocks[i - 1].end) {
        throw ValidationError.of('blocks', R.BLOCKS_OVERLAP, 'Blocks of one day may not overlap', { at: label(blocks[i].start) });
      }
    }
    const gross = blocks.reduce((sum, b) => sum + b.end - b.start, 0);
    if (!breakInput) return new WorkDay(date, null, flat(blocks), 0, NONE);
    if ('duration' in breakInput) {
      if (breakInput.duration.totalMinutes > gross) {
        throw ValidationError.of('break', R.BREAK_LONGER_THAN_WORK, 'The break is longer than the time worked', {
          break: breakInput.duration.toString(), worked: HoursMinutes.ofMinutes(Math.min(gross, MINUTES_PER_DAY)).toString(),
        });
      }
      return new WorkDay(date, null, flat(blocks), breakInput.duration.totalMinutes, NONE);
    }
    return new WorkDay(date, null, flat(blocks), 0, flat(placeBreaks(blocks, breakInput.times)));
  }

  get hasTimes(): boolean {
    return this.totalMinutes === null;
  }
}

const NONE: readonly number[] = Object.freeze([]);

function flat(spans: readonly WallSpan[]): readonly number[] {
  const list: number[] = [];
  for (const span of spans) list.push(span.start, span.end);
  return list;
}

function spansOf(list: readonly number[]): WallSpan[] {
  const spans: WallSpan[] = [];
  for (let i = 0; i < list.length; i += 2) spans.push({ start: list[i], end: list[i + 1] });
  return spans;
}

function toSpan(range: TimeRange): WallSpan {
  const start = range.start.minuteOfDay;
  const end = range.end.minuteOfDay;
  return { start, end: end <= start ? end + MINUTES_PER_DAY : end };
}

/** Each break lies inside one block: on the work day's date or, for a night shift, the next. */
function placeBreaks(blocks: readonly WallSpan[], times: readonly TimeRange[]): WallSpan[] {
  const placed = times.map((range, i) => {
    const span = toSpan(range);
    for (const shift of [0, MINUTES_PER_DAY]) {
      const candidate = { start: span.start + shift, end: span.end + shift };
      if (blocks.some((b) => b.start <= candidate.start && candidate.end <= b.end)) return candidate;
    }
    throw ValidationError.of(`breaks[${i}]`, R.BREAK_OUTSIDE_BLOCKS, 'A break must lie inside one block of work', {
      start: range.start.toString(), end: range.end.toString(),
    });
  });
  placed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < placed.length; i++) {
    if (placed[i].start < placed[i - 1].end) throw ValidationError.of('breaks', R.BREAKS_OVERLAP, 'Breaks may not overlap');
  }
  return placed;
}

function label(minute: number): string {
  return TimeOfDay.ofMinuteOfDay(minute % MINUTES_PER_DAY).toString();
}
