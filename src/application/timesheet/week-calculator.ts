import { CaoSchedule } from '../../domain/cao-schedule/cao-schedule.entity';
import { Placement } from '../../domain/placement/placement.entity';
import { ValidationError } from '../../domain/shared/domain-error';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { Declaration } from '../../domain/timesheet/declaration.entity';
import { Timesheet } from '../../domain/timesheet/timesheet.entity';
import { DayEntry } from '../../domain/timesheet/day-entry.value-object';
import { BreakdownInput, BreakdownTotal, breakDownWeek, breakDownWeekTotals, HoursBreakdown, ResolvedHourSource } from '../../domain/timesheet/hours-breakdown';
import { DayEntryInput, EntryRules, parseWeekEntries, WeekNeighbours } from '../../domain/timesheet/week-entries';
import { NationalHolidaySource, TimeZoneRules } from '../../domain/unravel/unravel-ports';

/** What surrounds a week of one placement: its weeks before and after, the worker's other placements' days. */
export interface Surroundings {
  readonly neighbours: WeekNeighbours;
  readonly otherWork: readonly DayEntry[];
}

/**
 * Reads entered days against a placement and splits a week's hours: with the placement's CAO
 * schedule through the unravel engine, or as the manual hour codes were filled. No I/O: the
 * caller brings the placement and its schedule (a DataLoader does, for lists).
 */
export class WeekCalculator {
  constructor(
    private readonly holidays: NationalHolidaySource,
    private readonly timeZone: TimeZoneRules,
  ) {}

  rulesFor(placement: Placement, week: IsoWeek, around?: Surroundings): EntryRules {
    const source = placement.hourSource;
    return {
      week,
      entryModes: placement.allowedEntryModes,
      hourCodes: source.kind === 'MANUAL_HOUR_CODES' ? source.hourCodes : null,
      startDate: placement.startDate,
      endDate: placement.endDate,
      neighbours: around?.neighbours,
      otherWork: around?.otherWork,
    };
  }

  /**
   * Problems at `days[i]…`, all at once. With what surrounds the week, no hour counts twice: a
   * shift across Sunday night in one week only, and no time at two placements at once.
   */
  parseDays(placement: Placement, week: IsoWeek, days: readonly DayEntryInput[], around?: Surroundings): DayEntry[] {
    return parseWeekEntries(days, this.rulesFor(placement, week, around));
  }

  breakdown(week: IsoWeek, days: readonly DayEntry[], placement: Placement, schedule: CaoSchedule | null): HoursBreakdown {
    return breakDownWeek(this.inputOf(week, days, placement, schedule));
  }

  /**
   * The week totals `breakdown` would give with a schedule, from the same inputs and the same
   * unravel, without the lines (what a comparison with approved totals needs, fast).
   */
  breakdownTotals(week: IsoWeek, days: readonly DayEntry[], placement: Placement, schedule: CaoSchedule): BreakdownTotal[] {
    return breakDownWeekTotals(this.inputOf(week, days, placement, schedule));
  }

  private inputOf(week: IsoWeek, days: readonly DayEntry[], placement: Placement, schedule: CaoSchedule | null): BreakdownInput {
    return {
      week,
      entries: days,
      source: this.sourceOf(placement, schedule),
      contractMinutes: placement.contractHoursPerWeek.totalMinutes > 0 ? placement.contractHoursPerWeek.totalMinutes : null,
      holidays: this.holidays,
      timeZone: this.timeZone,
    };
  }

  /**
   * What a week shows as its hours: once approved, the current declaration's lines exactly as they
   * were approved (never computed again with today's settings); while open, the live unravel of the
   * saved days, or null when they no longer fit the placement (saving them again says why).
   */
  preview(timesheet: Timesheet, placement: Placement, schedule: CaoSchedule | null, current: Declaration | null): HoursBreakdown | null {
    if (!timesheet.isOpen && current !== null) return current.breakdown;
    try {
      const days = this.parseDays(placement, timesheet.week, timesheet.days.map((d) => d.toData()));
      return this.breakdown(timesheet.week, days, placement, schedule);
    } catch (error) {
      if (error instanceof ValidationError) return null;
      throw error;
    }
  }

  private sourceOf(placement: Placement, schedule: CaoSchedule | null): ResolvedHourSource {
    const source = placement.hourSource;
    if (source.kind === 'MANUAL_HOUR_CODES') return source;
    if (schedule === null || schedule.id !== source.caoScheduleId) {
      throw new Error(`placement ${placement.id}: its CAO schedule ${source.caoScheduleId} was not loaded`);
    }
    return { kind: 'CAO_SCHEDULE', scheduleId: schedule.id, schedule: schedule.unravelSchedule };
  }
}
