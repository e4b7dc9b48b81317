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

@InputType({ description: 'The approval deadline: a weekday and a local time in the week after the ISO week.' })
export class ApprovalDeadlineInput {
  @Field(() => WeekdayEnum, { description: 'The weekday of the deadline, in the week after the ISO week.' }) weekday: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM in the agency time zone (00:00–23:59).' }) time: string;
}

@InputType({ description: 'A moment in every week when reminders to enter hours go out.' })
export class ReminderMomentInput {
  @Field(() => WeekdayEnum, { description: 'The weekday.' }) weekday: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM in the agency time zone (00:00–23:59).' }) time: string;
}

@InputType({ description: "The agency's name and settings to change; a field left out stays as it is." })
export class UpdateAgencySettingsInput {
  @Field({ nullable: true, description: 'The new agency name (at most 200 characters).' }) @MaxLength(200) name?: string;
  @Field({ nullable: true, description: 'An IANA time zone, e.g. Europe/Amsterdam: deadlines and business dates follow it.' }) @MaxLength(64) timeZone?: string;
  @Field(() => [PortalTabEnum], { nullable: true, description: 'The tabs the workers see, in display order (replaces the list).' })
  @ArrayMaxSize(10)
  enabledTabs?: string[];
  @Field(() => ApprovalDeadlineInput, { nullable: true, description: 'When hours must be approved to make the next pay day.' })
  @ValidateNested()
  approvalDeadline?: ApprovalDeadlineInput;
  @Field(() => WeekdayEnum, { nullable: true, description: 'The weekday approved hours are paid on.' }) payWeekday?: string;
  @Field(() => PayDayOnHolidayEnum, { nullable: true, description: 'Where pay day moves when it is a public holiday.' }) payDayOnHoliday?: string;
  @Field(() => Int, { nullable: true, description: 'Days (1–366) a relation-approved week stays on the worker\'s declaration-status tab.' })
  @IsInt()
  declarationVisibilityDays?: number;
  @Field({ nullable: true, description: "True: the payroll system (PAYROLL API keys) reads workers' full BSN in Flexworker.bsnForPayroll; false: nobody does." })
  payrollReadsBsn?: boolean;
  @Field(() => [ReminderMomentInput], {
    nullable: true,
    description: 'When reminders to enter hours go out (replaces the list; at most 14, each moment once); an empty list sends no reminders.',
  })
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  reminderMoments?: ReminderMomentInput[];
  @Field(() => String, { nullable: true, description: 'The e-mail address workers write to; null or blank clears it.' }) @MaxLength(254) contactEmail?: string | null;
  @Field(() => String, { nullable: true, description: 'The telephone number workers call; null or blank clears it.' }) @MaxLength(32) contactPhone?: string | null;
  @Field(() => Int, { nullable: true, description: 'The version you read (Agency.version); a newer one is a CONFLICT and nothing changes. Left out: no check.' }) expectedVersion?: number;
}

@InputType({ description: 'A new client company of the agency; it starts active.' })
export class CreateRelationInput {
  @Field({ description: 'The company name.' }) @MaxLength(200) name: string;
  @Field(() => String, { nullable: true, description: 'The KvK number: 8 digits.' }) @MaxLength(32) chamberOfCommerceNumber?: string | null;
  @Field(() => String, { nullable: true, description: "The company's general e-mail address." }) @MaxLength(254) contactEmail?: string | null;
  @Field(() => String, { nullable: true, description: 'A telephone number: digits, spaces, dashes, parentheses, an optional leading +.' })
  @MaxLength(32)
  contactPhone?: string | null;
}

@InputType({ description: 'Changes to a relation: a field left out stays as it is, null clears an optional one.' })
export class UpdateRelationInput {
  @Field(() => ID, { description: 'The relation to change (Relation.id).' }) @MaxLength(64) id: string;
  @Field({ nullable: true, description: 'The new company name.' }) @MaxLength(200) name?: string;
  @Field(() => String, { nullable: true, description: 'The KvK number (8 digits); null clears it.' }) @MaxLength(32) chamberOfCommerceNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'The general e-mail address; null clears it.' }) @MaxLength(254) contactEmail?: string | null;
  @Field(() => String, { nullable: true, description: 'The telephone number; null clears it.' }) @MaxLength(32) contactPhone?: string | null;
  @Field({ nullable: true, description: 'False: nobody new can be placed there (its history stays); true: active again.' }) active?: boolean;
  @Field(() => Int, { nullable: true, description: 'The version you read (Relation.version); a newer one is a CONFLICT. Left out: no check.' })
  expectedVersion?: number;
}

@InputType({ description: 'A home address; it replaces the whole address.' })
export class AddressInput {
  @Field({ description: 'The street name, without the number.' }) @MaxLength(100) street: string;
  @Field({ description: 'The house number with any addition, e.g. "12a".' }) @MaxLength(16) houseNumber: string;
  @Field({ description: 'The postal code, e.g. "1011 AB".' }) @MaxLength(16) postalCode: string;
  @Field({ description: 'The town or city.' }) @MaxLength(80) city: string;
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2; NL when left out.' }) @MaxLength(2) country?: string;
}

