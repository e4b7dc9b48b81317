import { ArrayMaxSize, IsInt, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LanguageEnum, PayDayOnHolidayEnum, PortalTabEnum, WeekdayEnum } from '../shared/enums';
import { LocalDateScalar } from '../shared/local-date.scalar';
import { HoursMinutesScalar, LocalTimeScalar } from '../shared/scalars';
import { EntryModeEnum, HoursEnteredByEnum } from './placement.types';

/*
 * Inputs only bound sizes (so a megabyte string is refused before anything else runs); the
 * domain validates meaning and reports every problem by path. In updates, a field left out
 * stays as it is and `null` clears an optional one. `expectedVersion` is the version the client
 * read: a newer one in the store is a CONFLICT. Ids are only bounded: an id that names nothing
 * (also one that is not a UUID) is NOT_FOUND, as in queries.
 */

@InputType()
export class ApprovalDeadlineInput {
  @Field(() => WeekdayEnum) weekday: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM in the agency time zone (00:00–23:59).' }) time: string;
}

@InputType()
export class UpdateAgencySettingsInput {
  @Field({ nullable: true }) @MaxLength(200) name?: string;
  @Field({ nullable: true }) @MaxLength(64) timeZone?: string;
  @Field(() => [PortalTabEnum], { nullable: true }) @ArrayMaxSize(10) enabledTabs?: string[];
  @Field(() => ApprovalDeadlineInput, { nullable: true }) @ValidateNested() approvalDeadline?: ApprovalDeadlineInput;
  @Field(() => WeekdayEnum, { nullable: true }) payWeekday?: string;
  @Field(() => PayDayOnHolidayEnum, { nullable: true }) payDayOnHoliday?: string;
  @Field(() => Int, { nullable: true }) @IsInt() declarationVisibilityDays?: number;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
}

@InputType()
export class CreateRelationInput {
  @Field() @MaxLength(200) name: string;
  @Field(() => String, { nullable: true }) @MaxLength(32) chamberOfCommerceNumber?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(254) contactEmail?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(32) contactPhone?: string | null;
}

@InputType()
export class UpdateRelationInput {
  @Field(() => ID) @MaxLength(64) id: string;
  @Field({ nullable: true }) @MaxLength(200) name?: string;
  @Field(() => String, { nullable: true }) @MaxLength(32) chamberOfCommerceNumber?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(254) contactEmail?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(32) contactPhone?: string | null;
  @Field({ nullable: true }) active?: boolean;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
}

@InputType()
export class AddressInput {
  @Field() @MaxLength(100) street: string;
  @Field() @MaxLength(16) houseNumber: string;
  @Field() @MaxLength(16) postalCode: string;
  @Field() @MaxLength(80) city: string;
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2; NL when left out.' }) @MaxLength(2) country?: string;
}

@InputType()
export class CreateFlexworkerInput {
  @Field() @MaxLength(100) firstName: string;
  @Field() @MaxLength(100) lastName: string;
  @Field() @MaxLength(254) email: string;
  @Field(() => String, { nullable: true }) @MaxLength(32) phone?: string | null;
  @Field(() => LanguageEnum, { nullable: true }) language?: string;
  @Field(() => LocalDateScalar, { nullable: true }) dateOfBirth?: string | null;
  @Field(() => AddressInput, { nullable: true }) @ValidateNested() address?: AddressInput | null;
  @Field(() => String, { nullable: true, description: 'Nine digits; must pass the eleven-test.' }) @MaxLength(16) bsn?: string | null;
  @Field(() => String, { nullable: true, description: 'Must pass the mod-97 check.' }) @MaxLength(42) iban?: string | null;
}

