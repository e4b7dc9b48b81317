import { ValidationError } from './domain-error';

/**
 * The one rule for every text that comes in (names, labels, codes, e-mail addresses, times,
 * reasons, passwords…), so that every field refuses the same characters with the same reason:
 *
 * - no control characters: C0 (U+0000–U+001F, NUL included), DEL (U+007F) and C1
 *   (U+0080–U+009F). ANSI escape sequences start with one (ESC, or the C1 CSI), so they are
 *   refused too. Multi-line text (reasons, notes) may hold line breaks and tabs; CR LF and CR
 *   (other systems' line breaks) become LF. → `TEXT_CONTROL_CHARACTERS`
 * - no lone surrogates: a JavaScript string may hold half of a UTF-16 pair, which UTF-8 (the
 *   wire and the database) cannot; it would be stored as U+FFFD. → `TEXT_LONE_SURROGATE`
 *
 * `boundedText` adds the length and trims: every name and single-line field is trimmed.
 * Errors have an empty path: the caller prefixes it (ProblemCollector.attempt).
 */
export interface TextRule {
  readonly max: number;
  readonly min?: number;
  /** Reasons and notes: line breaks and tabs are allowed. */
  readonly multiline?: boolean;
}

export interface CharacterRule {
  readonly multiline?: boolean;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as CONTROL, with line feed and tab allowed
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Checks the characters of `text` and returns it (multi-line: line breaks as LF); neither trims
 * nor bounds it. Anything that is not a string is left to the caller's own check.
 */
export function cleanText<T>(text: T, rule: CharacterRule = {}): T {
  if (typeof text !== 'string') return text;
  const value = rule.multiline ? text.replace(/\r\n?/g, '\n') : text;
  const control = (rule.multiline ? CONTROL_MULTILINE : CONTROL).exec(value);
  if (control) {
    const character = codePoint(control[0]);
    throw ValidationError.of('', 'TEXT_CONTROL_CHARACTERS', `This text may not contain the control character ${character}`, {
      character,
      position: control.index,
    });
  }
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) {
    const character = codePoint(surrogate[0]);
    throw ValidationError.of('', 'TEXT_LONE_SURROGATE', `This text holds half of a character (${character} without its pair)`, {
      character,
      position: surrogate.index,
    });
  }
  return value as T;
}

/** Trims and checks `text`; throws a ValidationError with an empty path (the caller prefixes it). */
export function boundedText(text: string, rule: TextRule): string {
  if (typeof text !== 'string') throw ValidationError.of('', 'REQUIRED', 'A text is required');
  if (text.length > rule.max * 4) throw tooLong(rule.max);
  const trimmed = text.trim();
  if (trimmed.length < (rule.min ?? 1)) {
    throw ValidationError.of('', 'REQUIRED', 'This field may not be empty', { min: rule.min ?? 1 });
  }
  if (trimmed.length > rule.max) throw tooLong(rule.max);
  return cleanText(trimmed, rule);
}

/** As boundedText, but `null`, `undefined` and blank text mean "none". */
export function optionalBoundedText(text: string | null | undefined, rule: TextRule): string | null {
  if (text === null || text === undefined) return null;
  if (text.length <= rule.max * 4 && text.trim() === '') return null;
  return boundedText(text, rule);
}

function tooLong(max: number): ValidationError {
  return ValidationError.of('', 'VALUE_TOO_LONG', `This field may be at most ${max} characters long`, { max });
}

/** Parses optional input: `null`, `undefined` and blank text mean "none". */
export function parseOptional<T>(text: string | null | undefined, parse: (text: string) => T): T | null {
  if (text === null || text === undefined) return null;
  if (text.length <= 1024 && text.trim() === '') return null;
  return parse(cleanText(text));
}

/**
 * Hands `text` to `parse` only when it is at most `max` characters long and its characters are
 * clean: parsers echo the value in their error, and a megabyte of it, or a terminal's escape
 * sequence, has no place in a response or a log.
 */
export function short<T>(max: number, parse: (text: string) => T): (text: string) => T {
  return (text: string) => {
    if (typeof text === 'string' && text.length > max) throw tooLong(max);
    return parse(cleanText(text));
  };
}

function codePoint(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
