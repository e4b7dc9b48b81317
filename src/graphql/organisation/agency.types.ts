import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Agency } from '../../domain/agency/agency.entity';
import { PayDayOnHolidayEnum, PortalTabEnum, WeekdayEnum } from '../shared/enums';
import { LocalTimeScalar } from '../shared/scalars';

@ObjectType('ApprovalDeadline', { description: 'Weekday and local time in the week after the ISO week.' })
export class ApprovalDeadlineType {
  @Field(() => WeekdayEnum, { description: 'The weekday of the deadline, in the week after the ISO week (default MON).' }) weekday: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM in the agency time zone.' }) time: string;
}

@ObjectType('ReminderMoment', { description: 'A moment in every week when reminders to enter hours go out: a weekday and a wall-clock time in the agency time zone.' })
export class ReminderMomentType {
  @Field(() => WeekdayEnum, { description: 'The weekday.' }) weekday: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM in the agency time zone (the same wall-clock time in summer and winter).' }) time: string;
}

@ObjectType('AgencySettings', {
  description: "How the agency works: its time zone, the tabs its workers see, the approval deadline and pay day. Every viewer of the agency reads them; staff change them.",
})
export class AgencySettingsType {
  @Field({ description: 'IANA time zone of the agency, e.g. Europe/Amsterdam.' }) timeZone: string;
  @Field(() => [PortalTabEnum], { description: 'The portal tabs its flexworkers see, in display order (Viewer.enabledTabs).' })
  enabledTabs: string[];
  @Field(() => ApprovalDeadlineType, { description: 'When hours must be approved to be paid on the next pay day (default Monday 12:00 after the week).' })
  approvalDeadline: ApprovalDeadlineType;
  @Field(() => WeekdayEnum, { description: 'The weekday hours approved before the deadline are paid on (default WED).' }) payWeekday: string;
  @Field(() => PayDayOnHolidayEnum, { description: 'Where pay day moves when it falls on a public holiday.' }) payDayOnHoliday: string;
  @Field(() => Int, { description: 'Days a relation-approved declaration stays on the worker status tab.' })
  declarationVisibilityDays: number;
  @Field({ description: "Whether the payroll system (PAYROLL API keys) reads workers' full BSN (Flexworker.bsnForPayroll); false by default." })
  payrollReadsBsn: boolean;
  @Field(() => [ReminderMomentType], {
    description:
      'When reminders to enter hours go out, in week order (default Friday 16:00 and Monday 09:00); empty: no reminders. See docs/api.md, "Reminders to enter hours".',
  })
  reminderMoments: ReminderMomentType[];
  @Field(() => String, { nullable: true, description: "The e-mail address the agency's workers write to (the \"your information\" tab); null when none is given." })
  contactEmail: string | null;
  @Field(() => String, { nullable: true, description: "The telephone number the agency's workers call; null when none is given." })
  contactPhone: string | null;
}

@ObjectType('Agency', { description: 'The staffing agency (the tenant) and how it works.' })
export class AgencyType {
  @Field(() => ID, { description: 'The agency id: the tenant every other object belongs to.' }) id: string;
  @Field({ description: 'The name the agency shows its workers and relations, e.g. "U-Boss uitzendbureau".' }) name: string;
  @Field(() => AgencySettingsType, { description: 'How the agency works (tabs, deadline, pay day).' }) settings: AgencySettingsType;
  @Field(() => Int, { description: 'Send it back as expectedVersion when changing the agency.' }) version: number;

  static from(agency: Agency): AgencyType {
    const s = agency.settings;
    const settings = Object.assign(new AgencySettingsType(), {
      timeZone: s.timeZone,
      enabledTabs: [...s.enabledTabs],
      approvalDeadline: Object.assign(new ApprovalDeadlineType(), {
        weekday: s.approvalDeadline.weekday.code,
        time: s.approvalDeadline.time.toString(),
      }),
      payWeekday: s.payWeekday.code,
      payDayOnHoliday: s.payDayOnHoliday,
      declarationVisibilityDays: s.declarationVisibilityDays,
      payrollReadsBsn: s.payrollReadsBsn,
      reminderMoments: s.reminderMoments.map((m) => Object.assign(new ReminderMomentType(), { weekday: m.weekday.code, time: m.time.toString() })),
      contactEmail: s.contactEmail,
      contactPhone: s.contactPhone,
    });
    return Object.assign(new AgencyType(), { id: agency.id, name: agency.name, settings, version: agency.version });
  }
}
