import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CaoSchedule } from '../../domain/cao-schedule/cao-schedule.entity';
import { AllowanceRuleData, DAY_SELECTORS, OrtWindowData, ScheduleVersionData, ShiftSurchargeData } from '../../domain/unravel/cao-unravel-schedule.data';
import {
  CURSOR_DESCRIPTION,
  EDGE_DESCRIPTION,
  EDGES_DESCRIPTION,
  NODES_DESCRIPTION,
  PAGE_INFO_DESCRIPTION,
  PageInfo,
} from '../shared/connection';
import { HoursMinutesScalar, LocalDateScalar, LocalTimeScalar } from '../shared/scalars';
import {
  AllowanceKindEnum,
  BreakPlacementModeEnum,
  LiberationDayRuleEnum,
  NationalHolidayEnum,
  OrtOverlapRuleEnum,
  OvertimeBasisEnum,
  OvertimeWithOrtRuleEnum,
  ScheduleDayEnum,
  SettlementCalendarKindEnum,
  ShiftConditionKindEnum,
} from './cao-schedule.enums';

/*
 * The schedule format of the unravel engine (docs/unravel.md), every field typed. Values are the
 * engine's normalised data (every default filled in); only an ORT window's percentage, a number
 * or a table per day, is split into `percentage` and `percentageByDay`.
 */

@ObjectType('ScheduleHourCodes', { description: 'The hour codes of NORMAL and EXTRA lines; every other rule names its own.' })
export class ScheduleHourCodesType {
  @Field({ description: 'For NORMAL lines.' }) normal: string;
  @Field({ description: 'For EXTRA lines (hours above the contract, at 100 %).' }) extra: string;
}

@ObjectType('BreakPlacement', { description: 'Where a break given as a duration goes.' })
export class BreakPlacementType {
  @Field(() => BreakPlacementModeEnum, { description: 'END, START or AFTER_WORKED.' }) mode: string;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'Worked time before the break (AFTER_WORKED only).' })
  after: string | null;
}

@ObjectType('HolidayRules', { description: 'Which public holidays count as HOLIDAY.' })
export class HolidayRulesType {
  @Field(() => [NationalHolidayEnum], { description: 'The national holidays that count (Liberation Day has its own field).' }) nationalDays: string[];
  @Field(() => LiberationDayRuleEnum, { description: 'When Liberation Day (5 May) counts.' }) liberationDay: string;
  @Field({ description: 'Whether a national holiday on a Saturday or Sunday is a HOLIDAY.' }) countOnWeekend: boolean;
  @Field(() => [String], { description: 'Days the CAO adds: MM-DD every year, or YYYY-MM-DD once.' }) extraDays: string[];
}

@ObjectType('DayPercentage', { description: 'One percentage of a per-day table.' })
export class DayPercentageType {
  @Field(() => ScheduleDayEnum, { description: 'The day the window starts on.' }) day: string;
  @Field(() => Float, { description: 'The surcharge on that day, 0 to 500 (50 = +0.5 × the hourly wage).' }) percentage: number;
}

/**
 * A rule's id names it within one version: the next version, or another schedule, may hold a rule
 * with the same id and other values. As `id` a normalising cache merged them into one object, so
 * the schema calls it `ruleId` (the class keeps `id`, as the engine's data does).
 */
const RULE_ID = "The rule's id within its schedule version (line.rule.rule points to it). Not unique across versions or schedules, hence not `id`.";

