import { ArrayMaxSize, IsInt, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DeclarationStatusEnum, TimesheetStatusEnum } from './timesheet.types';

/*
 * As everywhere: inputs only bound sizes; the domain reads the hours and reports every problem
 * by path relative to the input (`days[2].blocks[0].end`). Times are HH:MM, durations H:MM.
 */

@InputType()
export class TimeBlockInput {
  @Field({ description: 'HH:MM' }) @MaxLength(8) start: string;
  @Field({ description: 'HH:MM; at or before start: the next day (a night shift).' }) @MaxLength(8) end: string;
}

@InputType()
export class HourCodeHoursInput {
  @Field() @MaxLength(32) hourCode: string;
  @Field({ description: 'H:MM' }) @MaxLength(8) hours: string;
}

@InputType({ description: 'One day: exactly one of total, blocks (with breakDuration or breaks) or hours.' })
export class WorkDayInput {
  @Field({ description: 'YYYY-MM-DD' }) @MaxLength(10) date: string;
  @Field(() => String, { nullable: true, description: 'H:MM, where the placement takes day totals.' }) @MaxLength(8) total?: string | null;
  @Field(() => [TimeBlockInput], { nullable: true, description: 'Start and end times; split shifts are several blocks.' })
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  blocks?: TimeBlockInput[] | null;
  @Field(() => String, { nullable: true, description: 'H:MM: a break as a duration, placed by the schedule.' }) @MaxLength(8) breakDuration?: string | null;
  @Field(() => [TimeBlockInput], { nullable: true, description: 'Breaks as times, each inside a block.' })
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  breaks?: TimeBlockInput[] | null;
  @Field(() => [HourCodeHoursInput], { nullable: true, description: "Hours per hour code, where the placement has no CAO schedule." })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  hours?: HourCodeHoursInput[] | null;
}

@InputType()
export class SaveTimesheetInput {
  @Field(() => ID) @MaxLength(64) timesheetId: string;
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

@InputType()
export class ApproveDeclarationsInput {
  @Field(() => [ID]) @ArrayMaxSize(100) @MaxLength(64, { each: true }) declarationIds: string[];
}

@InputType()
export class RejectDeclarationInput {
  @Field(() => ID) @MaxLength(64) declarationId: string;
  @Field({ description: 'Required: shown to whoever enters the hours.' }) @MaxLength(4000) reason: string;
}

@InputType()
export class CorrectDeclarationInput {
  @Field(() => ID, { description: "The week's current declaration." }) @MaxLength(64) declarationId: string;
  @Field(() => Int, { description: "The timesheet's version read (Timesheet.version / Declaration.timesheet.version): a newer one is a CONFLICT and nothing changes." })
  @IsInt()
  expectedVersion: number;
  @Field(() => [WorkDayInput]) @ArrayMaxSize(14) @ValidateNested({ each: true }) days: WorkDayInput[];
  @Field() @MaxLength(4000) reason: string;
}

@InputType()
export class TimesheetFilterInput {
  @Field(() => String, { nullable: true, description: 'ISO week, e.g. 2026-W48.' }) @MaxLength(16) week?: string | null;
  @Field(() => [TimesheetStatusEnum], { nullable: true }) @ArrayMaxSize(8) statuses?: string[] | null;
  @Field(() => ID, { nullable: true }) @MaxLength(64) relationId?: string | null;
  @Field(() => ID, { nullable: true }) @MaxLength(64) flexworkerId?: string | null;
}

@InputType()
export class DeclarationFilterInput {
  @Field(() => String, { nullable: true }) @MaxLength(16) week?: string | null;
  @Field(() => [DeclarationStatusEnum], { nullable: true }) @ArrayMaxSize(8) statuses?: string[] | null;
  @Field(() => ID, { nullable: true }) @MaxLength(64) relationId?: string | null;
  @Field(() => ID, { nullable: true }) @MaxLength(64) flexworkerId?: string | null;
}
