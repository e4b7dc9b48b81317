import { IsoWeek } from '../time/iso-week.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { formatDuration } from '../time/week-hours.value-object';
import { SettlementPeriodData } from '../unravel/cao-unravel-schedule.data';
import { CaoUnravelSchedule } from '../unravel/cao-unravel-schedule';
import { ExplanationKey } from '../unravel/explanation-keys';
import { lastWeekOf, periodContaining, samePeriod, SettlementPeriod, weekdaysIn, weeksOf } from '../unravel/settlement-calendar';
import { BreakdownDay, BreakdownLine, BreakdownTotal, HoursBreakdown } from './hours-breakdown';
import { PeriodSettlement, SettledWeek } from './period-settlement.data';

/**
 * Overtime settled over a period of several weeks (issue 13, rule 1). Weeks are unravelled and
 * approved one by one, their hours at the normal rate; once the period's last week is approved,
 * the NORMAL minutes of the period's work days above its normal hours are settled as
 * PERIOD_OVERTIME lines on that week, dated the period's last day. They pay the part of the
 * overtime percentage above 100 on top (the minutes were paid at 100 % in their own weeks), so
 * the time lines of every week still hold each worked minute exactly once. Pure functions.
 */

/** The approved hours of one week of the period (days as a breakdown keeps them). */
export interface ApprovedWeek {
  readonly week: IsoWeek;
  readonly days: readonly Pick<BreakdownDay, 'date' | 'lines'>[];
}

/** A period of the schedule's settlement rule and the version whose rule settles it (the one in force on its last day). */
export interface PeriodToSettle {
  readonly period: SettlementPeriod;
  readonly rule: SettlementPeriodData;
  readonly scheduleVersion: string;
}

/**
 * The periods a week's hours count in: of the rule in force on each of its days, the period that
 * holds the day, kept when the version in force on the period's last day settles it by the same
 * calendar. At most two (a week across the end of a month).
 */
export function periodsTouching(schedule: CaoUnravelSchedule, week: IsoWeek): PeriodToSettle[] {
  const found: PeriodToSettle[] = [];
  for (const date of [week.monday, week.sunday]) {
    const rule = schedule.versionAt(date)?.settlementPeriod;
    if (!rule) continue;
    const period = periodContaining(rule.calendar, date);
    if (found.some((p) => samePeriod(p.period, period))) continue;
    const settling = settlingRule(schedule, period);
    if (settling && samePeriod(periodContaining(settling.rule.calendar, period.to), period)) found.push({ period, ...settling });
  }
  return found;
}

function settlingRule(schedule: CaoUnravelSchedule, period: SettlementPeriod): { rule: SettlementPeriodData; scheduleVersion: string } | null {
  const version = schedule.versionAt(period.to);
  return version?.settlementPeriod ? { rule: version.settlementPeriod, scheduleVersion: version.validFrom } : null;
}

/** The period's last week, as `periodsTouching` gives periods. */
export { lastWeekOf, weeksOf };

/**
 * Settles a period from the approved weeks given (a week not given counts 0): the settlement and
 * its PERIOD_OVERTIME lines, one per tier that got minutes, dated the period's last day.
 * Invariant: the settlement's counted minutes are the sum of its weeks' counted minutes.
 */
export function settlePeriod(toSettle: PeriodToSettle, approved: readonly ApprovedWeek[]): { settlement: PeriodSettlement; lines: BreakdownLine[] } {
  const { period, rule, scheduleVersion } = toSettle;
  const from = period.from.toString();
  const to = period.to.toString();
  const weeks = weeksOf(period).map((week): SettledWeek => {
    const found = approved.find((a) => a.week.equals(week));
    return { week: week.toString(), countedMinutes: found ? normalMinutesIn(found.days, from, to) : 0 };
  });
  const countedMinutes = weeks.reduce((sum, w) => sum + w.countedMinutes, 0);
  const normalMinutes = weekdaysIn(period) * minutesOf(rule.normalPerWeekday);
  const overtimeMinutes = Math.max(0, countedMinutes - normalMinutes);
  const settlement: PeriodSettlement = {
    rule: { scheduleVersion, rule: rule.id },
    from,
    to,
    weeks,
    normalMinutes,
    countedMinutes,
    overtimeMinutes,
  };
  const weeksLabel = `${weeks[0].week} – ${weeks[weeks.length - 1].week}`;
  const lines: BreakdownLine[] = [];
  rule.tiers.forEach((tier, i) => {
    const start = minutesOf(tier.over);
    const end = i + 1 < rule.tiers.length ? minutesOf(rule.tiers[i + 1].over) : Infinity;
    const minutes = Math.max(0, Math.min(overtimeMinutes, end) - start);
    if (minutes === 0) return;
    const surcharge = tier.percentage - 100;
    lines.push({
      date: to,
      hourCode: tier.hourCode,
      kind: 'PERIOD_OVERTIME',
      percentage: surcharge,
      minutes,
      from: null,
      to: null,
      rule: { scheduleVersion, rule: `${rule.id}.tiers[${i}]` },
      explanation: {
        key: ExplanationKey.PERIOD_OVERTIME,
        params: {
          from, to, weeks: weeksLabel,
          normal: formatDuration(normalMinutes), counted: formatDuration(countedMinutes), over: formatDuration(minutes),
          percentage: tier.percentage, surcharge,
        },
      },
    });
  });
  return { settlement, lines };
}