@ObjectType('OrtWindow', { description: 'An irregular-hours allowance (ORT) in a time window; it belongs to the day it starts on.' })
export class OrtWindowType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => [ScheduleDayEnum], { description: 'The days the window starts on (with percentageByDay: the days of the table).' }) days: string[];
  @Field(() => LocalTimeScalar, { description: 'Where the window starts (HH:MM).' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'Where it ends (HH:MM, 24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float, { nullable: true, description: 'The surcharge; null when it is given per day.' }) percentage: number | null;
  @Field(() => [DayPercentageType], { nullable: true, description: 'The surcharge per day the window starts on; null when one percentage holds.' })
  percentageByDay: DayPercentageType[] | null;
  @Field({ description: 'Hour code of the lines this rule makes.' }) hourCode: string;
}

@ObjectType('TierWindow', { description: 'A time window where an overtime minute of the tier is worth another percentage.' })
export class TierWindowType {
  @Field(() => [ScheduleDayEnum], { description: 'The days the window starts on.' }) days: string[];
  @Field(() => LocalTimeScalar, { description: 'Where the window starts (HH:MM).' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'Where it ends (HH:MM, 24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float, { description: 'The whole overtime rate in the window, 100 to 500 (150 = 1.5 × the hourly wage).' }) percentage: number;
  @Field({ description: "Hour code of the overtime minutes in the window (the tier's unless set)." }) hourCode: string;
}

@ObjectType('OvertimeTier', { description: 'One overtime tier: the rate from a number of worked hours on.' })
export class OvertimeTierType {
  @Field(() => HoursMinutesScalar, { description: 'Worked time (per day, shift or week) after which this tier starts.' }) after: string;
  @Field(() => Float, { description: 'The whole rate, at least 100.' }) percentage: number;
  @Field({ description: 'Hour code of the lines this rule makes.' }) hourCode: string;
  @Field(() => [TierWindowType], { description: 'Time windows with another percentage and hour code; empty when none.' }) windows: TierWindowType[];
}

@ObjectType('DailyOvertime', { description: 'Overtime after a number of hours a day or a shift, in tiers.' })
export class DailyOvertimeType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => [ScheduleDayEnum], { description: "The kinds of the work day's date (where the shift starts) the rule holds on." }) days: string[];
  @Field(() => OvertimeBasisEnum, { description: 'DAY: all blocks of the work day together; SHIFT: each block on its own.' }) per: string;
  @Field(() => [OvertimeTierType], { description: 'The tiers, ascending by after.' }) tiers: OvertimeTierType[];
}

@ObjectType('WeeklyOvertime', { description: 'Overtime after a number of hours a week, in tiers.' })
export class WeeklyOvertimeType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => [ScheduleDayEnum], { description: 'The kinds of work days whose minutes count towards the week.' }) countedDays: string[];
  @Field(() => [OvertimeTierType], { description: 'The tiers, ascending by after.' }) tiers: OvertimeTierType[];
}

@ObjectType('WeekdayOvertime', { description: 'Every hour on these days is overtime.' })
export class WeekdayOvertimeType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => [ScheduleDayEnum], { description: 'The kinds of the date a minute falls on.' }) days: string[];
  @Field(() => Float, { description: 'The whole overtime rate, 100 to 500 (150 = 1.5 × the hourly wage).' }) percentage: number;
  @Field({ description: 'Hour code of the lines this rule makes.' }) hourCode: string;
}

@ObjectType('ShiftCondition', { description: 'When a shift (one block) gets a whole-shift surcharge.' })
export class ShiftConditionType {
  @Field(() => ShiftConditionKindEnum, { description: 'TOUCHES (a worked minute in the window), MINUTES_INSIDE (more than `over` worked, real minutes in it) or STARTS_INSIDE (the entered start in it).' }) kind: string;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'With MINUTES_INSIDE: the work inside the window must be more than this; null otherwise.' }) over: string | null;
}

@ObjectType('ShiftSurcharge', { description: 'A percentage on every hour of a shift that meets the condition for the window.' })
export class ShiftSurchargeType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => [ScheduleDayEnum], { description: 'The days the window starts on.' }) days: string[];
  @Field(() => LocalTimeScalar, { description: 'Where the window starts (HH:MM).' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'Where it ends (HH:MM, 24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float, { description: 'The surcharge, 0 to 500 (20 = +0.2 × the hourly wage).' }) percentage: number;
  @Field({ description: 'Hour code of the lines this rule makes.' }) hourCode: string;
  @Field(() => ShiftConditionType, { description: 'When a shift gets the surcharge (TOUCHES for schedules written before conditions existed).' }) condition: ShiftConditionType;
}

@ObjectType('MinimumBreakTier', { description: 'One step of a minimum break.' })
export class MinimumBreakTierType {
  @Field(() => HoursMinutesScalar, { description: 'Working time of a shift (its span minus its break) after which the step holds.' }) over: string;
  @Field(() => HoursMinutesScalar, { description: 'The break such a shift has at least.' }) atLeast: string;
}

@ObjectType('MinimumBreaks', { description: 'Minimum breaks by shift length: a shorter break is raised, and the added minutes (the last of the shift) are not paid.' })
export class MinimumBreaksType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => [MinimumBreakTierType], { description: 'The steps, ascending by over.' }) tiers: MinimumBreakTierType[];
}

@ObjectType('MinimumPayPerCall', { description: 'Minimum pay per call (BW 7:628a): a call shorter than the minimum is paid the minimum; the missing minutes come as MINIMUM_PAY lines.' })
export class MinimumPayPerCallType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => HoursMinutesScalar, { description: 'The minimum per call.' }) minimum: string;
  @Field({ description: 'Hour code of the MINIMUM_PAY lines.' }) hourCode: string;
}

