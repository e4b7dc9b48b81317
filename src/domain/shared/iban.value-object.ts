import { ValidationError } from './domain-error';

/** IBAN lengths per country: the EU/EEA, Switzerland, the UK and the other SEPA countries. */
const LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AL: 28, AT: 20, BA: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
  ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, HR: 21, HU: 28, IE: 22,
  IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MT: 31, NL: 18,
  NO: 15, PL: 28, PT: 25, RO: 24, RS: 22, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26, UA: 29, VA: 22,
  XK: 20,
};
const SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]+$/;

/**
 * An International Bank Account Number, stored in its electronic form (no spaces, upper case).
 * Valid when the country is known, the length is that country's, and the mod-97 check gives 1.
 */
export class Iban {
  private constructor(readonly value: string) {}

  static parse(text: string): Iban {
    const value = typeof text === 'string' && text.length <= 64 ? text.replace(/[\s-]/g, '').toUpperCase() : '';
    if (!SHAPE.test(value) || LENGTHS[value.slice(0, 2)] !== value.length || Iban.mod97(value) !== 1) {
      throw ValidationError.of('', 'IBAN_INVALID', 'This is not a valid IBAN');
    }
    return new Iban(value);
  }

  private static mod97(value: string): number {
    const rearranged = value.slice(4) + value.slice(0, 4);
    let remainder = 0;
    for (const char of rearranged) {
      const digits = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
      for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
    }
    return remainder;
  }

  get countryCode(): string {
    return this.value.slice(0, 2);
  }

  /** The printed form: groups of four, e.g. `NL91 ABNA 0417 1643 00`. */
  formatted(): string {
    return group(this.value);
  }

  /** Country and the last four characters only, in groups: `NL** **** **** **43 00`. */
  masked(): string {
    const hidden = this.value.slice(0, 2) + '*'.repeat(this.value.length - 6) + this.value.slice(-4);
    return group(hidden);
  }

  equals(other: Iban): boolean {
    return this.value === other.value;
  }

  /** Masked on purpose, so that an IBAN never lands in a log by accident. */
  toString(): string {
    return this.masked();
  }
}

function group(text: string): string {
  return text.replace(/(.{4})(?=.)/g, '$1 ');
}