/**
 * Whether two settlements pay the same: same period, rule and minutes per week (declaration
 * versions aside). Field by field, never by JSON text: a settlement read back from jsonb has its
 * keys in another order than a fresh one.
 */
export function sameSettlement(a: PeriodSettlement | null | undefined, b: PeriodSettlement): boolean {
  if (!a) return false;
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.rule.scheduleVersion === b.rule.scheduleVersion &&
    a.rule.rule === b.rule.rule &&
    a.normalMinutes === b.normalMinutes &&
    a.countedMinutes === b.countedMinutes &&
    a.overtimeMinutes === b.overtimeMinutes &&
    a.weeks.length === b.weeks.length &&
    a.weeks.every((week, i) => week.week === b.weeks[i].week && week.countedMinutes === b.weeks[i].countedMinutes)
  );
}

/**
 * The breakdown of the period's last week with this settlement: earlier PERIOD_OVERTIME lines and
 * the day that held only them taken out, the new lines on the day of the period's last date (a
 * day of 0 worked minutes when that date was not worked), and the totals again.
 */
export function withSettlement(breakdown: HoursBreakdown, settlement: PeriodSettlement, lines: readonly BreakdownLine[]): HoursBreakdown {
  const days: BreakdownDay[] = [];
  for (const day of breakdown.days) {
    const kept = day.lines.filter((l) => l.kind !== 'PERIOD_OVERTIME');
    if (kept.length === 0 && day.workedMinutes === 0 && day.lines.length > 0) continue;
    days.push(kept.length === day.lines.length ? day : { ...day, lines: kept });
  }
  if (lines.length > 0) {
    const at = days.findIndex((d) => d.date >= settlement.to);
    if (at >= 0 && days[at].date === settlement.to) days[at] = { ...days[at], lines: [...days[at].lines, ...lines] };
    else {
      const day: BreakdownDay = { date: settlement.to, workedMinutes: 0, scheduleVersion: settlement.rule.scheduleVersion, lines: [...lines], notApplied: [], adjustments: [], allowances: [] };
      days.splice(at < 0 ? days.length : at, 0, day);
    }
  }
  const totals = breakdown.totals.filter((t) => t.kind !== 'PERIOD_OVERTIME');
  for (const line of lines) {
    const total = totals.find((t) => t.hourCode === line.hourCode && t.kind === line.kind && t.percentage === line.percentage);
    if (total) totals[totals.indexOf(total)] = { ...total, minutes: total.minutes + line.minutes };
    else totals.push({ hourCode: line.hourCode, kind: line.kind, percentage: line.percentage, minutes: line.minutes });
  }
  totals.sort(compareTotals);
  return { ...breakdown, days, totals, settlement };
}

function normalMinutesIn(days: readonly Pick<BreakdownDay, 'date' | 'lines'>[], from: string, to: string): number {
  let sum = 0;
  for (const day of days) {
    if (day.date < from || day.date > to) continue;
    for (const line of day.lines) if (line.kind === 'NORMAL') sum += line.minutes;
  }
  return sum;
}

function compareTotals(a: BreakdownTotal, b: BreakdownTotal): number {
  if (a.hourCode !== b.hourCode) return a.hourCode < b.hourCode ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.percentage - b.percentage;
}

function minutesOf(text: string): number {
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
}

/** For callers that hold a date string: the period's dates as LocalDate. */
export function periodDates(settlement: PeriodSettlement): SettlementPeriod {
  return { from: LocalDate.parse(settlement.from), to: LocalDate.parse(settlement.to) };
}
