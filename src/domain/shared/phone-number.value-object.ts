import { ValidationError } from './domain-error';
import { boundedText } from './text';

const MAX_LENGTH = 32;
const SHAPE = /^\+?[0-9(][0-9 ()-]*$/;
/** E.164 allows at most 15 digits; fewer than 6 is no reachable number anywhere. */
const MIN_DIGITS = 6;
const MAX_DIGITS = 15;

/**
 * A telephone number as people write it (`+31 6 1234 5678`, `06-12345678`, `020 (123) 4567`):
 * lenient about layout, strict about content — an optional leading +, then digits, spaces,
 * dashes and parentheses, 6 to 15 digits. Kept as typed (trimmed, spaces collapsed): the portal
 * shows it, it never dials it.
 */
export class PhoneNumber {
  private constructor(readonly value: string) {}

  static parse(text: string): PhoneNumber {
    const value = boundedText(text, { max: MAX_LENGTH }).replace(/\s+/g, ' ');
    const digits = value.replace(/\D/g, '').length;
    if (!SHAPE.test(value) || digits < MIN_DIGITS || digits > MAX_DIGITS) {
      throw ValidationError.of('', 'PHONE_INVALID', `"${value}" is not a valid telephone number`, { value });
    }
    return new PhoneNumber(value);
  }

  equals(other: PhoneNumber): boolean {
    return this.value.replace(/\D/g, '') === other.value.replace(/\D/g, '') && this.value[0] === other.value[0];
  }

  toString(): string {
    return this.value;
  }
}
