import { assertAcceptablePassword, PasswordContext } from '../../../../src/domain/identity/password-policy';
import { ValidationError } from '../../../../src/domain/shared/domain-error';

/*
 * Issue 8, item 9: a new password is checked against common passwords and the words of its
 * context (NIST SP 800-63B), not only its length. The list is data the application passes in;
 * here a small one.
 */
const COMMON = new Set(['password', 'dragon', 'qwertyuiop', '1234567890', 'iloveyou']);
const context = (email = 'jan.jansen@example.com'): PasswordContext => ({ email, commonPasswords: COMMON });

function reasonOf(password: string, ctx: PasswordContext = context()): string | null {
  try {
    assertAcceptablePassword(password, ctx);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.reason;
    throw error;
  }
}

describe('password policy: common and guessable passwords', () => {
  it.each([
    ['qwertyuiop', 'on the list'],
    ['QwertyUIOP', 'on the list, in any case'],
    ['1234567890', 'on the list, digits only'],
    ['Password2024!', 'a listed word with digits and a symbol after it'],
    ['!!Dragon-1990', 'a listed word with symbols and digits around it'],
    ['iloveyou   12', 'a listed word with spaces and digits after it'],
    ['Flexportal2026', 'the name of the service with digits'],
    ['#FLEXPORTAL#!', 'the name of the service in capitals with symbols'],
    ['jan.jansen1990', "the e-mail address's local part with digits"],
    ['Jansen!123456', "a part of the e-mail address's local part"],
  ])('refuses %p (%s) with PASSWORD_TOO_COMMON', (password) => {
    expect(reasonOf(password)).toBe('PASSWORD_TOO_COMMON');
  });

  it.each([
    ['correct horse battery', 'a passphrase'],
    ['flexportal-demo', 'the service name with a word after it'],
    ['password manager 7', 'a listed word inside a longer phrase'],
    ['dr4gon-slayer-99', 'letters between the digits'],
    ['janssen&co 2026', 'not the local part'],
  ])('accepts %p (%s)', (password) => {
    expect(reasonOf(password)).toBeNull();
  });

  it('uses the local part of the address it is given: another login may use what this one may not', () => {
    expect(reasonOf('jan.jansen1990', context('piet@example.com'))).toBeNull();
    expect(reasonOf('piet1234567', context('piet@example.com'))).toBe('PASSWORD_TOO_COMMON');
    // Parts of fewer than three letters are no context words.
    expect(reasonOf('jo12345678', context('jo@example.com'))).toBeNull();
  });

  it('checks length and the e-mail address first, with their own reasons', () => {
    expect(reasonOf('dragon1')).toBe('PASSWORD_TOO_SHORT');
    expect(reasonOf('Jan.Jansen@Example.com')).toBe('PASSWORD_IS_EMAIL');
  });

  it('asks the list in lower case only', () => {
    const asked: string[] = [];
    assertAcceptablePassword('Correct Horse 42', { email: 'x@example.com', commonPasswords: { has: (p) => (asked.push(p), false) } });
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((p) => p === p.toLowerCase())).toBe(true);
    expect(asked).toContain('correct horse');
  });
});
