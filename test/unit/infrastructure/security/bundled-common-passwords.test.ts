import { BundledCommonPasswords } from '../../../../src/infrastructure/security/bundled-common-passwords';
import { DEMO_LOGINS } from '../../../../src/infrastructure/demo/demo-data';
import { TEST_PASSWORD } from '../../../support/test-app';
import list from '../../../../src/infrastructure/security/common-passwords.json';

/*
 * Issue 8, item 9: the bundled list of common passwords (the head of the zxcvbn list, as
 * @zxcvbn-ts/language-common 4.1.3 ships it): 10,000 different entries in lower case, most
 * common first, that the policy finds; the passwords the demo and the tests log in with are not
 * on it.
 */
describe('BundledCommonPasswords', () => {
  const passwords = new BundledCommonPasswords();

  it('holds the 10,000 most common passwords, each once, in lower case, most common first', () => {
    expect(list).toHaveLength(10_000);
    expect(passwords.size).toBe(10_000);
    expect(list.every((p: string) => p === p.toLowerCase() && p.trim() === p && p.length > 0)).toBe(true);
    expect(list.slice(0, 4)).toEqual(['123456', 'password', '12345678', 'qwerty']);
  });

  it('finds well-known passwords and no others', () => {
    for (const p of ['password', '1234567890', 'qwertyuiop', 'iloveyou', 'football', 'letmein']) expect(passwords.has(p)).toBe(true);
    for (const p of ['Password', 'correct horse battery', 'not a common one at all']) expect(passwords.has(p)).toBe(false);
  });

  it('does not hold the passwords of the demo and the tests', () => {
    expect(passwords.has(DEMO_LOGINS.password)).toBe(false);
    expect(passwords.has(TEST_PASSWORD)).toBe(false);
  });
});
