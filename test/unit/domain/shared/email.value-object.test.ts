import { Email } from '../../../../src/domain/shared/email.value-object';
import { validationErrorOf } from './helpers';

describe('Email', () => {
  it('normalises to trimmed lower case', () => {
    expect(Email.parse('  Jan.Jansen@Example.NL ').value).toBe('jan.jansen@example.nl');
    expect(Email.parse('A@b.nl').equals(Email.parse('a@B.NL'))).toBe(true);
  });

  it.each(['a+tag@sub.example.com', "o'brien@example.ie", 'x@example.travel'])('accepts %s', (text) => {
    expect(Email.parse(text).value).toBe(text.toLowerCase());
  });

  it.each(['', 'plain', '@example.nl', 'a@', 'a@b', 'a b@example.nl', 'a@@example.nl', 'a..b@example.nl', 'a@-x.nl', 'a@example.n'])(
    'refuses %p with EMAIL_INVALID or REQUIRED',
    (text) => {
      expect(['EMAIL_INVALID', 'REQUIRED']).toContain(validationErrorOf(() => Email.parse(text)).reason);
    },
  );

  it('refuses more than 254 characters, and a 1 MB string, as too long', () => {
    expect(validationErrorOf(() => Email.parse(`${'a'.repeat(64)}@${'b'.repeat(190)}.nl`)).reason).toBe('VALUE_TOO_LONG');
    expect(validationErrorOf(() => Email.parse('a'.repeat(1024 * 1024))).reason).toBe('VALUE_TOO_LONG');
  });

  it('refuses a local part over 64 characters', () => {
    expect(validationErrorOf(() => Email.parse(`${'a'.repeat(65)}@example.nl`)).reason).toBe('EMAIL_INVALID');
  });
});
