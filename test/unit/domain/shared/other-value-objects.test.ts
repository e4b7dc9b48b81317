import { Address } from '../../../../src/domain/shared/address.value-object';
import { ChamberOfCommerceNumber } from '../../../../src/domain/shared/chamber-of-commerce-number.value-object';
import { PersonName } from '../../../../src/domain/shared/person-name.value-object';
import { PhoneNumber } from '../../../../src/domain/shared/phone-number.value-object';
import { pathsOf, validationErrorOf } from './helpers';

describe('PhoneNumber', () => {
  it.each(['+31 6 1234 5678', '06-12345678', '020 (123) 4567', '+48123456789'])('accepts %p', (text) => {
    expect(PhoneNumber.parse(text).value).toBe(text);
  });

  it.each(['12345', 'call me', '+31 6 1234 5678 ext 2', '++316', '0612345678901234', '+', 'x'.repeat(1 << 20)])('refuses %p', (text) => {
    expect(['PHONE_INVALID', 'VALUE_TOO_LONG']).toContain(validationErrorOf(() => PhoneNumber.parse(text)).reason);
  });

  it('compares by digits', () => {
    expect(PhoneNumber.parse('06-1234 5678').equals(PhoneNumber.parse('0612345678'))).toBe(true);
  });
});

describe('ChamberOfCommerceNumber', () => {
  it('accepts eight digits, with spaces or dots', () => {
    expect(ChamberOfCommerceNumber.parse('1234 5678').value).toBe('12345678');
    expect(ChamberOfCommerceNumber.parse('12.34.56.78').value).toBe('12345678');
  });

  it.each(['1234567', '123456789', 'abcdefgh', ''])('refuses %p', (text) => {
    expect(validationErrorOf(() => ChamberOfCommerceNumber.parse(text)).reason).toBe('KVK_NUMBER_INVALID');
  });
});

describe('PersonName', () => {
  it('trims both parts', () => {
    const name = PersonName.create({ firstName: ' Jan ', lastName: 'van der Berg' });
    expect(name.fullName).toBe('Jan van der Berg');
  });

  it('reports every missing or too long part by path', () => {
    expect(pathsOf(() => PersonName.create({ firstName: '', lastName: 'x'.repeat(101) }))).toEqual([
      'firstName:REQUIRED',
      'lastName:VALUE_TOO_LONG',
    ]);
  });

  it('refuses control characters', () => {
    expect(pathsOf(() => PersonName.create({ firstName: 'Jan\u0000', lastName: 'J' }))).toEqual(['firstName:TEXT_CONTROL_CHARACTERS']);
  });
});

describe('Address', () => {
  const base = { street: 'Damrak', houseNumber: '1A', postalCode: '1012lg', city: 'Amsterdam' };

  it('normalises a Dutch postal code and defaults the country to NL', () => {
    const address = Address.create(base);
    expect(address.postalCode).toBe('1012 LG');
    expect(address.country).toBe('NL');
  });

  it.each(['0123 AB', '1234 SA', '12345', '1234-AB', 'ABCD EF'])('refuses the Dutch postal code %p', (postalCode) => {
    expect(pathsOf(() => Address.create({ ...base, postalCode }))).toEqual(['postalCode:POSTAL_CODE_INVALID']);
  });

  it('accepts foreign postal codes in their own shape', () => {
    expect(Address.create({ ...base, postalCode: '00-950', country: 'pl' }).postalCode).toBe('00-950');
  });

  it('reports every problem by path', () => {
    expect(pathsOf(() => Address.create({ street: '', houseNumber: 'abc', postalCode: '1', city: 'x'.repeat(81), country: 'NLD' }))).toEqual([
      'street:REQUIRED',
      'houseNumber:HOUSE_NUMBER_INVALID',
      'city:VALUE_TOO_LONG',
      'country:VALUE_TOO_LONG',
      'postalCode:POSTAL_CODE_INVALID',
    ]);
  });
});
