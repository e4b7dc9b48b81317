import { ArrayMaxSize, IsInt, MaxLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
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
 * The engine's schedule format (docs/unravel.md) as inputs. They only bound sizes; the domain
 * checks everything else and lists every problem by the path of the input
 * (`versions[0].ortWindows[1].from`). Fields left out take the engine's defaults. Lists of days
 * may be longer than the eight days, so that the domain names a day listed twice.
 */

const HOUR_CODE = 32;
const RULE_ID = 64;
const DAYS = 16;
const RULES = 50;

@InputType({ description: 'The hour codes of NORMAL and EXTRA lines; every other rule names its own.' })
export class ScheduleHourCodesInput {
  @Field({ description: 'Hour code for NORMAL lines (1–32 of A-Z a-z 0-9 . _ -).' }) @MaxLength(HOUR_CODE) normal: string;
  @Field(() => String, { nullable: true, description: 'Hour code for EXTRA lines (hours above the contract, at 100 %). Default: normal.' }) @MaxLength(HOUR_CODE) extra?: string | null;
}

@InputType({ description: 'Where a break given as a duration goes in the gross time of the work day.' })
export class BreakPlacementInput {
  @Field(() => BreakPlacementModeEnum, { description: 'END, START or AFTER_WORKED.' }) mode: string;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'Worked time (H:MM) before the break; with AFTER_WORKED only, required there.' }) after?: string | null;
}

@InputType({ description: 'Which public holidays count as HOLIDAY; left out, the defaults of each field.' })
export class HolidayRulesInput {
  @Field(() => [NationalHolidayEnum], { nullable: true, description: 'The national holidays that count (not LIBERATION_DAY). Default: all but Good Friday.' })
  @ArrayMaxSize(DAYS * 2)
  nationalDays?: string[] | null;
  @Field(() => LiberationDayRuleEnum, { nullable: true, description: 'When Liberation Day (5 May) counts. Default: EVERY_FIFTH_YEAR.' }) liberationDay?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether a national holiday on a Saturday or Sunday is a HOLIDAY. Default: true.' }) countOnWeekend?: boolean | null;
  @Field(() => [String], { nullable: true, description: 'Days the CAO adds, which always count: MM-DD every year, or YYYY-MM-DD once. Default: none.' })
  @ArrayMaxSize(RULES)
  @MaxLength(10, { each: true })
  extraDays?: string[] | null;
}

@InputType({ description: 'One percentage of a per-day table.' })
export class DayPercentageInput {
  @Field(() => ScheduleDayEnum, { description: 'The day the window starts on; each day at most once.' }) day: string;
  @Field(() => Float, { description: 'The surcharge on that day, 0 to 500 (50 = +0.5 × the hourly wage).' }) percentage: number;
}

