/**
 * The public face of the CAO unravel engine, for the timesheet feature and the tools:
 * validate a schedule, build work days, unravel a week.
 */
export { CaoUnravelSchedule, validateCaoUnravelSchedule } from './cao-unravel-schedule';
export type * from './cao-unravel-schedule.data';
export { unravel } from './unravel.service';
export type { UnravelInput } from './unravel.service';
export type * from './unravel-result';
export { isTimeKind, payInPercentMinutes } from './unravel-result';
export type { ClockChange, NationalHoliday, NationalHolidaySource, TimeZoneRules } from './unravel-ports';
export { NO_CLOCK_CHANGES, NO_NATIONAL_HOLIDAYS } from './unravel-ports';
export { WorkDay } from './work-day.value-object';
export type { BreakInput, TimeRange } from './work-day.value-object';
export { parseUnravelWeek, parseWorkDay } from './unravel-week-input';
export type { UnravelWeekInput } from './unravel-week-input';
export { UnravelReason } from './unravel.errors';
export { ExplanationKey, EXPLANATION_PARAMS } from './explanation-keys';