@InputType({ description: 'A new temp worker of the agency. Give them a login with createUser (role FLEXWORKER).' })
export class CreateFlexworkerInput {
  @Field({ description: 'The first name.' }) @MaxLength(100) firstName: string;
  @Field({ description: 'The last name, with any prefix ("de Vries").' }) @MaxLength(100) lastName: string;
  @Field({ description: "The worker's e-mail address." }) @MaxLength(254) email: string;
  @Field(() => String, { nullable: true, description: 'A telephone number: digits, spaces, dashes, parentheses, an optional leading +.' })
  @MaxLength(32)
  phone?: string | null;
  @Field(() => LanguageEnum, { nullable: true, description: "The worker's portal language; Dutch when left out." }) language?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The date of birth (YYYY-MM-DD).' }) dateOfBirth?: string | null;
  @Field(() => AddressInput, { nullable: true, description: 'The home address.' }) @ValidateNested() address?: AddressInput | null;
  @Field(() => String, { nullable: true, description: 'Nine digits; must pass the eleven-test.' }) @MaxLength(16) bsn?: string | null;
  @Field(() => String, { nullable: true, description: 'Must pass the mod-97 check.' }) @MaxLength(42) iban?: string | null;
  @Field(() => String, { nullable: true, description: 'The personnel number in the payroll system: 1–32 letters, digits or . _ / -, unique in the agency.' })
  @MaxLength(32)
  payrollNumber?: string | null;
}

@InputType({ description: "Changes to a worker's record: a field left out stays as it is, null clears an optional one." })
export class UpdateFlexworkerInput {
  @Field(() => ID, { description: 'The worker to change (Flexworker.id).' }) @MaxLength(64) id: string;
  @Field({ nullable: true, description: 'The new first name.' }) @MaxLength(100) firstName?: string;
  @Field({ nullable: true, description: 'The new last name.' }) @MaxLength(100) lastName?: string;
  @Field({ nullable: true, description: 'The new e-mail address.' }) @MaxLength(254) email?: string;
  @Field(() => String, { nullable: true, description: 'The telephone number; null clears it.' }) @MaxLength(32) phone?: string | null;
  @Field(() => LanguageEnum, { nullable: true, description: "The worker's portal language." }) language?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The date of birth (YYYY-MM-DD); null clears it.' }) dateOfBirth?: string | null;
  @Field(() => AddressInput, { nullable: true, description: 'The whole new address; null clears it.' }) @ValidateNested() address?: AddressInput | null;
  @Field(() => String, { nullable: true, description: 'The BSN: nine digits that pass the eleven-test; stored encrypted, shown masked; null clears it.' })
  @MaxLength(16)
  bsn?: string | null;
  @Field(() => String, { nullable: true, description: 'The IBAN, checked with mod-97; stored encrypted, shown masked; null clears it.' })
  @MaxLength(42)
  iban?: string | null;
  @Field(() => String, { nullable: true, description: 'The personnel number in the payroll system (1–32 letters, digits or . _ / -, unique in the agency); null clears it.' })
  @MaxLength(32)
  payrollNumber?: string | null;
  @Field(() => Int, { nullable: true, description: 'The version you read (Flexworker.version); a newer one is a CONFLICT. Left out: no check.' })
  expectedVersion?: number;
}

@InputType({ description: 'An hour code the worker fills by hand (a placement without a CAO schedule).' })
export class HourCodeInput {
  @Field({ description: 'A capital letter and up to 15 letters, digits, _ or -, e.g. H125; unique in the placement.' }) @MaxLength(16) code: string;
  @Field(() => Int, { description: 'The rate in percent of the normal wage: a whole number from 0 to 500.' }) percentage: number;
  @Field(() => String, { nullable: true, description: 'The name the worker sees, e.g. "Overwerk 125 %".' }) @MaxLength(100) label?: string | null;
}

