import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPLANATION_PARAMS } from '../../../../src/domain/unravel/explanation-keys';
import { UnravelReason } from '../../../../src/domain/unravel/unravel.errors';
import { DAY_SELECTORS } from '../../../../src/domain/unravel/cao-unravel-schedule.data';

/** Every explanation key and reason of the engine has a message in all 8 languages (namespace `unravel`). */
const LANGUAGES = ['nl', 'bg', 'de', 'en', 'hu', 'pl', 'pt', 'ro'];
const read = (lng: string): Record<string, string> =>
  JSON.parse(readFileSync(join(__dirname, '../../../../src/infrastructure/i18n/locales', lng, 'unravel.json'), 'utf8'));
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

describe('unravel messages', () => {
  const english = read('en');

  it('has every explanation key, using only the parameters the engine gives', () => {
    for (const [key, params] of Object.entries(EXPLANATION_PARAMS)) {
      expect({ key, present: key in english }).toEqual({ key, present: true });
      expect({ key, unknown: placeholders(english[key]).filter((p) => !params.includes(p)) }).toEqual({ key, unknown: [] });
    }
  });

  it('has every reason code and every day name', () => {
    for (const reason of Object.values(UnravelReason)) expect({ reason, present: reason in english }).toEqual({ reason, present: true });
    for (const day of DAY_SELECTORS) expect(`day.${day}` in english).toBe(true);
  });

  it.each(LANGUAGES)('%s has the same keys and placeholders as English', (lng) => {
    const messages = read(lng);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english)) {
      expect({ key, params: placeholders(messages[key]) }).toEqual({ key, params: placeholders(english[key]) });
    }
  });
});
