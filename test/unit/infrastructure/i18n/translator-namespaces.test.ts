import { I18nextTranslator } from '../../../../src/infrastructure/i18n/i18next-translator';

describe('I18nextTranslator namespaces', () => {
  const translator = new I18nextTranslator();

  it('reads error reasons without a namespace and unravel keys (which contain dots) with one', () => {
    expect(translator.translate('INVALID_CREDENTIALS', {}, 'en')).toMatch(/password/);
    expect(translator.translate('unravel:line.normal', {}, 'en')).toBe('Normal hours');
    expect(translator.translate('unravel:line.normal', {}, 'nl')).not.toBe('Normal hours');
  });

  it('resolves nested day names inside an unravel explanation', () => {
    const text = translator.translate(
      'unravel:line.overtimeDayWindow',
      { percentage: 150, after: '8:00', from: '18:00', to: '24:00', day: 'SAT' },
      'en',
    );
    expect(text).toContain('150%');
    expect(text).not.toContain('$t(');
    expect(text).not.toContain('day.SAT');
  });
});