@InputType({ description: 'Give either caoScheduleId or hourCodes, not both.' })
export class CreatePlacementInput {
  @Field(() => ID, { description: 'The worker to place (Flexworker.id).' }) @MaxLength(64) flexworkerId: string;
  @Field(() => ID, { description: 'The active relation where they will work (Relation.id).' }) @MaxLength(64) relationId: string;
  @Field(() => LocalDateScalar, { description: 'The first day of the placement (YYYY-MM-DD).' }) startDate: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The last day; left out or null: it runs on until endPlacement.' }) endDate?: string | null;
  @Field({ description: 'The job the worker does there, e.g. "Cleaner".' }) @MaxLength(100) functionName: string;
  @Field(() => String, { nullable: true, description: "The relation's cost centre for these hours (1–64 characters)." }) @MaxLength(64) costCentre?: string | null;
  @Field(() => String, { nullable: true, description: "The relation's purchase-order (order) number to quote on invoices (1–64 characters)." })
  @MaxLength(64)
  purchaseOrderReference?: string | null;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'Per week, 0:00–60:00.' }) contractHoursPerWeek?: string;
  @Field(() => [EntryModeEnum], { nullable: true, description: 'How days may be entered (with a CAO schedule); both DAY_TOTAL and TIMES when left out.' })
  @ArrayMaxSize(2)
  allowedEntryModes?: string[];
  @Field(() => HoursEnteredByEnum, { nullable: true, description: 'Who enters the hours; FLEXWORKER when left out.' }) hoursEnteredBy?: string;
  @Field({ nullable: true, description: 'Invite the worker to enter each week; true when left out, and refused (true) where the relation enters the hours.' })
  sendInvitations?: boolean;
  @Field({ nullable: true, description: 'Remind the worker of weeks not approved; true when left out, and refused (true) where the relation enters the hours.' })
  sendReminders?: boolean;
  @Field(() => ID, { nullable: true, description: "A CAO unravel schedule of the agency that unravels the hours (CaoUnravelSchedule.id)." })
  @MaxLength(64)
  caoScheduleId?: string | null;
  @Field(() => [HourCodeInput], { nullable: true, description: 'Up to 20 hour codes the worker fills by hand, when there is no CAO schedule.' })
  @ArrayMaxSize(20)
  @ValidateNested()
  hourCodes?: HourCodeInput[] | null;
}

@InputType({ description: 'Changes to a placement: a field left out stays as it is, null clears endDate, costCentre or purchaseOrderReference.' })
export class UpdatePlacementInput {
  @Field(() => ID, { description: 'The placement to change (Placement.id).' }) @MaxLength(64) id: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The new first day.' }) startDate?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The new last day; null: no end date.' }) endDate?: string | null;
  @Field({ nullable: true, description: 'The new job name.' }) @MaxLength(100) functionName?: string;
  @Field(() => String, { nullable: true, description: 'The cost centre (1–64 characters); null clears it.' }) @MaxLength(64) costCentre?: string | null;
  @Field(() => String, { nullable: true, description: "The relation's purchase-order reference (1–64 characters); null clears it." })
  @MaxLength(64)
  purchaseOrderReference?: string | null;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'Contract hours per week, 0:00–60:00.' }) contractHoursPerWeek?: string;
  @Field(() => [EntryModeEnum], { nullable: true, description: 'How days may be entered (replaces the list).' }) @ArrayMaxSize(2) allowedEntryModes?: string[];
  @Field(() => HoursEnteredByEnum, { nullable: true, description: 'Who enters the hours from now on; RELATION turns invitations and reminders off.' })
  hoursEnteredBy?: string;
  @Field({ nullable: true, description: 'Invite the worker to enter each week (not where the relation enters the hours).' }) sendInvitations?: boolean;
  @Field({ nullable: true, description: 'Remind the worker of weeks not approved (not where the relation enters the hours).' }) sendReminders?: boolean;
  @Field(() => ID, { nullable: true, description: 'Switch to this CAO unravel schedule; the hand-filled hour codes go. Give this or hourCodes, not both.' }) @MaxLength(64) caoScheduleId?: string | null;
  @Field(() => [HourCodeInput], { nullable: true, description: 'Switch to these hand-filled hour codes (replacing the list or the CAO schedule). Give this or caoScheduleId, not both.' })
  @ArrayMaxSize(20)
  @ValidateNested()
  hourCodes?: HourCodeInput[] | null;
  @Field(() => Int, { nullable: true, description: 'The version you read (Placement.version); a newer one is a CONFLICT. Left out: no check.' })
  expectedVersion?: number;
}

@InputType({ description: 'Ends a placement: no weeks after its last day.' })
export class EndPlacementInput {
  @Field(() => ID, { description: 'The placement to end (Placement.id).' }) @MaxLength(64) id: string;
  @Field(() => LocalDateScalar, { description: 'The last day of the placement.' }) endDate: string;
  @Field(() => Int, { nullable: true, description: 'The version you read (Placement.version); a newer one is a CONFLICT. Left out: no check.' })
  expectedVersion?: number;
}

@InputType({ description: 'Which placements to list; every filter given must hold.' })
export class PlacementFilterInput {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Only placements running on this day.' }) activeOn?: string;
  @Field(() => ID, { nullable: true, description: 'Only placements at this relation.' }) @MaxLength(64) relationId?: string;
  @Field(() => ID, { nullable: true, description: 'Only placements of this worker.' }) @MaxLength(64) flexworkerId?: string;
}

@InputType({ description: 'Which relations to list; every filter given must hold.' })
export class RelationFilterInput {
  @Field({ nullable: true, description: 'Part of the name.' }) @MaxLength(100) search?: string;
  @Field({ nullable: true, description: 'Only active (true) or only inactive (false) relations; both when left out.' }) active?: boolean;
}

@InputType({ description: 'Which flexworkers to list; every filter given must hold.' })
export class FlexworkerFilterInput {
  @Field({ nullable: true, description: 'Part of the name or e-mail.' }) @MaxLength(100) search?: string;
  @Field({ nullable: true, description: 'Exactly this payroll number (Flexworker.payrollNumber, case-sensitive).' }) @MaxLength(32) payrollNumber?: string;
}