@ObjectType('SettlementCalendar', { description: 'The calendar of settlement periods.' })
export class SettlementCalendarType {
  @Field(() => SettlementCalendarKindEnum, { description: 'ISO_WEEKS or CALENDAR_MONTH.' }) kind: string;
  @Field(() => Int, { nullable: true, description: 'ISO_WEEKS: the weeks of a period; null for CALENDAR_MONTH.' }) weeks: number | null;
}

@ObjectType('SettlementTier', { description: 'One step of overtime over a period.' })
export class SettlementTierType {
  @Field(() => HoursMinutesScalar, { description: 'Above the period\'s normal hours where this step starts.' }) over: string;
  @Field(() => Float, { description: 'The whole overtime rate; the PERIOD_OVERTIME line pays the part above 100.' }) percentage: number;
  @Field({ description: 'Hour code of the PERIOD_OVERTIME lines of this step.' }) hourCode: string;
}

@ObjectType('SettlementPeriodRule', { description: 'Overtime settled over periods of several weeks, on each period\'s last week.' })
export class SettlementPeriodRuleType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => SettlementCalendarType, { description: 'How the periods fall.' }) calendar: SettlementCalendarType;
  @Field(() => HoursMinutesScalar, { description: 'Normal hours per weekday; the period\'s normal hours are this times its Mondays to Fridays.' }) normalPerWeekday: string;
  @Field(() => [SettlementTierType], { description: 'The steps, ascending by over.' }) tiers: SettlementTierType[];
}

@ObjectType('AllowanceRule', { description: 'An allowance counted per occurrence, at most once per work day (the date the shift starts on).' })
export class AllowanceRuleType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field({ description: 'Hour code of the allowance.' }) hourCode: string;
  @Field(() => AllowanceKindEnum, { description: 'OVERTIME_ON_DAY, SPLIT_SHIFT or DAY_WORKED.' }) kind: string;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'OVERTIME_ON_DAY: the overtime of the work day that gives the allowance (exactly this much counts); null otherwise.' }) atLeast: string | null;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'SPLIT_SHIFT: a gap between two blocks must be more than this (real time); null otherwise.' }) gapOver: string | null;
  @Field(() => [ScheduleDayEnum], { nullable: true, description: "DAY_WORKED: the kinds of the work day's date that give the allowance; null otherwise." }) days: string[] | null;
}

@ObjectType('CaoUnravelScheduleVersion', { description: 'The complete rules from validFrom until the next version starts.' })
export class CaoUnravelScheduleVersionType {
  @Field(() => LocalDateScalar, { description: 'Also the label a declaration keeps of the version it was computed with.' })
  validFrom: string;
  @Field(() => ScheduleHourCodesType, { description: 'The hour codes of NORMAL and EXTRA lines.' }) hourCodes: ScheduleHourCodesType;
  @Field(() => BreakPlacementType, { description: 'Where a break given as a duration goes.' }) breakPlacement: BreakPlacementType;
  @Field(() => HolidayRulesType, { description: 'Which public holidays count as HOLIDAY.' }) holidays: HolidayRulesType;
  @Field(() => OrtOverlapRuleEnum, { description: 'What happens where ORT windows overlap.' }) ortOverlap: string;
  @Field(() => OvertimeWithOrtRuleEnum, { description: 'Overtime and ORT on the same minute.' }) overtimeWithOrt: string;
  @Field(() => [OrtWindowType], { description: 'Irregular-hours allowances; empty when none.' }) ortWindows: OrtWindowType[];
  @Field(() => [DailyOvertimeType], { description: 'Overtime after N hours a day or shift; empty when none.' }) dailyOvertime: DailyOvertimeType[];
  @Field(() => WeeklyOvertimeType, { nullable: true, description: 'Overtime after N hours a week; null when the version has none.' }) weeklyOvertime: WeeklyOvertimeType | null;
  @Field(() => [WeekdayOvertimeType], { description: 'Days on which every hour is overtime; empty when none.' }) weekdayOvertime: WeekdayOvertimeType[];
  @Field(() => [ShiftSurchargeType], { description: 'Whole-shift surcharges; empty when none.' }) shiftSurcharges: ShiftSurchargeType[];
  @Field(() => MinimumBreaksType, { nullable: true, description: 'Minimum breaks by shift length; null when the version has none.' }) minimumBreaks: MinimumBreaksType | null;
  @Field(() => MinimumPayPerCallType, { nullable: true, description: 'Minimum pay per call; null when the version has none.' }) minimumPayPerCall: MinimumPayPerCallType | null;
  @Field(() => SettlementPeriodRuleType, { nullable: true, description: 'Overtime settled over periods of several weeks; null when every week settles on its own.' })
  settlementPeriod: SettlementPeriodRuleType | null;
  @Field(() => [AllowanceRuleType], { description: 'Allowances counted per occurrence; empty when none.' }) allowances: AllowanceRuleType[];

