import { ValidationError } from '../shared/domain-error';
import { boundedText } from '../shared/text';

export const PAYROLL_NUMBER_MAX_LENGTH = 32;
const PATTERN = /^[A-Za-z0-9._/-]+$/;

/**
 * The worker's personnel number in the payroll system (personeelsnummer): 1 to 32 letters,
 * digits, dots, underscores, slashes or dashes, trimmed; case is kept as payroll gives it.
 * Unique within the agency: the store enforces that (a constraint), not this class.
 */
export class PayrollNumber {
  private constructor(readonly value: string) {}

  static parse(text: string): PayrollNumber {
    const value = boundedText(text, { max: PAYROLL_NUMBER_MAX_LENGTH });
    if (!PATTERN.test(value)) {
      throw ValidationError.of('', 'PAYROLL_NUMBER_INVALID', 'A payroll number holds only letters, digits and . _ / -', {
        max: PAYROLL_NUMBER_MAX_LENGTH,
      });
    }
    return new PayrollNumber(value);
  }

  equals(other: PayrollNumber): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
