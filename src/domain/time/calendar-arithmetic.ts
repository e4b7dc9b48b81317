/**
 * Proleptic Gregorian arithmetic on "epoch days" (days since 1970-01-01), after Howard Hinnant's
 * civil-date algorithms. Pure integer maths, so the date value objects need no `Date` and no
 * time zone: a business date is a calendar date, not an instant.
 */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilOf(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  return epochDayOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - epochDayOf(year, month, 1);
}

/** ISO weekday 1 (Monday) … 7 (Sunday); 1970-01-01 was a Thursday. */
export function isoWeekdayOf(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of ISO week 1 of `isoYear`: the week that holds 4 January. */
export function firstMondayOfIsoYear(isoYear: number): number {
  const january4 = epochDayOf(isoYear, 1, 4);
  return january4 - (isoWeekdayOf(january4) - 1);
}

export interface IsoWeekNumber {
  readonly isoYear: number;
  readonly week: number;
}

/** An ISO week belongs to the year of its Thursday. */
export function isoWeekOf(epochDay: number): IsoWeekNumber {
  const thursday = epochDay - (isoWeekdayOf(epochDay) - 1) + 3;
  const isoYear = civilOf(thursday).year;
  return { isoYear, week: Math.floor((thursday - epochDayOf(isoYear, 1, 1)) / 7) + 1 };
}

export function weeksInIsoYear(isoYear: number): number {
  return isoWeekOf(epochDayOf(isoYear, 12, 28)).week;
}
