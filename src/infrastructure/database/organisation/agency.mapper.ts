import { Agency } from '../../../domain/agency/agency.entity';
import { AgencySettings, PAY_DAY_ON_HOLIDAY_RULES, PORTAL_TABS } from '../../../domain/agency/agency-settings.value-object';
import { ReminderMoment } from '../../../domain/agency/reminder-moment.value-object';
import { ApprovalDeadline } from '../../../domain/agency/approval-deadline.value-object';
import { TimeOfDay } from '../../../domain/time/time-of-day.value-object';
import { Weekday } from '../../../domain/time/weekday.value-object';
import { AgencyOrmEntity } from './agency.orm-entity';

export function agencyToRow(agency: Agency): AgencyOrmEntity {
  const s = agency.settings;
  const row = new AgencyOrmEntity();
  row.id = agency.id;
  row.name = agency.name;
  row.timeZone = s.timeZone;
  row.enabledTabs = [...s.enabledTabs];
  row.approvalDeadlineWeekday = s.approvalDeadline.weekday.code;
  row.approvalDeadlineMinute = s.approvalDeadline.time.minuteOfDay;
  row.payWeekday = s.payWeekday.code;
  row.payDayOnHoliday = s.payDayOnHoliday;
  row.declarationVisibilityDays = s.declarationVisibilityDays;
  row.payrollReadsBsn = s.payrollReadsBsn;
  row.reminderMoments = s.reminderMoments.map((m) => m.toString());
  row.contactEmail = s.contactEmail;
  row.contactPhone = s.contactPhone;
  row.version = agency.version;
  return row;
}

export function agencyToDomain(row: AgencyOrmEntity): Agency {
  const payDayOnHoliday = PAY_DAY_ON_HOLIDAY_RULES.find((r) => r === row.payDayOnHoliday);
  if (!payDayOnHoliday) throw new Error(`agencies.pay_day_on_holiday holds an unknown value for ${row.id}`);
  const settings = AgencySettings.rehydrate({
    timeZone: row.timeZone,
    enabledTabs: new Set(PORTAL_TABS.filter((tab) => row.enabledTabs.includes(tab))),
    approvalDeadline: ApprovalDeadline.of(Weekday.parse(row.approvalDeadlineWeekday), TimeOfDay.ofMinuteOfDay(row.approvalDeadlineMinute)),
    payWeekday: Weekday.parse(row.payWeekday),
    payDayOnHoliday,
    declarationVisibilityDays: row.declarationVisibilityDays,
    payrollReadsBsn: row.payrollReadsBsn,
    reminderMoments: (row.reminderMoments ?? []).map((text) => ReminderMoment.parse(text)),
    contactEmail: row.contactEmail ?? null,
    contactPhone: row.contactPhone ?? null,
  });
  return Agency.rehydrate({ id: row.id, name: row.name, settings, version: row.version });
}
