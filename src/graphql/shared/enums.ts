import { registerEnumType } from 'type-graphql';
import { PAY_DAY_ON_HOLIDAY_RULES, PORTAL_TABS } from '../../domain/agency/agency-settings.value-object';
import { ROLES } from '../../domain/identity/role';
import { LANGUAGE_CODES } from '../../domain/shared/language.value-object';
import { WEEKDAY_CODES } from '../../domain/time/weekday.value-object';

/** GraphQL enums made from the domain's own lists, so the two never drift apart. */
export function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const RoleEnum = enumOf(ROLES);
registerEnumType(RoleEnum, { name: 'Role', description: 'What a user or API client is to the agency.' });

export const LanguageEnum = enumOf(LANGUAGE_CODES);
registerEnumType(LanguageEnum, { name: 'Language', description: 'The eight languages of the portal.' });

export const PortalTabEnum = enumOf(PORTAL_TABS);
registerEnumType(PortalTabEnum, { name: 'PortalTab', description: 'Tabs an agency can show to its flexworkers.' });

export const WeekdayEnum = enumOf(WEEKDAY_CODES);
registerEnumType(WeekdayEnum, { name: 'Weekday', description: 'ISO weekdays, Monday first.' });

export const PayDayOnHolidayEnum = enumOf(PAY_DAY_ON_HOLIDAY_RULES);
registerEnumType(PayDayOnHolidayEnum, {
  name: 'PayDayOnHoliday',
  description: 'When pay day is a public holiday, pay on the next or on the previous working day.',
});