@InputType({ description: 'An irregular-hours allowance (ORT) in a time window, belonging to the day it starts on. Give either percentage or percentageByDay (then the days are the days of the table).' })
export class OrtWindowInput {
  @Field(() => String, { nullable: true, description: 'The rule\'s id within the version (1–64 characters). Default: its path.' }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => [ScheduleDayEnum], { nullable: true, description: 'The days the window starts on; leave out with percentageByDay (its days are used).' }) @ArrayMaxSize(DAYS) days?: string[] | null;
  @Field(() => LocalTimeScalar, { description: 'HH:MM; 24:00 only as an end.' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM (24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float, { nullable: true, description: 'The surcharge on every day, 0 to 500 (50 = +0.5 ×); leave out with percentageByDay.' }) percentage?: number | null;
  @Field(() => [DayPercentageInput], { nullable: true, description: 'The surcharge per day the window starts on; leave out with percentage.' }) @ArrayMaxSize(DAYS) @ValidateNested() percentageByDay?: DayPercentageInput[] | null;
  @Field({ description: 'Hour code of the lines this rule makes (1–32 of A-Z a-z 0-9 . _ -).' }) @MaxLength(HOUR_CODE) hourCode: string;
}

@InputType({ description: 'A time window where an overtime minute of the tier is worth another percentage.' })
export class TierWindowInput {
  @Field(() => [ScheduleDayEnum], { description: 'The days the window starts on.' }) @ArrayMaxSize(DAYS) days: string[];
  @Field(() => LocalTimeScalar, { description: 'HH:MM; 24:00 only as an end.' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM (24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float, { description: 'The whole overtime rate in the window, 100 to 500 (150 = 1.5 × the hourly wage).' }) percentage: number;
  @Field(() => String, { nullable: true, description: "Hour code of the overtime minutes in the window. Default: the tier's." }) @MaxLength(HOUR_CODE) hourCode?: string | null;
}

@InputType({ description: 'One overtime tier: the rate from a number of worked hours on.' })
export class OvertimeTierInput {
  @Field(() => HoursMinutesScalar, { description: 'Worked time (H:MM; per day, shift or week) after which this tier starts; ascending across tiers.' }) after: string;
  @Field(() => Float, { description: 'The whole overtime rate, 100 to 500 (125 = 1.25 × the hourly wage).' }) percentage: number;
  @Field({ description: 'Hour code of the lines this rule makes (1–32 of A-Z a-z 0-9 . _ -).' }) @MaxLength(HOUR_CODE) hourCode: string;
  @Field(() => [TierWindowInput], { nullable: true, description: 'Time windows with another percentage and hour code. Default: none.' }) @ArrayMaxSize(RULES) @ValidateNested() windows?: TierWindowInput[] | null;
}

@InputType({ description: 'Overtime after a number of hours a day or a shift, in tiers.' })
export class DailyOvertimeInput {
  @Field(() => String, { nullable: true, description: 'The rule\'s id within the version (1–64 characters). Default: its path.' }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => [ScheduleDayEnum], { nullable: true, description: 'The kinds of the work day\'s date (where the shift starts) the rule holds on; no two rules share a day. Default: every day.' }) @ArrayMaxSize(DAYS) days?: string[] | null;
  @Field(() => OvertimeBasisEnum, { nullable: true, description: 'DAY: all blocks of the work day together; SHIFT: each block on its own. Default: DAY.' }) per?: string | null;
  @Field(() => [OvertimeTierInput], { description: 'The tiers, ascending by after.' }) @ArrayMaxSize(RULES) @ValidateNested() tiers: OvertimeTierInput[];
}

@InputType({ description: 'Overtime after a number of hours a week, in tiers.' })
export class WeeklyOvertimeInput {
  @Field(() => String, { nullable: true, description: 'The rule\'s id within the version (1–64 characters). Default: its path.' }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => [ScheduleDayEnum], { nullable: true, description: 'The kinds of work days whose minutes count towards the week. Default: every day.' }) @ArrayMaxSize(DAYS) countedDays?: string[] | null;
  @Field(() => [OvertimeTierInput], { description: 'The tiers, ascending by after.' }) @ArrayMaxSize(RULES) @ValidateNested() tiers: OvertimeTierInput[];
}

@InputType({ description: 'Every hour on these days is overtime.' })
export class WeekdayOvertimeInput {
  @Field(() => String, { nullable: true, description: 'The rule\'s id within the version (1–64 characters). Default: its path.' }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => [ScheduleDayEnum], { description: 'The kinds of the date a minute falls on; no two rules share a day.' }) @ArrayMaxSize(DAYS) days: string[];
  @Field(() => Float, { description: 'The whole overtime rate, 100 to 500 (150 = 1.5 × the hourly wage).' }) percentage: number;
  @Field({ description: 'Hour code of the lines this rule makes (1–32 of A-Z a-z 0-9 . _ -).' }) @MaxLength(HOUR_CODE) hourCode: string;
}

@InputType({ description: 'When a shift (one block) gets a whole-shift surcharge; left out, TOUCHES.' })
export class ShiftConditionInput {
  @Field(() => ShiftConditionKindEnum, { description: 'TOUCHES, MINUTES_INSIDE or STARTS_INSIDE.' }) kind: string;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'With MINUTES_INSIDE only, required there: the shift needs more than this much work (H:MM, real minutes) inside the window; exactly this much does not count.' }) over?: string | null;
}

@InputType({ description: 'A percentage on every worked minute of a shift (block) that meets the condition for the window (by default: whose worked time touches it).' })
export class ShiftSurchargeInput {
  @Field(() => String, { nullable: true, description: 'The rule\'s id within the version (1–64 characters). Default: its path.' }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => [ScheduleDayEnum], { description: 'The days the window starts on.' }) @ArrayMaxSize(DAYS) days: string[];
  @Field(() => LocalTimeScalar, { description: 'HH:MM; 24:00 only as an end.' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM (24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float, { description: 'The surcharge, 0 to 500 (20 = +0.2 × the hourly wage).' }) percentage: number;
  @Field({ description: 'Hour code of the lines this rule makes (1–32 of A-Z a-z 0-9 . _ -).' }) @MaxLength(HOUR_CODE) hourCode: string;
  @Field(() => ShiftConditionInput, { nullable: true, description: 'When a shift gets the surcharge. Default: TOUCHES.' }) @ValidateNested() condition?: ShiftConditionInput | null;
}

@InputType({ description: 'One step of a minimum break: a shift with more working time than `over` has at least `atLeast` of break.' })
export class MinimumBreakTierInput {
  @Field(() => HoursMinutesScalar, { description: 'Working time of a shift (H:MM, its span minus its break) after which the step holds; ascending.' }) over: string;
  @Field(() => HoursMinutesScalar, { description: 'The break the shift has at least (H:MM, more than 0:00); never less than the step before.' }) atLeast: string;
}

@InputType({ description: 'Minimum breaks by shift length: a shorter break is raised, and the added minutes (the last of the shift) are not paid.' })
export class MinimumBreaksInput {
  @Field(() => String, { nullable: true, description: 'The rule\'s id within the version (1–64 characters). Default: minimumBreaks.' }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => [MinimumBreakTierInput], { description: 'The steps, ascending by over (e.g. over 5:30 at least 0:30, over 10:00 at least 0:45).' }) @ArrayMaxSize(RULES) @ValidateNested() tiers: MinimumBreakTierInput[];
}

@InputType({ description: 'Minimum pay per call (BW 7:628a): a call (a shift, or a day total) shorter than the minimum is paid the minimum; the missing minutes come as MINIMUM_PAY lines.' })
export class MinimumPayPerCallInput {
  @Field(() => String, { nullable: true, description: 'The rule\'s id within the version (1–64 characters). Default: minimumPayPerCall.' }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => HoursMinutesScalar, { description: 'The minimum per call (H:MM, 0:01 to 12:00); 3:00 by the law.' }) minimum: string;
  @Field({ description: 'Hour code of the MINIMUM_PAY lines (1–32 of A-Z a-z 0-9 . _ -); not used for worked time or a surcharge.' }) @MaxLength(HOUR_CODE) hourCode: string;
}

@InputType({ description: 'The calendar of settlement periods.' })
export class SettlementCalendarInput {
  @Field(() => SettlementCalendarKindEnum, { description: 'ISO_WEEKS (blocks of `weeks` ISO weeks from week 1) or CALENDAR_MONTH.' }) kind: string;
  @Field(() => Int, { nullable: true, description: 'ISO_WEEKS only: the weeks of a period, 2 to 26 (road transport: 4). Leave out for CALENDAR_MONTH.' }) weeks?: number | null;
}

@InputType({ description: 'One step of overtime over a period: the minutes more than `over` above the period\'s normal hours.' })
export class SettlementTierInput {
  @Field(() => HoursMinutesScalar, { description: 'H:MM above the period\'s normal hours where this step starts (up to 168:00); ascending, the first usually 0:00.' }) over: string;
  @Field(() => Float, { description: 'The whole overtime rate, 100 to 500; the PERIOD_OVERTIME line pays the part above 100 on top of the hours already paid in their weeks.' }) percentage: number;
  @Field({ description: 'Hour code of the PERIOD_OVERTIME lines of this step (1–32 of A-Z a-z 0-9 . _ -); used by no other rule of the version.' }) @MaxLength(HOUR_CODE) hourCode: string;
}

@InputType({ description: 'Overtime settled over a period of several weeks instead of per week: the NORMAL minutes of the period above its normal hours, settled on the period\'s last week.' })
export class SettlementPeriodInput {
  @Field(() => String, { nullable: true, description: 'The rule\'s id within the version (1–64 characters). Default: settlementPeriod.' }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => SettlementCalendarInput, { description: 'How the periods fall.' }) @ValidateNested() calendar: SettlementCalendarInput;
  @Field(() => HoursMinutesScalar, { description: 'Normal hours per weekday (H:MM, more than 0:00, at most 24:00): the period\'s normal hours are this times its Mondays to Fridays.' }) normalPerWeekday: string;
  @Field(() => [SettlementTierInput], { description: 'The steps, ascending by over; a later step never pays less.' }) @ArrayMaxSize(RULES) @ValidateNested() tiers: SettlementTierInput[];
}

@InputType({ description: 'An allowance counted per occurrence, at most once per work day (the date the shift starts on). Give the one field its kind takes: atLeast, gapOver or days.' })
export class AllowanceRuleInput {
  @Field(() => String, { nullable: true, description: 'The rule\'s id within the version (1–64 characters). Default: its path.' }) @MaxLength(RULE_ID) id?: string | null;
  @Field({ description: 'Hour code of the allowance (1–32 of A-Z a-z 0-9 . _ -): one per allowance, used by no rule of minutes.' }) @MaxLength(HOUR_CODE) hourCode: string;
  @Field(() => AllowanceKindEnum, { description: 'OVERTIME_ON_DAY, SPLIT_SHIFT or DAY_WORKED.' }) kind: string;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'OVERTIME_ON_DAY only, required there: the overtime of the work day (H:MM, 0:01 to 24:00) that gives the allowance; exactly this much counts.' }) atLeast?: string | null;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'SPLIT_SHIFT only, required there: a gap between two blocks (H:MM, real time, 0:00 to 23:59) must be more than this; exactly this much does not count.' }) gapOver?: string | null;
  @Field(() => [ScheduleDayEnum], { nullable: true, description: 'DAY_WORKED only, required there: the kinds of the work day\'s date that give the allowance (e.g. SUN; HOLIDAY for counted public holidays).' }) @ArrayMaxSize(DAYS) days?: string[] | null;
}

