import { ProblemCollector, ValidationError } from '../shared/domain-error';
import { boundedText, optionalBoundedText } from '../shared/text';

const CODE = /^[A-Z][A-Z0-9_-]{0,15}$/;
export const MAX_PERCENTAGE = 500;

export interface HourCodeInput {
  readonly code: string;
  readonly percentage: number;
  readonly label?: string | null;
}

/**
 * One kind of hours a worker may fill in by hand on a placement without a CAO schedule, e.g.
 * `H100` at 100 % or `OW150` at 150 % ("overwerk"). The percentage is a whole number (0–500).
 */
export class HourCode {
  private constructor(
    readonly code: string,
    readonly percentage: number,
    readonly label: string | null,
  ) {}

  /** Problems at `code`, `percentage` and `label`. Codes are upper-cased. */
  static create(input: HourCodeInput): HourCode {
    const problems = new ProblemCollector();
    const code = problems.attempt('code', () => parseCode(input.code));
    const percentage = problems.attempt('percentage', () => parsePercentage(input.percentage));
    const label = problems.attempt('label', () => optionalBoundedText(input.label, { max: 100 }));
    problems.throwIfAny();
    return new HourCode(code!, percentage!, label ?? null);
  }

  equals(other: HourCode): boolean {
    return this.code === other.code && this.percentage === other.percentage && this.label === other.label;
  }

  toString(): string {
    return `${this.code} (${this.percentage} %)`;
  }
}

function parseCode(text: string): string {
  const code = boundedText(text, { max: 16 }).toUpperCase();
  if (!CODE.test(code)) {
    throw ValidationError.of('', 'HOUR_CODE_INVALID', 'An hour code is a letter followed by up to 15 letters, digits, _ or -', {
      value: code,
    });
  }
  return code;
}

function parsePercentage(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PERCENTAGE) {
    throw ValidationError.of('', 'PERCENTAGE_RANGE', `A percentage is a whole number from 0 to ${MAX_PERCENTAGE}`, {
      min: 0,
      max: MAX_PERCENTAGE,
    });
  }
  return value;
}
