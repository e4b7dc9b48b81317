import { LocalDate } from '../time/local-date.value-object';
import { MINUTES_PER_DAY } from '../time/time-of-day.value-object';
import { WallSpan, WorkDay } from '../unravel/work-day.value-object';
import { ElapsedClock } from './elapsed-clock';

/** Work without a break, in real minutes, with the date it was entered on. */
export interface WorkPiece {
  readonly start: number;
  readonly end: number;
  readonly date: LocalDate;
}

/** Work between two rests (a dienst): its pieces, its dates, and what the rules ask of it. */
export interface Shift {
  readonly start: number;
  readonly end: number;
  /** The dates its hours were entered on, in order. */
  readonly dates: readonly LocalDate[];
  /** Breaks (as times or as a duration) not counted. */
  readonly workedMinutes: number;
  /** Worked minutes in the night windows, at least: a break given as a duration is taken from them. */
  readonly nightMinutes: number;
}

/** A worker's hours, read once: the shifts of days with times, and minutes per date of every day. */
export interface WorkedTime {
  readonly shifts: readonly Shift[];
  /** Worked minutes counted per local date (a night shift's minutes after midnight on the next date). */
  readonly minutesByEpochDay: ReadonlyMap<number, number>;
  /** Every stretch without work between two pieces (breaks too), in order; the last one is open (end Infinity). */
  readonly rests: readonly { readonly start: number; readonly end: number }[];
}

export interface WorkedTimeOptions {
  readonly clock: ElapsedClock;
  readonly shiftSeparatingRestMinutes: number;
  readonly nightFromMinute: number;
  readonly nightToMinute: number;
}

/**
 * Days with times become pieces of work on one real-time line, joined into shifts wherever the gap
 * is shorter than a rest; day totals and hours per hour code only add minutes to their date.
 */
export function readWorkedTime(days: readonly WorkDay[], options: WorkedTimeOptions): WorkedTime {
  const minutes = new Map<number, number>();
  const add = (epochDay: number, value: number) => minutes.set(epochDay, (minutes.get(epochDay) ?? 0) + value);
  const entries: { pieces: WorkPiece[]; durationBreak: number }[] = [];
  for (const day of days) {
    if (!day.hasTimes) {
      add(day.epochDay, day.totalMinutes ?? 0);
      continue;
    }
    const pieces = piecesOf(day, options.clock);
    entries.push({ pieces, durationBreak: day.breakMinutes });
    for (const piece of cutFromEnd(pieces, day.breakMinutes)) addPerDate(piece, options.clock, add);
  }
  return { shifts: joinShifts(entries, options), minutesByEpochDay: minutes, rests: restsBetween(entries.flatMap((e) => e.pieces)) };
}

function restsBetween(pieces: readonly WorkPiece[]): { start: number; end: number }[] {
  const sorted = [...pieces].sort((a, b) => a.start - b.start);
  const rests: { start: number; end: number }[] = [];
  let end = -Infinity;
  for (const p of sorted) {
    if (p.start > end && end !== -Infinity) rests.push({ start: end, end: p.start });
    end = Math.max(end, p.end);
  }
  if (end !== -Infinity) rests.push({ start: end, end: Infinity });
  return rests;
}

function piecesOf(day: WorkDay, clock: ElapsedClock): WorkPiece[] {
  const pieces: WorkPiece[] = [];
  for (const block of day.blocks) {
    let from = block.start;
    for (const pause of day.breaks.filter((b) => b.start >= block.start && b.end <= block.end)) {
      if (pause.start > from) pieces.push(piece(day, clock, { start: from, end: pause.start }));
      from = pause.end;
    }
    if (block.end > from) pieces.push(piece(day, clock, { start: from, end: block.end }));
  }
  return pieces.filter((p) => p.end > p.start);
}

function piece(day: WorkDay, clock: ElapsedClock, span: WallSpan): WorkPiece {
  return { start: clock.at(day.epochDay, span.start), end: clock.at(day.epochDay, span.end), date: day.date };
}

/** A break given as a duration, taken from the end of the day's work (where it counts least). */
function cutFromEnd(pieces: readonly WorkPiece[], minutes: number): WorkPiece[] {
  const kept = [...pieces];
  let left = minutes;
  while (left > 0 && kept.length > 0) {
    const last = kept[kept.length - 1];
    const taken = Math.min(left, last.end - last.start);
    left -= taken;
    if (taken === last.end - last.start) kept.pop();
    else kept[kept.length - 1] = { ...last, end: last.end - taken };
  }
  return kept;
}

/** A piece's minutes per local date it falls on, cut at each real-time midnight. */
function addPerDate(piece: WorkPiece, clock: ElapsedClock, add: (epochDay: number, minutes: number) => void): void {
  for (let day = piece.date.epochDay; ; day++) {
    const from = Math.max(piece.start, clock.at(day, 0));
    const to = Math.min(piece.end, clock.at(day + 1, 0));
    if (to > from) add(day, to - from);
    if (piece.end <= clock.at(day + 1, 0)) return;
  }
}

function joinShifts(entries: readonly { pieces: WorkPiece[]; durationBreak: number }[], options: WorkedTimeOptions): Shift[] {
  const tagged = entries.flatMap((entry, i) => entry.pieces.map((p) => ({ ...p, entry: i })));
  tagged.sort((a, b) => a.start - b.start || a.end - b.end);
  const shifts: Shift[] = [];
  let run: typeof tagged = [];
  let runEnd = -Infinity;
  const close = () => {
    if (run.length > 0) shifts.push(shiftOf(run, entries, options));
    run = [];
  };
  for (const p of tagged) {
    if (p.start - runEnd >= options.shiftSeparatingRestMinutes) close();
    run.push(p);
    runEnd = Math.max(runEnd, p.end);
  }
  close();
  return shifts;
}

function shiftOf(run: readonly (WorkPiece & { entry: number })[], entries: readonly { durationBreak: number }[], options: WorkedTimeOptions): Shift {
  const durationBreaks = [...new Set(run.map((p) => p.entry))].reduce((sum, i) => sum + entries[i].durationBreak, 0);
  const gross = run.reduce((sum, p) => sum + p.end - p.start, 0);
  const night = run.reduce((sum, p) => sum + nightMinutesOf(p, options), 0);
  const dates = [...new Map(run.map((p) => [p.date.epochDay, p.date])).values()].sort((a, b) => a.epochDay - b.epochDay);
  return {
    start: run[0].start,
    end: Math.max(...run.map((p) => p.end)),
    dates,
    workedMinutes: Math.max(0, gross - durationBreaks),
    nightMinutes: Math.max(0, night - durationBreaks),
  };
}

function nightMinutesOf(piece: WorkPiece, options: WorkedTimeOptions): number {
  let sum = 0;
  const lastDay = piece.date.epochDay + Math.ceil((piece.end - piece.start) / MINUTES_PER_DAY) + 1;
  for (let day = piece.date.epochDay; day <= lastDay; day++) {
    const from = Math.max(piece.start, options.clock.at(day, options.nightFromMinute));
    const to = Math.min(piece.end, options.clock.at(day, options.nightToMinute));
    if (to > from) sum += to - from;
  }
  return sum;
}
