import { DateHolidaysNationalHolidays } from '../../../../src/infrastructure/calendar/date-holidays-national-holidays';
import { LuxonTimeZoneRules } from '../../../../src/infrastructure/calendar/luxon-time-zone-rules';
import {
  HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS, HAND_WRITTEN_YEARS,
} from '../../../fixtures/unravel/dutch-calendar';

const plain = <T extends { date: { toString(): string } }>(list: readonly T[]) =>
  list.map((x) => ({ ...x, date: x.date.toString() })).sort((a, b) => a.date.localeCompare(b.date));

describe('DateHolidaysNationalHolidays', () => {
  const source = new DateHolidaysNationalHolidays();

  it.each(HAND_WRITTEN_YEARS)('gives the Dutch national holidays of %i as written by hand', (year) => {
    expect(plain(source.nationalHolidays(year))).toEqual(plain(HAND_WRITTEN_DUTCH_HOLIDAYS.nationalHolidays(year)));
  });

  it('moves King\'s Day to Saturday when 27 April is a Sunday', () => {
    expect(source.nationalHolidays(2025).find((h) => h.name === 'KINGS_DAY')?.date.toString()).toBe('2025-04-26');
  });

  it('leaves out observances such as Remembrance Day and New Year\'s Eve', () => {
    const dates = source.nationalHolidays(2026).map((h) => h.date.toString());
    expect(dates).not.toContain('2026-05-04');
    expect(dates).not.toContain('2026-12-31');
    expect(dates).toHaveLength(11);
  });
});

describe('LuxonTimeZoneRules', () => {
  const zone = new LuxonTimeZoneRules();

  it.each(HAND_WRITTEN_YEARS)('gives the Europe/Amsterdam clock changes of %i', (year) => {
    expect(plain(zone.clockChanges(year))).toEqual(plain(HAND_WRITTEN_AMSTERDAM.clockChanges(year)));
  });

  it('has no clock changes in a zone without summer time', () => {
    expect(new LuxonTimeZoneRules('Asia/Tokyo').clockChanges(2026)).toEqual([]);
  });

  it('refuses an unknown zone', () => {
    expect(() => new LuxonTimeZoneRules('Mars/Olympus')).toThrow();
  });
});
