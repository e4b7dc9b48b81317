import { Language, LANGUAGE_CODES } from '../../../../src/domain/shared/language.value-object';
import { validationErrorOf } from './helpers';

describe('Language', () => {
  it.each([...LANGUAGE_CODES])('accepts %s', (code) => {
    expect(Language.parse(code).code).toBe(code);
  });

  it.each(['fr', 'NL', 'nl-NL', '', ' nl', 'x'.repeat(100000)])('refuses %p', (code) => {
    expect(validationErrorOf(() => Language.parse(code)).reason).toBe('LANGUAGE_UNSUPPORTED');
  });

  it('defaults to Dutch and compares by code', () => {
    expect(Language.DEFAULT.code).toBe('nl');
    expect(Language.parse('pl').equals(Language.parse('pl'))).toBe(true);
    expect(Language.parse('pl').equals(Language.DEFAULT)).toBe(false);
  });
});