@InputType({ description: 'One version of a schedule: the complete rules from validFrom on.' })
export class CaoUnravelScheduleVersionInput {
  @Field(() => LocalDateScalar, { description: 'The date (YYYY-MM-DD) from which these rules hold; strictly after the previous version\'s.' }) validFrom: string;
  @Field(() => ScheduleHourCodesInput, { description: 'The hour codes of NORMAL and EXTRA lines.' }) @ValidateNested() hourCodes: ScheduleHourCodesInput;
  @Field(() => BreakPlacementInput, { nullable: true, description: 'Where a break given as a duration goes. Default: END.' }) @ValidateNested() breakPlacement?: BreakPlacementInput | null;
  @Field(() => HolidayRulesInput, { nullable: true, description: 'Which public holidays count as HOLIDAY. Default: the defaults of each field.' }) @ValidateNested() holidays?: HolidayRulesInput | null;
  @Field(() => OrtOverlapRuleEnum, { nullable: true, description: 'What happens where ORT windows overlap. Default: REFUSE.' }) ortOverlap?: string | null;
  @Field(() => OvertimeWithOrtRuleEnum, { nullable: true, description: 'Overtime and ORT on the same minute. Default: ADD.' }) overtimeWithOrt?: string | null;
  @Field(() => [OrtWindowInput], { nullable: true, description: 'Irregular-hours allowances. Default: none.' }) @ArrayMaxSize(RULES) @ValidateNested() ortWindows?: OrtWindowInput[] | null;
  @Field(() => [DailyOvertimeInput], { nullable: true, description: 'Overtime after N hours a day or shift. Default: none.' }) @ArrayMaxSize(RULES) @ValidateNested() dailyOvertime?: DailyOvertimeInput[] | null;
  @Field(() => WeeklyOvertimeInput, { nullable: true, description: 'Overtime after N hours a week. Default: none (null).' }) @ValidateNested() weeklyOvertime?: WeeklyOvertimeInput | null;
  @Field(() => [WeekdayOvertimeInput], { nullable: true, description: 'Days on which every hour is overtime. Default: none.' }) @ArrayMaxSize(RULES) @ValidateNested() weekdayOvertime?: WeekdayOvertimeInput[] | null;
  @Field(() => [ShiftSurchargeInput], { nullable: true, description: 'Whole-shift surcharges. Default: none.' }) @ArrayMaxSize(RULES) @ValidateNested() shiftSurcharges?: ShiftSurchargeInput[] | null;
  @Field(() => MinimumBreaksInput, { nullable: true, description: 'Minimum breaks by shift length. Default: none (null).' }) @ValidateNested() minimumBreaks?: MinimumBreaksInput | null;
  @Field(() => MinimumPayPerCallInput, { nullable: true, description: 'Minimum pay per call for on-call workers. Default: none (null).' }) @ValidateNested() minimumPayPerCall?: MinimumPayPerCallInput | null;
  @Field(() => SettlementPeriodInput, { nullable: true, description: 'Overtime settled over periods of several weeks (not together with weeklyOvertime). Default: none (null): every week settles on its own.' })
  @ValidateNested() settlementPeriod?: SettlementPeriodInput | null;
  @Field(() => [AllowanceRuleInput], { nullable: true, description: 'Allowances counted per occurrence (at most 20). Default: none.' }) @ArrayMaxSize(RULES) @ValidateNested() allowances?: AllowanceRuleInput[] | null;
}

@InputType({ description: 'A new CAO unravel schedule: name, source and its versions.' })
export class CreateCaoUnravelScheduleInput {
  @Field({ description: 'Unique in the agency (case-insensitive).' }) @MaxLength(200) name: string;
  @Field(() => String, { nullable: true, description: 'Where the rules come from (CAO, article, period).' }) @MaxLength(2000) source?: string | null;
  @Field(() => [CaoUnravelScheduleVersionInput], { description: 'At least one version, strictly ascending by validFrom.' }) @ArrayMaxSize(RULES) @ValidateNested() versions: CaoUnravelScheduleVersionInput[];
}

@InputType({ description: 'A version to append to an existing schedule.' })
export class AddCaoUnravelScheduleVersionInput {
  @Field(() => ID, { description: 'The id of the CAO unravel schedule.' }) @MaxLength(64) scheduleId: string;
  @Field(() => Int, { description: "The schedule's version you read." }) @IsInt() expectedVersion: number;
  @Field(() => CaoUnravelScheduleVersionInput, { description: 'The new version; its validFrom must be after the latest version\'s.' }) @ValidateNested() version: CaoUnravelScheduleVersionInput;
}
