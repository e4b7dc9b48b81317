import { ArrayMaxSize, IsInt, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { HoursMinutesScalar, IsoWeekScalar, LocalDateScalar, LocalTimeScalar } from '../shared/scalars';
import { DeclarationStatusEnum, TimesheetStatusEnum } from './timesheet.types';

/*
 * As everywhere: inputs only bound sizes; the domain reads the hours and reports every problem
 * by path relative to the input (`days[2].blocks[0].end`). Dates, times, durations and weeks are
 * the scalars of the outputs (LocalDate, LocalTime, HoursMinutes, IsoWeek): they check the format,
 * the domain the rest.
 */

@InputType({ description: 'A span of local wall-clock time: a block of work or a break.' })
export class TimeBlockInput {
  @Field(() => LocalTimeScalar, { description: 'HH:MM; 24:00 only as an end.' }) start: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM (24:00 allowed); at or before start: the next day (a night shift).' }) end: string;
}

@InputType({ description: 'Hours for one hour code of the placement (where it has no CAO schedule).' })
export class HourCodeHoursInput {
  @Field({ description: "One of the placement's hour codes (Placement.hourCodes.code), e.g. H100." }) @MaxLength(32) hourCode: string;
  @Field(() => HoursMinutesScalar, { description: 'H:MM' }) hours: string;
}

@InputType({ description: 'One day: exactly one of total, blocks (with breakDuration or breaks) or hours.' })
export class WorkDayInput {
  @Field(() => LocalDateScalar, { description: 'A date of the week.' }) date: string;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'H:MM, where the placement takes day totals.' }) total?: string | null;
  @Field(() => [TimeBlockInput], { nullable: true, description: 'Start and end times; split shifts are several blocks.' })
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  blocks?: TimeBlockInput[] | null;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'H:MM: a break as a duration, placed by the schedule.' }) breakDuration?: string | null;
  @Field(() => [TimeBlockInput], { nullable: true, description: 'Breaks as times, each inside a block.' })
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  breaks?: TimeBlockInput[] | null;
  @Field(() => [HourCodeHoursInput], { nullable: true, description: "Hours per hour code, where the placement has no CAO schedule." })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  hours?: HourCodeHoursInput[] | null;
}

@InputType({ description: 'The input of saveTimesheet: the whole week as a draft.' })
export class SaveTimesheetInput {
  @Field(() => ID, { description: 'The week (Timesheet.id).' }) @MaxLength(64) timesheetId: string;
  @Field(() => Int, { description: 'The version read: a newer one in the store is a CONFLICT and nothing changes.' }) @IsInt() expectedVersion: number;
  @Field(() => [WorkDayInput], { description: 'The whole week as entered; days left out were not worked.' })
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  days: WorkDayInput[];
}

@InputType({ description: 'The input of saveAndApproveTimesheet: the week as saveTimesheet takes it, and the confirmation.' })
export class SaveAndApproveTimesheetInput {
  @Field(() => ID, { description: 'The week (Timesheet.id).' }) @MaxLength(64) timesheetId: string;
  @Field(() => Int, { description: 'The version read: a newer one in the store is a CONFLICT and nothing changes.' }) @IsInt() expectedVersion: number;
  @Field(() => [WorkDayInput], { nullable: true, description: 'The week as entered; left out, the saved draft is approved.' })
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  days?: WorkDayInput[] | null;
  @Field({ description: 'The confirmation pop-up: must be true.' }) confirm: boolean;
}

@InputType({ description: 'The input of approveDeclarations: the declarations a relation contact approves, all or none.' })
export class ApproveDeclarationsInput {
  @Field(() => [ID], { description: 'Ids of declarations AWAITING_RELATION of the relation (Declaration.id), at most 100.' }) @ArrayMaxSize(100) @MaxLength(64, { each: true }) declarationIds: string[];
}

@InputType({ description: 'The input of rejectDeclaration: the declaration and the reason.' })
export class RejectDeclarationInput {
  @Field(() => ID, { description: 'The declaration AWAITING_RELATION to reject (Declaration.id).' }) @MaxLength(64) declarationId: string;
  @Field({ description: 'Required: shown to whoever enters the hours.' }) @MaxLength(4000) reason: string;
}

@InputType({ description: 'The input of correctDeclaration (agency staff): the corrected week and why.' })
export class CorrectDeclarationInput {
  @Field(() => ID, { description: "The week's current declaration." }) @MaxLength(64) declarationId: string;
  @Field(() => Int, { description: "The timesheet's version read (Timesheet.version / Declaration.timesheet.version): a newer one is a CONFLICT and nothing changes." })
  @IsInt()
  expectedVersion: number;
  @Field(() => [WorkDayInput], { description: 'The whole corrected week as entered; days left out were not worked.' }) @ArrayMaxSize(14) @ValidateNested({ each: true }) days: WorkDayInput[];
  @Field({ description: 'Required: why the hours are corrected; kept in the declaration and the audit trail.' }) @MaxLength(4000) reason: string;
}

@InputType({ description: 'Narrows a list of weeks; every field left out matches all.' })
export class TimesheetFilterInput {
  @Field(() => IsoWeekScalar, { nullable: true, description: 'Only this ISO week, e.g. 2026-W48.' }) week?: string | null;
  @Field(() => [TimesheetStatusEnum], { nullable: true, description: 'Only weeks with one of these statuses.' }) @ArrayMaxSize(8) statuses?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Only this relation (Relation.id).' }) @MaxLength(64) relationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this flexworker (Flexworker.id).' }) @MaxLength(64) flexworkerId?: string | null;
}

@InputType({ description: 'Narrows a list of declarations; every field left out matches all.' })
export class DeclarationFilterInput {
  @Field(() => IsoWeekScalar, { nullable: true, description: 'Only this ISO week, e.g. 2026-W48.' }) week?: string | null;
  @Field(() => [DeclarationStatusEnum], { nullable: true, description: 'Only declarations with one of these statuses.' }) @ArrayMaxSize(8) statuses?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Only this relation (Relation.id).' }) @MaxLength(64) relationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this flexworker (Flexworker.id).' }) @MaxLength(64) flexworkerId?: string | null;
}