  static from(v: ScheduleVersionData): CaoUnravelScheduleVersionType {
    return Object.assign(new CaoUnravelScheduleVersionType(), {
      ...v,
      breakPlacement: { mode: v.breakPlacement.mode, after: v.breakPlacement.mode === 'AFTER_WORKED' ? v.breakPlacement.after : null },
      ortWindows: v.ortWindows.map(ortWindowOf),
      shiftSurcharges: v.shiftSurcharges.map(shiftSurchargeOf),
      minimumBreaks: v.minimumBreaks ?? null,
      minimumPayPerCall: v.minimumPayPerCall ?? null,
      settlementPeriod: v.settlementPeriod
        ? {
          ...v.settlementPeriod,
          calendar: { kind: v.settlementPeriod.calendar.kind, weeks: v.settlementPeriod.calendar.kind === 'ISO_WEEKS' ? v.settlementPeriod.calendar.weeks : null },
          tiers: v.settlementPeriod.tiers.map((t) => ({ ...t })),
        }
        : null,
      // Versions stored before allowances existed have none.
      allowances: (v.allowances ?? []).map(allowanceOf),
    });
  }
}

function allowanceOf(a: AllowanceRuleData): AllowanceRuleType {
  return {
    id: a.id,
    hourCode: a.hourCode,
    kind: a.kind,
    atLeast: a.kind === 'OVERTIME_ON_DAY' ? a.atLeast : null,
    gapOver: a.kind === 'SPLIT_SHIFT' ? a.gapOver : null,
    days: a.kind === 'DAY_WORKED' ? [...a.days] : null,
  };
}

function shiftSurchargeOf(s: ShiftSurchargeData): ShiftSurchargeType {
  return { ...s, days: [...s.days], condition: { kind: s.condition.kind, over: s.condition.kind === 'MINUTES_INSIDE' ? s.condition.over : null } };
}

function ortWindowOf(w: OrtWindowData): OrtWindowType {
  const table = typeof w.percentage === 'number' ? null : w.percentage;
  return {
    ...w,
    percentage: table === null ? (w.percentage as number) : null,
    // In the order of the days: stored as jsonb, a table's keys come back in another order.
    percentageByDay: table === null ? null : DAY_SELECTORS.filter((day) => table[day] !== undefined).map((day) => ({ day, percentage: table[day] as number })),
  } as OrtWindowType;
}

@ObjectType('CaoUnravelSchedule', { description: "A CAO unravel schedule of the agency: the collective labour agreement's hour rules, versioned by date." })
export class CaoUnravelScheduleType {
  @Field(() => ID, { description: 'The id of the schedule.' }) id: string;
  @Field({ description: 'Unique in the agency (case-insensitive).' }) name: string;
  @Field({ description: 'Where the rules come from (CAO, article, period).' }) source: string;
  @Field(() => Int, { description: 'Send it back as expectedVersion when adding a version.' }) version: number;
  @Field(() => [CaoUnravelScheduleVersionType], { description: 'Ascending by validFrom; versions are only ever added.' })
  versions: CaoUnravelScheduleVersionType[];

  static from(schedule: CaoSchedule): CaoUnravelScheduleType {
    return Object.assign(new CaoUnravelScheduleType(), {
      id: schedule.id,
      name: schedule.name,
      source: schedule.source,
      version: schedule.version,
      versions: schedule.versions.map(CaoUnravelScheduleVersionType.from),
    });
  }
}

@ObjectType('CaoUnravelScheduleEdge', { description: EDGE_DESCRIPTION })
export class CaoUnravelScheduleEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => CaoUnravelScheduleType, { description: 'The CAO unravel schedule.' }) node: CaoUnravelScheduleType;
}

@ObjectType('CaoUnravelScheduleConnection', { description: 'A page of CAO unravel schedules (Relay connection).' })
export class CaoUnravelScheduleConnection {
  @Field(() => [CaoUnravelScheduleEdge], { description: EDGES_DESCRIPTION }) edges: CaoUnravelScheduleEdge[];
  @Field(() => [CaoUnravelScheduleType], { description: NODES_DESCRIPTION }) nodes: CaoUnravelScheduleType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}
