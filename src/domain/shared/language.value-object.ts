import { ValidationError } from './domain-error';

export const LANGUAGE_CODES = ['nl', 'bg', 'de', 'en', 'hu', 'pl', 'pt', 'ro'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/** One of the eight languages of the portal, as its lower-case ISO 639-1 code. */
export class Language {
  static readonly DEFAULT = new Language('nl');

  private constructor(readonly code: LanguageCode) {}

  static parse(text: string): Language {
    const code = LANGUAGE_CODES.find((c) => c === text);
    if (code === undefined) {
      const shown = typeof text === 'string' ? text.slice(0, 16) : String(text);
      throw ValidationError.of('', 'LANGUAGE_UNSUPPORTED', `"${shown}" is not one of ${LANGUAGE_CODES.join(', ')}`, {
        value: shown,
        allowed: LANGUAGE_CODES.join(', '),
      });
    }
    return code === 'nl' ? Language.DEFAULT : new Language(code);
  }

  equals(other: Language): boolean {
    return this.code === other.code;
  }

  toString(): string {
    return this.code;
  }
}
