import { ArrayMaxSize, IsInt, MaxLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
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
 * The engine's schedule format (docs/unravel.md) as inputs. They only bound sizes; the domain
 * checks everything else and lists every problem by the path of the input
 * (`versions[0].ortWindows[1].from`). Fields left out take the engine's defaults. Lists of days
 * may be longer than the eight days, so that the domain names a day listed twice.
 */

const HOUR_CODE = 32;
const RULE_ID = 64;
const DAYS = 16;
const RULES = 50;

@InputType()
export class ScheduleHourCodesInput {
  @Field() @MaxLength(HOUR_CODE) normal: string;
  @Field(() => String, { nullable: true, description: 'Default: normal.' }) @MaxLength(HOUR_CODE) extra?: string | null;
}

@InputType()
export class BreakPlacementInput {
  @Field(() => BreakPlacementModeEnum) mode: string;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'With AFTER_WORKED only.' }) after?: string | null;
}

@InputType()
export class HolidayRulesInput {
  @Field(() => [NationalHolidayEnum], { nullable: true, description: 'Default: all but Good Friday.' })
  @ArrayMaxSize(DAYS * 2)
  nationalDays?: string[] | null;
  @Field(() => LiberationDayRuleEnum, { nullable: true, description: 'Default: EVERY_FIFTH_YEAR.' }) liberationDay?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Default: true.' }) countOnWeekend?: boolean | null;
  @Field(() => [String], { nullable: true, description: 'MM-DD every year, or YYYY-MM-DD once.' })
  @ArrayMaxSize(RULES)
  @MaxLength(10, { each: true })
  extraDays?: string[] | null;
}

@InputType({ description: 'One percentage of a per-day table.' })
export class DayPercentageInput {
  @Field(() => ScheduleDayEnum) day: string;
  @Field(() => Float) percentage: number;
}

