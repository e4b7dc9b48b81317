import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CaoSchedule } from '../../domain/cao-schedule/cao-schedule.entity';
import { DAY_SELECTORS, OrtWindowData, ScheduleVersionData } from '../../domain/unravel/cao-unravel-schedule.data';
import { PageInfo } from '../shared/connection';
import { HoursMinutesScalar, LocalDateScalar, LocalTimeScalar } from '../shared/scalars';
import {
  BreakPlacementModeEnum,
  LiberationDayRuleEnum,
  NationalHolidayEnum,
  OrtOverlapRuleEnum,
  OvertimeBasisEnum,
  OvertimeWithOrtRuleEnum,
  ScheduleDayEnum,
} from './cao-schedule.enums';

/*
 * The schedule format of the unravel engine (docs/unravel.md), every field typed. Values are the
 * engine's normalised data (every default filled in); only an ORT window's percentage, a number
 * or a table per day, is split into `percentage` and `percentageByDay`.
 */

@ObjectType('ScheduleHourCodes')
export class ScheduleHourCodesType {
  @Field({ description: 'For NORMAL lines.' }) normal: string;
  @Field({ description: 'For EXTRA lines (hours above the contract, at 100 %).' }) extra: string;
}

@ObjectType('BreakPlacement', { description: 'Where a break given as a duration goes.' })
export class BreakPlacementType {
  @Field(() => BreakPlacementModeEnum) mode: string;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'Worked time before the break (AFTER_WORKED only).' })
  after: string | null;
}

@ObjectType('HolidayRules', { description: 'Which public holidays count as HOLIDAY.' })
export class HolidayRulesType {
  @Field(() => [NationalHolidayEnum]) nationalDays: string[];
  @Field(() => LiberationDayRuleEnum) liberationDay: string;
  @Field({ description: 'Whether a national holiday on a Saturday or Sunday is a HOLIDAY.' }) countOnWeekend: boolean;
  @Field(() => [String], { description: 'Days the CAO adds: MM-DD every year, or YYYY-MM-DD once.' }) extraDays: string[];
}

@ObjectType('DayPercentage')
export class DayPercentageType {
  @Field(() => ScheduleDayEnum) day: string;
  @Field(() => Float) percentage: number;
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
  @Field(() => [ScheduleDayEnum]) days: string[];
  @Field(() => LocalTimeScalar, { description: 'Where the window starts (HH:MM).' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'Where it ends (HH:MM, 24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float, { nullable: true, description: 'The surcharge; null when it is given per day.' }) percentage: number | null;
  @Field(() => [DayPercentageType], { nullable: true, description: 'The surcharge per day the window starts on; null when one percentage holds.' })
  percentageByDay: DayPercentageType[] | null;
  @Field() hourCode: string;
}

@ObjectType('TierWindow', { description: 'A time window where an overtime minute of the tier is worth another percentage.' })
export class TierWindowType {
  @Field(() => [ScheduleDayEnum]) days: string[];
  @Field(() => LocalTimeScalar, { description: 'Where the window starts (HH:MM).' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'Where it ends (HH:MM, 24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float) percentage: number;
  @Field() hourCode: string;
}

@ObjectType('OvertimeTier')
export class OvertimeTierType {
  @Field(() => HoursMinutesScalar, { description: 'Worked time (per day, shift or week) after which this tier starts.' }) after: string;
  @Field(() => Float, { description: 'The whole rate, at least 100.' }) percentage: number;
  @Field() hourCode: string;
  @Field(() => [TierWindowType]) windows: TierWindowType[];
}

@ObjectType('DailyOvertime', { description: 'Overtime after a number of hours a day or a shift, in tiers.' })
export class DailyOvertimeType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => [ScheduleDayEnum]) days: string[];
  @Field(() => OvertimeBasisEnum) per: string;
  @Field(() => [OvertimeTierType]) tiers: OvertimeTierType[];
}

@ObjectType('WeeklyOvertime', { description: 'Overtime after a number of hours a week, in tiers.' })
export class WeeklyOvertimeType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => [ScheduleDayEnum]) countedDays: string[];
  @Field(() => [OvertimeTierType]) tiers: OvertimeTierType[];
}

@ObjectType('WeekdayOvertime', { description: 'Every hour on these days is overtime.' })
export class WeekdayOvertimeType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => [ScheduleDayEnum]) days: string[];
  @Field(() => Float) percentage: number;
  @Field() hourCode: string;
}

@ObjectType('ShiftSurcharge', { description: 'A percentage on every hour of a shift that touches the window.' })
export class ShiftSurchargeType {
  @Field({ name: 'ruleId', description: RULE_ID }) id: string;
  @Field(() => [ScheduleDayEnum]) days: string[];
  @Field(() => LocalTimeScalar, { description: 'Where the window starts (HH:MM).' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'Where it ends (HH:MM, 24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float) percentage: number;
  @Field() hourCode: string;
}

@ObjectType('CaoUnravelScheduleVersion', { description: 'The complete rules from validFrom until the next version starts.' })
export class CaoUnravelScheduleVersionType {
  @Field(() => LocalDateScalar, { description: 'Also the label a declaration keeps of the version it was computed with.' })
  validFrom: string;
  @Field(() => ScheduleHourCodesType) hourCodes: ScheduleHourCodesType;
  @Field(() => BreakPlacementType) breakPlacement: BreakPlacementType;
  @Field(() => HolidayRulesType) holidays: HolidayRulesType;
  @Field(() => OrtOverlapRuleEnum) ortOverlap: string;
  @Field(() => OvertimeWithOrtRuleEnum) overtimeWithOrt: string;
  @Field(() => [OrtWindowType]) ortWindows: OrtWindowType[];
  @Field(() => [DailyOvertimeType]) dailyOvertime: DailyOvertimeType[];
  @Field(() => WeeklyOvertimeType, { nullable: true }) weeklyOvertime: WeeklyOvertimeType | null;
  @Field(() => [WeekdayOvertimeType]) weekdayOvertime: WeekdayOvertimeType[];
  @Field(() => [ShiftSurchargeType]) shiftSurcharges: ShiftSurchargeType[];

  static from(v: ScheduleVersionData): CaoUnravelScheduleVersionType {
    return Object.assign(new CaoUnravelScheduleVersionType(), {
      ...v,
      breakPlacement: { mode: v.breakPlacement.mode, after: v.breakPlacement.mode === 'AFTER_WORKED' ? v.breakPlacement.after : null },
      ortWindows: v.ortWindows.map(ortWindowOf),
    });
  }
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
  @Field(() => ID) id: string;
  @Field() name: string;
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

@ObjectType('CaoUnravelScheduleEdge')
export class CaoUnravelScheduleEdge {
  @Field() cursor: string;
  @Field(() => CaoUnravelScheduleType) node: CaoUnravelScheduleType;
}

@ObjectType('CaoUnravelScheduleConnection')
export class CaoUnravelScheduleConnection {
  @Field(() => [CaoUnravelScheduleEdge]) edges: CaoUnravelScheduleEdge[];
  @Field(() => [CaoUnravelScheduleType]) nodes: CaoUnravelScheduleType[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
