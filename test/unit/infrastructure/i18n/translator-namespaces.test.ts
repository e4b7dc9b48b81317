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

  it('gives the same text when asked again (kept), and each language and each parameter its own', () => {
    const fresh = new I18nextTranslator();
    const params = { percentage: 150, after: '8:00', from: '18:00', to: '24:00', day: 'SAT' };
    const first = fresh.translate('unravel:line.overtimeDayWindow', params, 'en');
    expect(fresh.translate('unravel:line.overtimeDayWindow', { ...params }, 'en')).toBe(first);
    expect(fresh.translate('unravel:line.overtimeDayWindow', { ...params, percentage: 125 }, 'en')).toContain('125%');
    expect(fresh.translate('unravel:line.overtimeDayWindow', params, 'nl')).not.toBe(first);
    expect(fresh.translate('unravel:line.overtimeDayWindow', params, 'en')).toBe(first);
    expect(fresh.translate('NO_SUCH_REASON', {}, 'en')).toBeUndefined();
    expect(fresh.translate('NO_SUCH_REASON', {}, 'en')).toBeUndefined();
    const circular: Record<string, unknown> = { percentage: 150 };
    circular.self = circular;
    expect(fresh.translate('unravel:line.normal', circular, 'en')).toBe('Normal hours');
  });
});

