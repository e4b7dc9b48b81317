import { ValidationError } from './domain-error';

const PATTERN = /^\d{8}$/;

/** A Dutch Chamber of Commerce (KvK) number: exactly eight digits (spaces and dots removed). */
export class ChamberOfCommerceNumber {
  private constructor(readonly value: string) {}

  static parse(text: string): ChamberOfCommerceNumber {
    const value = typeof text === 'string' && text.length <= 32 ? text.replace(/[\s.]/g, '') : '';
    if (!PATTERN.test(value)) {
      throw ValidationError.of('', 'KVK_NUMBER_INVALID', 'A Chamber of Commerce number has exactly eight digits');
    }
    return new ChamberOfCommerceNumber(value);
  }

  equals(other: ChamberOfCommerceNumber): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
