import { ValidationError } from './domain-error';

const PATTERN = /^\d{9}$/;
/** Digits shown by `masked()`: the last three, as on Dutch payslips and letters. */
const VISIBLE_DIGITS = 3;

/**
 * A Dutch citizen service number (burgerservicenummer): nine digits passing the eleven-test
 * 9a + 8b + 7c + 6d + 5e + 4f + 3g + 2h − 1i ≡ 0 (mod 11), and not all zeros. Spaces and dots
 * that people type between the groups are removed; an 8-digit number must be given with its
 * leading zero. Never printed in full outside `value`: use `masked()`.
 */
export class Bsn {
  private constructor(readonly value: string) {}

  static parse(text: string): Bsn {
    const value = typeof text === 'string' && text.length <= 32 ? text.replace(/[\s.]/g, '') : '';
    if (!PATTERN.test(value) || !Bsn.passesElevenTest(value)) {
      throw ValidationError.of('', 'BSN_INVALID', 'This is not a valid BSN (nine digits passing the eleven-test)');
    }
    return new Bsn(value);
  }

  static passesElevenTest(digits: string): boolean {
    if (!PATTERN.test(digits) || digits === '000000000') return false;
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
    sum -= Number(digits[8]);
    return sum % 11 === 0;
  }

  /** `******789`: stars for all but the last three digits. */
  masked(): string {
    return '*'.repeat(9 - VISIBLE_DIGITS) + this.value.slice(-VISIBLE_DIGITS);
  }

  equals(other: Bsn): boolean {
    return this.value === other.value;
  }

  /** Masked on purpose, so that a BSN never lands in a log by accident. */
  toString(): string {
    return this.masked();
  }
}
