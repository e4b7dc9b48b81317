import { ProblemCollector, ValidationError } from './domain-error';
import { boundedText } from './text';

export interface AddressInput {
  readonly street: string;
  readonly houseNumber: string;
  readonly postalCode: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2, e.g. `NL`; defaults to NL. */
  readonly country?: string;
}

/** Dutch postal codes: four digits (no leading zero), two letters, never SA, SD or SS. */
const DUTCH_POSTAL_CODE = /^([1-9]\d{3}) ?([A-Z]{2})$/;
const FOREIGN_POSTAL_CODE = /^[A-Z0-9][A-Z0-9 -]{1,11}$/;
const HOUSE_NUMBER = /^\d{1,5}([ -]?[A-Z0-9]{1,6})?$/i;
const COUNTRY = /^[A-Z]{2}$/;

/** A postal address. Problems are reported at `street`, `houseNumber`, `postalCode`, `city`, `country`. */
export class Address {
  private constructor(
    readonly street: string,
    readonly houseNumber: string,
    readonly postalCode: string,
    readonly city: string,
    readonly country: string,
  ) {}

  static create(input: AddressInput): Address {
    const problems = new ProblemCollector();
    const street = problems.attempt('street', () => boundedText(input.street, { max: 100 }));
    const houseNumber = problems.attempt('houseNumber', () => parseHouseNumber(input.houseNumber));
    const city = problems.attempt('city', () => boundedText(input.city, { max: 80 }));
    const country = problems.attempt('country', () => parseCountry(input.country ?? 'NL'));
    const postalCode = problems.attempt('postalCode', () => parsePostalCode(input.postalCode, country ?? 'NL'));
    problems.throwIfAny();
    return new Address(street!, houseNumber!, postalCode!, city!, country!);
  }

  equals(other: Address): boolean {
    return (
      this.street === other.street &&
      this.houseNumber === other.houseNumber &&
      this.postalCode === other.postalCode &&
      this.city === other.city &&
      this.country === other.country
    );
  }

  toString(): string {
    return `${this.street} ${this.houseNumber}, ${this.postalCode} ${this.city}, ${this.country}`;
  }
}

function parseHouseNumber(text: string): string {
  const value = boundedText(text, { max: 16 });
  if (!HOUSE_NUMBER.test(value)) {
    throw ValidationError.of('', 'HOUSE_NUMBER_INVALID', `"${value}" is not a house number (e.g. 12, 12A, 12-3)`, { value });
  }
  return value;
}

function parseCountry(text: string): string {
  const value = boundedText(text, { max: 2 }).toUpperCase();
  if (!COUNTRY.test(value)) {
    throw ValidationError.of('', 'COUNTRY_INVALID', 'A country is a two-letter ISO code such as NL', { value });
  }
  return value;
}

function parsePostalCode(text: string, country: string): string {
  const value = boundedText(text, { max: 12 }).toUpperCase();
  if (country === 'NL') {
    const match = DUTCH_POSTAL_CODE.exec(value);
    if (!match || ['SA', 'SD', 'SS'].includes(match[2])) {
      throw ValidationError.of('', 'POSTAL_CODE_INVALID', `"${value}" is not a Dutch postal code (e.g. 1234 AB)`, { value });
    }
    return `${match[1]} ${match[2]}`;
  }
  if (!FOREIGN_POSTAL_CODE.test(value)) {
    throw ValidationError.of('', 'POSTAL_CODE_INVALID', `"${value}" is not a postal code`, { value });
  }
  return value;
}
