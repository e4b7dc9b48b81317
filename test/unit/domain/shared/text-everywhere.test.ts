import { parseTimeZone } from '../../../../src/domain/agency/agency-settings.value-object';
import { Agency } from '../../../../src/domain/agency/agency.entity';
import { ApiClient } from '../../../../src/domain/identity/api-client.entity';
import { assertAcceptablePassword } from '../../../../src/domain/identity/password-policy';
import { User } from '../../../../src/domain/identity/user.entity';
import { HourCode } from '../../../../src/domain/placement/hour-code.value-object';
import { WeeklyContractHours } from '../../../../src/domain/placement/weekly-contract-hours.value-object';
import { Relation } from '../../../../src/domain/relation/relation.entity';
import { Address } from '../../../../src/domain/shared/address.value-object';
import { Email } from '../../../../src/domain/shared/email.value-object';
import { PersonName } from '../../../../src/domain/shared/person-name.value-object';
import { PhoneNumber } from '../../../../src/domain/shared/phone-number.value-object';
import { HoursMinutes } from '../../../../src/domain/time/hours-minutes.value-object';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { WeekHours } from '../../../../src/domain/time/week-hours.value-object';
import { Weekday } from '../../../../src/domain/time/weekday.value-object';
import { parseReason } from '../../../../src/domain/timesheet/week-rules';
import { parseWeekEntries } from '../../../../src/domain/timesheet/week-entries';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { pathsOf } from './helpers';

/*
 * Every place where the domain reads text keeps the one rule, with the same reason at the
 * field's own path: a control character (NUL, ESC that starts an ANSI escape, the C1 NEL) is
 * TEXT_CONTROL_CHARACTERS, half a surrogate pair TEXT_LONE_SURROGATE. Each entry takes a valid
 * value with its second character replaced, so that length and trimming play no part.
 */

const POISONS: [string, string][] = [
  ['\u0000', 'TEXT_CONTROL_CHARACTERS'],
  ['\u001b', 'TEXT_CONTROL_CHARACTERS'],
  ['\u0085', 'TEXT_CONTROL_CHARACTERS'],
  ['\ud800', 'TEXT_LONE_SURROGATE'],
];

function poisoned(valid: string, poison: string): string {
  return valid.slice(0, 1) + poison + valid.slice(2);
}

const user = (displayName: string) =>
  User.create({ id: 'u', agencyId: 'a', email: 'jan@example.com', displayName, role: 'AGENCY_STAFF', language: 'en', passwordHash: 'h', now: new Date() });
const apiClient = (name: string) =>
  ApiClient.create({ id: 'c', agencyId: 'a', name, keyHash: 'h', keyPrefix: 'fpk_', createdAt: new Date(), createdBy: 'u' });
