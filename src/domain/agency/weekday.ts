import { ValidationError } from '../shared/domain-error';

/** ISO order: Monday is day 1. */
export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function parseWeekday(text: string): Weekday {
  const weekday = WEEKDAYS.find((w) => w === text);
  if (weekday === undefined) {
    throw ValidationError.of('', 'WEEKDAY_INVALID', `Expected one of ${WEEKDAYS.join(', ')}`, {
      allowed: WEEKDAYS.join(', '),
    });
  }
  return weekday;
}
