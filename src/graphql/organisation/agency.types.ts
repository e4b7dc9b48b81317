import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Agency } from '../../domain/agency/agency.entity';
import { PayDayOnHolidayEnum, PortalTabEnum, WeekdayEnum } from '../shared/enums';
import { LocalTimeScalar } from '../shared/scalars';

@ObjectType('ApprovalDeadline', { description: 'Weekday and local time in the week after the ISO week.' })
export class ApprovalDeadlineType {
  @Field(() => WeekdayEnum) weekday: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM in the agency time zone.' }) time: string;
}

@ObjectType('AgencySettings')
export class AgencySettingsType {
  @Field({ description: 'IANA time zone of the agency, e.g. Europe/Amsterdam.' }) timeZone: string;
  @Field(() => [PortalTabEnum]) enabledTabs: string[];
  @Field(() => ApprovalDeadlineType) approvalDeadline: ApprovalDeadlineType;
  @Field(() => WeekdayEnum) payWeekday: string;
  @Field(() => PayDayOnHolidayEnum) payDayOnHoliday: string;
  @Field(() => Int, { description: 'Days a relation-approved declaration stays on the worker status tab.' })
  declarationVisibilityDays: number;
}

@ObjectType('Agency', { description: 'The staffing agency (the tenant) and how it works.' })
export class AgencyType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => AgencySettingsType) settings: AgencySettingsType;
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
    });
    return Object.assign(new AgencyType(), { id: agency.id, name: agency.name, settings, version: agency.version });
  }
}
