import fc from 'fast-check';
import { Iban } from '../../../../src/domain/shared/iban.value-object';
import { validationErrorOf } from './helpers';

describe('Iban', () => {
  it.each([
    ['NL91ABNA0417164300', 'NL91ABNA0417164300'],
    ['nl91 abna 0417 1643 00', 'NL91ABNA0417164300'],
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['BE68539007547034', 'BE68539007547034'],
    ['GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432'],
    ['PL61109010140000071219812874', 'PL61109010140000071219812874'],
    ['RO49AAAA1B31007593840000', 'RO49AAAA1B31007593840000'],
    ['BG80BNBG96611020345678', 'BG80BNBG96611020345678'],
    ['NO9386011117947', 'NO9386011117947'],
  ])('accepts %p', (text, value) => {
    expect(Iban.parse(text).value).toBe(value);
  });

  it.each([
    'NL91ABNA0417164301', // mod-97 fails
    'NL91ABNA04171643', // too short for NL
    'XX91ABNA0417164300', // unknown country
    'NL9XABNA0417164300',
    '',
    'NL91 ABNA 0417 1643 00 00',
    'x'.repeat(1 << 20),
  ])('refuses %p', (text) => {
    expect(validationErrorOf(() => Iban.parse(text)).reason).toBe('IBAN_INVALID');
  });

  it('accepts any Dutch account with the right check digits, and refuses any other check digits (property)', () => {
    const numeric = (text: string) => [...text].map((c) => (c >= 'A' ? String(c.charCodeAt(0) - 55) : c)).join('');
    const mod97 = (digits: string) => [...digits].reduce((r, d) => (r * 10 + Number(d)) % 97, 0);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{4}[0-9]{10}$/), fc.integer({ min: 0, max: 96 }), (bban, wrong) => {
        const check = 98 - mod97(numeric(`${bban}NL00`));
        const valid = `NL${String(check).padStart(2, '0')}${bban}`;
        expect(Iban.parse(valid).value).toBe(valid);
        fc.pre(wrong + 2 !== check && wrong + 2 <= 98);
        expect(() => Iban.parse(`NL${String(wrong + 2).padStart(2, '0')}${bban}`)).toThrow();
      }),
    );
  });

  it('masks all but the country and the last four characters', () => {
    const iban = Iban.parse('NL91ABNA0417164300');
    expect(iban.masked()).toBe('NL** **** **** **43 00');
    expect(String(iban)).toBe(iban.masked());
    expect(iban.formatted()).toBe('NL91 ABNA 0417 1643 00');
    expect(iban.countryCode).toBe('NL');
  });
});