@InputType({ description: 'Give either percentage or percentageByDay (then the days are the days of the table).' })
export class OrtWindowInput {
  @Field(() => String, { nullable: true, description: 'Default: its path.' }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => [ScheduleDayEnum], { nullable: true }) @ArrayMaxSize(DAYS) days?: string[] | null;
  @Field(() => LocalTimeScalar, { description: 'HH:MM; 24:00 only as an end.' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM (24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float, { nullable: true }) percentage?: number | null;
  @Field(() => [DayPercentageInput], { nullable: true }) @ArrayMaxSize(DAYS) @ValidateNested() percentageByDay?: DayPercentageInput[] | null;
  @Field() @MaxLength(HOUR_CODE) hourCode: string;
}

@InputType()
export class TierWindowInput {
  @Field(() => [ScheduleDayEnum]) @ArrayMaxSize(DAYS) days: string[];
  @Field(() => LocalTimeScalar, { description: 'HH:MM; 24:00 only as an end.' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM (24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float) percentage: number;
  @Field(() => String, { nullable: true, description: "Default: the tier's." }) @MaxLength(HOUR_CODE) hourCode?: string | null;
}

@InputType()
export class OvertimeTierInput {
  @Field(() => HoursMinutesScalar) after: string;
  @Field(() => Float) percentage: number;
  @Field() @MaxLength(HOUR_CODE) hourCode: string;
  @Field(() => [TierWindowInput], { nullable: true }) @ArrayMaxSize(RULES) @ValidateNested() windows?: TierWindowInput[] | null;
}

@InputType()
export class DailyOvertimeInput {
  @Field(() => String, { nullable: true }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => [ScheduleDayEnum], { nullable: true, description: 'Default: every day.' }) @ArrayMaxSize(DAYS) days?: string[] | null;
  @Field(() => OvertimeBasisEnum, { nullable: true, description: 'Default: DAY.' }) per?: string | null;
  @Field(() => [OvertimeTierInput]) @ArrayMaxSize(RULES) @ValidateNested() tiers: OvertimeTierInput[];
}

@InputType()
export class WeeklyOvertimeInput {
  @Field(() => String, { nullable: true }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => [ScheduleDayEnum], { nullable: true, description: 'Default: every day.' }) @ArrayMaxSize(DAYS) countedDays?: string[] | null;
  @Field(() => [OvertimeTierInput]) @ArrayMaxSize(RULES) @ValidateNested() tiers: OvertimeTierInput[];
}

@InputType()
export class WeekdayOvertimeInput {
  @Field(() => String, { nullable: true }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => [ScheduleDayEnum]) @ArrayMaxSize(DAYS) days: string[];
  @Field(() => Float) percentage: number;
  @Field() @MaxLength(HOUR_CODE) hourCode: string;
}

@InputType()
export class ShiftSurchargeInput {
  @Field(() => String, { nullable: true }) @MaxLength(RULE_ID) id?: string | null;
  @Field(() => [ScheduleDayEnum]) @ArrayMaxSize(DAYS) days: string[];
  @Field(() => LocalTimeScalar, { description: 'HH:MM; 24:00 only as an end.' }) from: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM (24:00 allowed); at or before `from` it runs into the next date.' }) to: string;
  @Field(() => Float) percentage: number;
  @Field() @MaxLength(HOUR_CODE) hourCode: string;
}

@InputType({ description: 'One version of a schedule: the complete rules from validFrom on.' })
export class CaoUnravelScheduleVersionInput {
  @Field(() => LocalDateScalar) validFrom: string;
  @Field(() => ScheduleHourCodesInput) @ValidateNested() hourCodes: ScheduleHourCodesInput;
  @Field(() => BreakPlacementInput, { nullable: true, description: 'Default: END.' }) @ValidateNested() breakPlacement?: BreakPlacementInput | null;
  @Field(() => HolidayRulesInput, { nullable: true }) @ValidateNested() holidays?: HolidayRulesInput | null;
  @Field(() => OrtOverlapRuleEnum, { nullable: true, description: 'Default: REFUSE.' }) ortOverlap?: string | null;
  @Field(() => OvertimeWithOrtRuleEnum, { nullable: true, description: 'Default: ADD.' }) overtimeWithOrt?: string | null;
  @Field(() => [OrtWindowInput], { nullable: true }) @ArrayMaxSize(RULES) @ValidateNested() ortWindows?: OrtWindowInput[] | null;
  @Field(() => [DailyOvertimeInput], { nullable: true }) @ArrayMaxSize(RULES) @ValidateNested() dailyOvertime?: DailyOvertimeInput[] | null;
  @Field(() => WeeklyOvertimeInput, { nullable: true }) @ValidateNested() weeklyOvertime?: WeeklyOvertimeInput | null;
  @Field(() => [WeekdayOvertimeInput], { nullable: true }) @ArrayMaxSize(RULES) @ValidateNested() weekdayOvertime?: WeekdayOvertimeInput[] | null;
  @Field(() => [ShiftSurchargeInput], { nullable: true }) @ArrayMaxSize(RULES) @ValidateNested() shiftSurcharges?: ShiftSurchargeInput[] | null;
}

@InputType()
export class CreateCaoUnravelScheduleInput {
  @Field({ description: 'Unique in the agency (case-insensitive).' }) @MaxLength(200) name: string;
  @Field(() => String, { nullable: true, description: 'Where the rules come from (CAO, article, period).' }) @MaxLength(2000) source?: string | null;
  @Field(() => [CaoUnravelScheduleVersionInput]) @ArrayMaxSize(RULES) @ValidateNested() versions: CaoUnravelScheduleVersionInput[];
}

@InputType()
export class AddCaoUnravelScheduleVersionInput {
  @Field(() => ID) @MaxLength(64) scheduleId: string;
  @Field(() => Int, { description: "The schedule's version you read." }) @IsInt() expectedVersion: number;
  @Field(() => CaoUnravelScheduleVersionInput) @ValidateNested() version: CaoUnravelScheduleVersionInput;
}