@InputType()
export class UpdateFlexworkerInput {
  @Field(() => ID) @MaxLength(64) id: string;
  @Field({ nullable: true }) @MaxLength(100) firstName?: string;
  @Field({ nullable: true }) @MaxLength(100) lastName?: string;
  @Field({ nullable: true }) @MaxLength(254) email?: string;
  @Field(() => String, { nullable: true }) @MaxLength(32) phone?: string | null;
  @Field(() => LanguageEnum, { nullable: true }) language?: string;
  @Field(() => LocalDateScalar, { nullable: true }) dateOfBirth?: string | null;
  @Field(() => AddressInput, { nullable: true }) @ValidateNested() address?: AddressInput | null;
  @Field(() => String, { nullable: true }) @MaxLength(16) bsn?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(42) iban?: string | null;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
}

@InputType()
export class HourCodeInput {
  @Field() @MaxLength(16) code: string;
  @Field(() => Int) percentage: number;
  @Field(() => String, { nullable: true }) @MaxLength(100) label?: string | null;
}

@InputType({ description: 'Give either caoScheduleId or hourCodes, not both.' })
export class CreatePlacementInput {
  @Field(() => ID) @MaxLength(64) flexworkerId: string;
  @Field(() => ID) @MaxLength(64) relationId: string;
  @Field(() => LocalDateScalar) startDate: string;
  @Field(() => LocalDateScalar, { nullable: true }) endDate?: string | null;
  @Field() @MaxLength(100) functionName: string;
  @Field(() => String, { nullable: true }) @MaxLength(50) costCentre?: string | null;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'Per week, 0:00–60:00.' }) contractHoursPerWeek?: string;
  @Field(() => [EntryModeEnum], { nullable: true }) @ArrayMaxSize(2) allowedEntryModes?: string[];
  @Field(() => HoursEnteredByEnum, { nullable: true }) hoursEnteredBy?: string;
  @Field({ nullable: true }) sendInvitations?: boolean;
  @Field({ nullable: true }) sendReminders?: boolean;
  @Field(() => ID, { nullable: true }) @MaxLength(64) caoScheduleId?: string | null;
  @Field(() => [HourCodeInput], { nullable: true }) @ArrayMaxSize(20) @ValidateNested() hourCodes?: HourCodeInput[] | null;
}

@InputType()
export class UpdatePlacementInput {
  @Field(() => ID) @MaxLength(64) id: string;
  @Field(() => LocalDateScalar, { nullable: true }) startDate?: string;
  @Field(() => LocalDateScalar, { nullable: true }) endDate?: string | null;
  @Field({ nullable: true }) @MaxLength(100) functionName?: string;
  @Field(() => String, { nullable: true }) @MaxLength(50) costCentre?: string | null;
  @Field(() => HoursMinutesScalar, { nullable: true }) contractHoursPerWeek?: string;
  @Field(() => [EntryModeEnum], { nullable: true }) @ArrayMaxSize(2) allowedEntryModes?: string[];
  @Field(() => HoursEnteredByEnum, { nullable: true }) hoursEnteredBy?: string;
  @Field({ nullable: true }) sendInvitations?: boolean;
  @Field({ nullable: true }) sendReminders?: boolean;
  @Field(() => ID, { nullable: true }) @MaxLength(64) caoScheduleId?: string | null;
  @Field(() => [HourCodeInput], { nullable: true }) @ArrayMaxSize(20) @ValidateNested() hourCodes?: HourCodeInput[] | null;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
}

@InputType()
export class EndPlacementInput {
  @Field(() => ID) @MaxLength(64) id: string;
  @Field(() => LocalDateScalar, { description: 'The last day of the placement.' }) endDate: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
}

@InputType()
export class PlacementFilterInput {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Only placements running on this day.' }) activeOn?: string;
  @Field(() => ID, { nullable: true }) @MaxLength(64) relationId?: string;
  @Field(() => ID, { nullable: true }) @MaxLength(64) flexworkerId?: string;
}

@InputType()
export class RelationFilterInput {
  @Field({ nullable: true, description: 'Part of the name.' }) @MaxLength(100) search?: string;
  @Field({ nullable: true }) active?: boolean;
}

@InputType()
export class FlexworkerFilterInput {
  @Field({ nullable: true, description: 'Part of the name or e-mail.' }) @MaxLength(100) search?: string;
}
