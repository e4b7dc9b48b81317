import fc from 'fast-check';
import { boundedText, cleanText, optionalBoundedText, parseOptional, short } from '../../../../src/domain/shared/text';
import { validationErrorOf } from './helpers';

/*
 * The one text rule (src/domain/shared/text.ts): no C0, DEL or C1 control characters (line feed
 * and tab allowed in multi-line text), no lone surrogates. The properties check it against an
 * oracle that walks the code points itself.
 */

const SEED = 20260811;

/** What the rule should say about `text`, worked out code point by code point. */
function oracle(text: string, multiline: boolean): 'ok' | 'TEXT_CONTROL_CHARACTERS' | 'TEXT_LONE_SURROGATE' {
  const normalised = multiline ? text.replace(/\r\n?/g, '\n') : text;
  let control = false;
  let lone = false;
  for (const character of normalised) {
    const cp = character.codePointAt(0)!;
    const allowed = multiline && (cp === 0x0a || cp === 0x09);
    if (!allowed && (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f))) control = true;
    if (cp >= 0xd800 && cp <= 0xdfff) lone = true; // for…of yields a pair as one code point
  }
  if (control) return 'TEXT_CONTROL_CHARACTERS';
  return lone ? 'TEXT_LONE_SURROGATE' : 'ok';
}

function verdict(text: string, multiline: boolean): string {
  try {
    cleanText(text, { multiline });
    return 'ok';
  } catch (error) {
    return validationErrorOf(() => {
      throw error;
    }).reason;
  }
}

/** Strings that often hold what the rule is about: controls, surrogate halves, pairs, CR LF. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('\u0000', '\u0007', '\t', '\n', '\r', '\r\n', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\u009f', '\u00a0'),
      fc.constantFrom('\ud83d', '\ude00', '\ud83d\ude00', '\udbff\udfff', 'é', '٧:١٥', '７:１５'),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

describe('cleanText', () => {
  it('refuses exactly what the oracle refuses, single-line and multi-line', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (text, multiline) => {
        expect(verdict(text, multiline)).toBe(oracle(text, multiline));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('keeps every well-formed text without control characters unchanged', () => {
    const clean = fc.string({ unit: 'grapheme' }).filter((text) => oracle(text, false) === 'ok');
    fc.assert(
      fc.property(clean, (text) => {
        expect(cleanText(text)).toBe(text);
        expect(Buffer.from(cleanText(text), 'utf8').toString('utf8')).toBe(text);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it.each([
    ['NUL', 'a\u0000@example.com', 'U+0000', 1],
    ['an ANSI colour escape', 'Jan \u001b[31mred\u001b[0m', 'U+001B', 4],
    ['the C1 CSI', 'x\u009b31m', 'U+009B', 1],
    ['NEL (C1)', 'line\u0085next', 'U+0085', 4],
    ['DEL', 'del\u007f', 'U+007F', 3],
    ['a bell', '\u0007', 'U+0007', 0],
    ['a line break in a name', 'Jan\nJansen', 'U+000A', 3],
    ['a tab in a name', 'Jan\tJansen', 'U+0009', 3],
  ])('refuses %s, naming the character and where it is', (_label, text, character, position) => {
    const error = validationErrorOf(() => cleanText(text));
    expect(error.reason).toBe('TEXT_CONTROL_CHARACTERS');
    expect(error.params).toEqual({ character, position });
    expect(error.field).toBe('');
  });

  it.each([
    ['a high surrogate at the end', 'smile \ud83d', 'U+D83D', 6],
    ['a low surrogate alone', '\ude00 smile', 'U+DE00', 0],
    ['two high surrogates', '\ud83d\ud83d\ude00', 'U+D83D', 0],
  ])('refuses %s (it would be stored as U+FFFD)', (_label, text, character, position) => {
    const error = validationErrorOf(() => cleanText(text));
    expect(error.reason).toBe('TEXT_LONE_SURROGATE');
    expect(error.params).toEqual({ character, position });
  });

  it('keeps emoji, accents, non-breaking spaces and non-ASCII digits: they are text', () => {
    for (const text of ['Zoë 😀', 'Łódź', 'a\u00a0b', '٧:١٥', '７:１５', 'Ангел']) expect(cleanText(text)).toBe(text);
  });

  it('lets multi-line text hold line feeds and tabs, and makes CR LF and CR line feeds', () => {
    expect(cleanText('one\ntwo\tthree', { multiline: true })).toBe('one\ntwo\tthree');
    expect(cleanText('one\r\ntwo\rthree', { multiline: true })).toBe('one\ntwo\nthree');
    expect(validationErrorOf(() => cleanText('one\u0000two', { multiline: true })).reason).toBe('TEXT_CONTROL_CHARACTERS');
    expect(validationErrorOf(() => cleanText('one\u001b[2Jtwo', { multiline: true })).reason).toBe('TEXT_CONTROL_CHARACTERS');
    expect(validationErrorOf(() => cleanText('one\r\ntwo', {})).reason).toBe('TEXT_CONTROL_CHARACTERS');
  });
});

describe('boundedText', () => {
  it('trims, then bounds, then checks the characters', () => {
    expect(boundedText('  Jan Jansen \n', { max: 20 })).toBe('Jan Jansen');
    expect(validationErrorOf(() => boundedText(' \t ', { max: 20 })).reason).toBe('REQUIRED');
    expect(validationErrorOf(() => boundedText('x'.repeat(21), { max: 20 })).reason).toBe('VALUE_TOO_LONG');
    expect(validationErrorOf(() => boundedText('Jan\u0000', { max: 20 })).reason).toBe('TEXT_CONTROL_CHARACTERS');
    expect(validationErrorOf(() => boundedText('Jan\ud800', { max: 20 })).reason).toBe('TEXT_LONE_SURROGATE');
  });

  it('keeps line breaks inside multi-line text only', () => {
    expect(boundedText(' first\r\nsecond ', { max: 20, multiline: true })).toBe('first\nsecond');
    expect(validationErrorOf(() => boundedText('first\nsecond', { max: 20 })).reason).toBe('TEXT_CONTROL_CHARACTERS');
  });

  it('refuses a megabyte by its length before looking at its characters', () => {
    expect(validationErrorOf(() => boundedText('\u0000'.repeat(1 << 20), { max: 20 })).reason).toBe('VALUE_TOO_LONG');
  });

  it('never returns a text the rule refuses, nor an untrimmed one', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        let result: string | null;
        try {
          result = optionalBoundedText(text, { max: 40 });
        } catch {
          return;
        }
        if (result === null) return expect(text.trim()).toBe('');
        expect(oracle(result, false)).toBe('ok');
        expect(result).toBe(result.trim());
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('parsers behind short and parseOptional', () => {
  const echo = (text: string) => text;

  it('meet the rule before the parser sees the text (parsers echo it in their messages)', () => {
    expect(validationErrorOf(() => short(10, echo)('7:\u001b15')).reason).toBe('TEXT_CONTROL_CHARACTERS');
    expect(validationErrorOf(() => parseOptional('12\u0000', echo)).reason).toBe('TEXT_CONTROL_CHARACTERS');
    expect(short(10, echo)('7:15')).toBe('7:15');
    expect(parseOptional(' ', echo)).toBeNull();
  });

  it('bound the length first', () => {
    expect(validationErrorOf(() => short(10, echo)('\u0000'.repeat(11))).reason).toBe('VALUE_TOO_LONG');
  });
});
