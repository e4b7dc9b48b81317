import { registerEnumType } from 'type-graphql';
import { PAY_DAY_ON_HOLIDAY_RULES, PORTAL_TABS } from '../../domain/agency/agency-settings.value-object';
import { ROLES } from '../../domain/identity/role';
import { LANGUAGE_CODES, LanguageCode } from '../../domain/shared/language.value-object';
import { WEEKDAY_CODES } from '../../domain/time/weekday.value-object';

/** GraphQL enums made from the domain's own lists, so the two never drift apart. */
export function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const RoleEnum = enumOf(ROLES);
registerEnumType(RoleEnum, { name: 'Role', description: 'What a user or API client is to the agency.' });

/**
 * Upper-case in the schema like every other enum (NL, EN, …), while the domain and i18n keep the
 * lower-case ISO 639-1 codes: the enum's internal values are the codes, so GraphQL maps both ways
 * at the edge and resolvers only ever see `nl`, `en`, ….
 */
export const LanguageEnum = Object.fromEntries(LANGUAGE_CODES.map((code) => [code.toUpperCase(), code])) as {
  [K in LanguageCode as Uppercase<K>]: K;
};
registerEnumType(LanguageEnum, {
  name: 'Language',
  description: 'The eight languages of the portal, as upper-case ISO 639-1 codes.',
  valuesConfig: {
    NL: { description: 'Dutch (Nederlands), the default.' },
    EN: { description: 'English.' },
    DE: { description: 'German (Deutsch).' },
    PL: { description: 'Polish (polski).' },
    RO: { description: 'Romanian (română).' },
    BG: { description: 'Bulgarian (български).' },
    HU: { description: 'Hungarian (magyar).' },
    PT: { description: 'Portuguese (português).' },
  },
});

export const PortalTabEnum = enumOf(PORTAL_TABS);
registerEnumType(PortalTabEnum, { name: 'PortalTab', description: 'Tabs an agency can show to its flexworkers.' });

export const WeekdayEnum = enumOf(WEEKDAY_CODES);
registerEnumType(WeekdayEnum, { name: 'Weekday', description: 'ISO weekdays, Monday first.' });

export const PayDayOnHolidayEnum = enumOf(PAY_DAY_ON_HOLIDAY_RULES);
registerEnumType(PayDayOnHolidayEnum, {
  name: 'PayDayOnHoliday',
  description: 'When pay day is a public holiday, pay on the next or on the previous working day.',
});
