import { ValidationError } from '../shared/domain-error';
import { cleanText } from '../shared/text';

export const WEEKDAY_CODES = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** A day of the week, numbered as ISO 8601 does: Monday 1 … Sunday 7. Seven shared instances. */
export class Weekday {
  private static readonly all: readonly Weekday[] = WEEKDAY_CODES.map((code, index) => new Weekday(code, index + 1));

  private constructor(
    readonly code: WeekdayCode,
    readonly iso: number,
  ) {}

  static get values(): readonly Weekday[] {
    return Weekday.all;
  }

  static parse(text: string): Weekday {
    const index = (WEEKDAY_CODES as readonly string[]).indexOf(cleanText(text));
    if (index < 0) {
      throw ValidationError.of('', 'WEEKDAY_UNKNOWN', `"${text}" is not a weekday (MON … SUN)`, { value: text });
    }
    return Weekday.all[index];
  }

  static ofIso(iso: number): Weekday {
    if (!Number.isInteger(iso) || iso < 1 || iso > 7) {
      throw ValidationError.of('', 'WEEKDAY_UNKNOWN', `${iso} is not an ISO weekday (1 … 7)`, { value: String(iso) });
    }
    return Weekday.all[iso - 1];
  }

  get isWeekend(): boolean {
    return this.iso >= 6;
  }

  equals(other: Weekday): boolean {
    return this.iso === other.iso;
  }

  toString(): string {
    return this.code;
  }

  toJSON(): string {
    return this.code;
  }
}
