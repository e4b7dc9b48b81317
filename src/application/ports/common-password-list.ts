import { CommonPasswords } from '../../domain/identity/password-policy';

/** The common and breached passwords that a new password is checked against (asked in lower case). */
export abstract class CommonPasswordList implements CommonPasswords {
  abstract has(lowerCase: string): boolean;
}
