import { MINUTES_PER_DAY } from '../time/time-of-day.value-object';
import { ClockChange, TimeZoneRules } from '../unravel/unravel-ports';

/**
 * Local wall-clock minutes turned into minutes on one line of real time, so that a night when the
 * clocks change lasts 7 or 9 hours of work, not 8. Only differences between two results mean
 * anything (the line starts at local midnight of epoch day 0, give or take the offsets before).
 */
export class ElapsedClock {
  private readonly changes = new Map<number, ClockChange>();
  private readonly changeDays: number[] = [];
  private readonly shiftsBefore: number[] = [];

  constructor(zone: TimeZoneRules, fromYear: number, toYear: number) {
    const all: ClockChange[] = [];
    for (let year = fromYear; year <= toYear; year++) all.push(...zone.clockChanges(year));
    all.sort((a, b) => a.date.epochDay - b.date.epochDay);
    let sum = 0;
    for (const change of all) {
      this.changes.set(change.date.epochDay, change);
      this.changeDays.push(change.date.epochDay);
      this.shiftsBefore.push(sum);
      sum += change.shiftMinutes;
    }
    this.shiftsBefore.push(sum);
  }

  /**
   * The real minute of local `wallMinute` after 00:00 of `epochDay` (past 1440: the next date). A
   * time the clock skips is read as the moment of the change; in the hour shown twice, the first.
   */
  at(epochDay: number, wallMinute: number): number {
    const day = epochDay + Math.floor(wallMinute / MINUTES_PER_DAY);
    const minute = wallMinute - (day - epochDay) * MINUTES_PER_DAY;
    const change = this.changes.get(day);
    const local = !change || minute < change.atMinute ? minute : Math.max(change.atMinute, minute - change.shiftMinutes);
    return day * MINUTES_PER_DAY + local - this.shiftBefore(day);
  }

  private shiftBefore(day: number): number {
    let i = 0;
    while (i < this.changeDays.length && this.changeDays[i] < day) i++;
    return this.shiftsBefore[i];
  }
}