const address = { street: 'Damrak', houseNumber: '12A', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' };
const weekRules = {
  week: IsoWeek.parse('2026-W48'),
  entryModes: new Set<never>(),
  hourCodes: [HourCode.create({ code: 'H100', percentage: 100 })],
  startDate: LocalDate.parse('2026-01-05'),
  endDate: null,
};
const scheduleWith = (version: Record<string, unknown>) => () =>
  CaoUnravelSchedule.parse({ name: 'ABU', versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U100' }, ...version }] });
const ortWindow = { id: 'sunday', days: ['SUN'], from: '00:00', to: '24:00', percentage: 100, hourCode: 'ORT100' };

/** [field, valid value, where the problem is reported, what reads it]. */
const ENTRY_POINTS: [string, string, string, (text: string) => unknown][] = [
  ['person first name', 'Jan', 'firstName', (t) => PersonName.create({ firstName: t, lastName: 'Jansen' })],
  ['person last name', 'van Dijk', 'lastName', (t) => PersonName.create({ firstName: 'Jan', lastName: t })],
  ['e-mail address', 'jan@example.com', '', (t) => Email.parse(t)],
  ['telephone number', '0612345678', '', (t) => PhoneNumber.parse(t)],
  ['street', 'Damrak', 'street', (t) => Address.create({ ...address, street: t })],
  ['house number', '12A', 'houseNumber', (t) => Address.create({ ...address, houseNumber: t })],
  ['postal code', '1012 LG', 'postalCode', (t) => Address.create({ ...address, postalCode: t })],
  ['city', 'Amsterdam', 'city', (t) => Address.create({ ...address, city: t })],
  ['country', 'NL', 'country', (t) => Address.create({ ...address, country: t })],
  ['relation name', 'Schoonmaak BV', 'name', (t) => Relation.create({ id: 'r', agencyId: 'a', name: t })],
  ['relation contact e-mail', 'info@client.example', 'contactEmail', (t) => Relation.create({ id: 'r', agencyId: 'a', name: 'R', contactEmail: t })],
  ['relation contact phone', '0201234567', 'contactPhone', (t) => Relation.create({ id: 'r', agencyId: 'a', name: 'R', contactPhone: t })],
  ['KvK number', '12345678', 'chamberOfCommerceNumber', (t) => Relation.create({ id: 'r', agencyId: 'a', name: 'R', chamberOfCommerceNumber: t })],
  ['agency name', 'U-Boss', 'name', (t) => Agency.create({ id: 'a', name: t })],
  ['user display name', 'Petra', 'displayName', user],
  ['API client name', 'Payroll', 'name', apiClient],
  ['new password', 'correct horse battery', '', (t) => assertAcceptablePassword(t, { commonPasswords: { has: () => false } })],
  ['hour code', 'H100', 'code', (t) => HourCode.create({ code: t, percentage: 100 })],
  ['hour code label', 'Normal', 'label', (t) => HourCode.create({ code: 'H100', percentage: 100, label: t })],
  ['rejection or correction reason', 'Wrong day', 'reason', (t) => parseReason(t)],
  ['date', '2026-11-25', '', (t) => LocalDate.parse(t)],
  ['time of day', '07:30', '', (t) => TimeOfDay.parse(t)],
  ['end time', '24:00', '', (t) => TimeOfDay.parseEnd(t)],
  ['duration', '7:15', '', (t) => HoursMinutes.parse(t)],
  ['week hours', '38:00', '', (t) => WeekHours.parse(t)],
  ['contract hours', '38:00', '', (t) => WeeklyContractHours.parse(t)],
  ['ISO week', '2026-W48', '', (t) => IsoWeek.parse(t)],
  ['weekday', 'MON', '', (t) => Weekday.parse(t)],
  ['time zone', 'Europe/Amsterdam', '', (t) => parseTimeZone(t)],
  ['hour code of entered hours', 'H100', 'days[0].hours[0].hourCode', (t) => parseWeekEntries([{ date: '2026-11-23', hours: [{ hourCode: t, hours: '8:00' }] }], weekRules)],
  ['time of entered hours', '08:00', 'days[0].blocks[0].start', (t) => parseWeekEntries([{ date: '2026-11-23', blocks: [{ start: t, end: '16:00' }] }], { ...weekRules, hourCodes: null, entryModes: new Set(['TIMES'] as never[]) })],
  ['schedule hour code', 'U100', 'versions[0].hourCodes.normal', (t) => scheduleWith({ hourCodes: { normal: t } })()],
  ['schedule rule id', 'sunday', 'versions[0].ortWindows[0].id', (t) => scheduleWith({ ortWindows: [{ ...ortWindow, id: t }] })()],
  ['schedule window time', '00:00', 'versions[0].ortWindows[0].from', (t) => scheduleWith({ ortWindows: [{ ...ortWindow, from: t }] })()],
  ['schedule extra holiday', '12-24', 'versions[0].holidays.extraDays[0]', (t) => scheduleWith({ holidays: { extraDays: [t] } })()],
];

describe.each(ENTRY_POINTS)('the %s', (_field, valid, path, read) => {
  it('is accepted as it is', () => {
    expect(() => read(valid)).not.toThrow();
  });

  it.each(POISONS)('with %j in it is refused at its path with the one reason', (poison, reason) => {
    expect(pathsOf(() => read(poisoned(valid, poison)))).toEqual([`${path}:${reason}`]);
  });
});

describe('multi-line text', () => {
  it('keeps line breaks and tabs in a reason, and refuses the other control characters', () => {
    expect(parseReason('Monday was wrong:\r\n\t- 8:00, not 9:00')).toBe('Monday was wrong:\n\t- 8:00, not 9:00');
    expect(pathsOf(() => parseReason('Look \u001b[2Jhere'))).toEqual(['reason:TEXT_CONTROL_CHARACTERS']);
  });

  it('is not what a name is: a line break in a display name is refused', () => {
    expect(pathsOf(() => user('Petra\nJansen'))).toEqual(['displayName:TEXT_CONTROL_CHARACTERS']);
  });
});

describe('non-ASCII digits are text, but no number', () => {
  it.each([
    ['٧:١٥', () => HoursMinutes.parse('٧:١٥'), 'HOURS_MINUTES_FORMAT'],
    ['７:１５', () => HoursMinutes.parse('７:１５'), 'HOURS_MINUTES_FORMAT'],
    ['٠٧:٣٠', () => TimeOfDay.parse('٠٧:٣٠'), 'TIME_OF_DAY_FORMAT'],
    ['２０２６-１１-２５', () => LocalDate.parse('２０２６-１１-２５'), 'LOCAL_DATE_FORMAT'],
  ])('%s is refused by the format, not read as a number', (_text, read, reason) => {
    expect(pathsOf(read)).toEqual([`:${reason}`]);
  });
});
