import { ValidationError } from './domain-error';

/**
 * Bounded free text, the first check every input string meets: the length is checked before any
 * pattern runs, so a megabyte string is refused cheaply and by name. Control characters are
 * refused: names and labels are single-line text.
 */
export interface TextRule {
  readonly max: number;
  readonly min?: number;
}

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Trims and checks `text`; throws a ValidationError with an empty path (the caller prefixes it). */
export function boundedText(text: string, rule: TextRule): string {
  if (typeof text !== 'string') throw ValidationError.of('', 'REQUIRED', 'A text is required');
  if (text.length > rule.max * 4) throw tooLong(rule.max);
  const trimmed = text.trim();
  if (trimmed.length < (rule.min ?? 1)) {
    throw ValidationError.of('', 'REQUIRED', 'This field may not be empty', { min: rule.min ?? 1 });
  }
  if (trimmed.length > rule.max) throw tooLong(rule.max);
  if (CONTROL.test(trimmed)) {
    throw ValidationError.of('', 'TEXT_CONTROL_CHARACTERS', 'This field may not contain control characters');
  }
  return trimmed;
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
  return parse(text);
}

/**
 * Hands `text` to `parse` only when it is at most `max` characters long: parsers echo the value
 * in their error, and a megabyte of it has no place in a response or a log.
 */
export function short<T>(max: number, parse: (text: string) => T): (text: string) => T {
  return (text: string) => {
    if (typeof text === 'string' && text.length > max) throw tooLong(max);
    return parse(text);
  };
}
