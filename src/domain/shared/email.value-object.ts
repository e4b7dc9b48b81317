import { ValidationError } from './domain-error';
import { boundedText } from './text';

/** RFC 5321 limits: 254 characters in all, 64 before the @. */
const MAX_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * An e-mail address, trimmed and lower-cased so that `Jan@Example.NL` and `jan@example.nl` are one
 * address (the uniqueness per agency relies on it). Quoted local parts and IP literals are refused:
 * no agency mails those.
 */
export class Email {
  private constructor(readonly value: string) {}

  static parse(text: string): Email {
    const value = boundedText(text, { max: MAX_LENGTH }).toLowerCase();
    const at = value.lastIndexOf('@');
    const local = value.slice(0, at);
    const domain = value.slice(at + 1);
    if (at < 1 || local.length > MAX_LOCAL_LENGTH || !LOCAL.test(local) || !DOMAIN.test(domain)) {
      throw ValidationError.of('', 'EMAIL_INVALID', `"${value}" is not a valid e-mail address`, { value });
    }
    return new Email(value);
  }

  equals(other: Email): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
