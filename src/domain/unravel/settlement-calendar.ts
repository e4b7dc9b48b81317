import { daysInMonth, isoWeekdayOf, weeksInIsoYear } from '../time/calendar-arithmetic';
import { IsoWeek } from '../time/iso-week.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { SettlementCalendarData } from './cao-unravel-schedule.data';

/** One settlement period: its first and last date, both included. */
export interface SettlementPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * The period of a calendar that holds a date. ISO weeks are counted in blocks of N from week 1 of
 * the date's ISO year; a remainder of fewer than N weeks at the year's end joins the last block
 * (so with N = 4 a year of 53 weeks ends with weeks 49–53). Calendar months are months.
 */
export function periodContaining(calendar: SettlementCalendarData, date: LocalDate): SettlementPeriod {
  if (calendar.kind === 'CALENDAR_MONTH') {
    return { from: LocalDate.of(date.year, date.month, 1), to: LocalDate.of(date.year, date.month, daysInMonth(date.year, date.month)) };
  }
  const week = IsoWeek.containing(date);
  const n = calendar.weeks;
  const weeksInYear = weeksInIsoYear(week.year);
  const lastBlock = Math.floor(weeksInYear / n) - 1;
  const block = Math.min(Math.floor((week.week - 1) / n), lastBlock);
  const firstWeek = block * n + 1;
  const lastWeek = block === lastBlock ? weeksInYear : firstWeek + n - 1;
  return { from: IsoWeek.of(week.year, firstWeek).monday, to: IsoWeek.of(week.year, lastWeek).sunday };
}

/** The ISO weeks that hold a date of the period, in order. */
export function weeksOf(period: SettlementPeriod): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  const last = IsoWeek.containing(period.to);
  for (let week = IsoWeek.containing(period.from); week.compare(last) <= 0; week = week.next()) weeks.push(week);
  return weeks;
}

/** The week whose approval settles the period: the one holding its last date. */
export function lastWeekOf(period: SettlementPeriod): IsoWeek {
  return IsoWeek.containing(period.to);
}

/** Mondays to Fridays in the period (public holidays included: a CAO that lowers the norm for them is not modelled). */
export function weekdaysIn(period: SettlementPeriod): number {
  let count = 0;
  for (let day = period.from.epochDay; day <= period.to.epochDay; day++) if (isoWeekdayOf(day) <= 5) count++;
  return count;
}

export function samePeriod(a: SettlementPeriod, b: SettlementPeriod): boolean {
  return a.from.equals(b.from) && a.to.equals(b.to);
}
