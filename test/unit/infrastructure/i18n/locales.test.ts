import { readdirSync, readFileSync } from 'fs';
import { join, relative, sep } from 'path';
import de from '../../../../src/infrastructure/i18n/locales/de/errors.json';
import en from '../../../../src/infrastructure/i18n/locales/en/errors.json';
import nl from '../../../../src/infrastructure/i18n/locales/nl/errors.json';
import { I18nextTranslator } from '../../../../src/infrastructure/i18n/i18next-translator';
import { LANGUAGES } from '../../../../src/infrastructure/i18n/languages';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SRC = join(ROOT, 'src');
const LOCALES = join(SRC, 'infrastructure', 'i18n', 'locales');
const EXPECTED_LANGUAGES = ['bg', 'de', 'en', 'hu', 'nl', 'pl', 'pt', 'ro'];

/** The unravel engine has its own namespace (unravel.json); its reasons are not error keys. */
const EXCLUDED = [join('src', 'domain', 'unravel') + sep];

type Messages = Record<string, unknown>;

function readMessages(language: string, namespace: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES, language, namespace), 'utf8')) as Messages;
}

function namespaces(): string[] {
  return readdirSync(join(LOCALES, 'en'))
    .filter((file) => file.endsWith('.json'))
    .sort();
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^{}\s,]+)[^{}]*\}\}/g)].map((m) => m[1]))].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const REASON = `'([A-Z][A-Z0-9_]{2,})'`;
/** The call forms that give an error its reason (the translation key). */
const REASON_PATTERNS = [
  // ValidationError.of(path, 'REASON', …) and problems.add(path, 'REASON', …); the path may be a
  // template literal or a ternary, and may sit on its own line.
  new RegExp(`\\bValidationError\\.of\\(\\s*[^,;()]*?,\\s*${REASON}`, 'g'),
  new RegExp(`\\.add\\(\\s*[^,;()]*?,\\s*${REASON}`, 'g'),
  new RegExp(`\\bnew\\s+(?:ConflictError|ForbiddenError|UnauthenticatedError)\\(\\s*${REASON}`, 'g'),
  // Problems and errors built as objects (format-error.ts) and the errors' own defaults.
  new RegExp(`\\breason\\s*[:=]\\s*${REASON}`, 'g'),
  new RegExp(`\\bsuper\\(\\s*${REASON}`, 'g'),
];

/** Every reason code in src outside the unravel engine, with the files that use it. */
function reasonsInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const path = relative(ROOT, file);
    if (EXCLUDED.some((prefix) => path.startsWith(prefix))) continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of REASON_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        found.set(match[1], [...new Set([...(found.get(match[1]) ?? []), path])]);
      }
    }
  }
  return found;
}

describe('translation files', () => {
  it('cover exactly the eight portal languages', () => {
    expect([...LANGUAGES].sort()).toEqual(EXPECTED_LANGUAGES);
    const folders = readdirSync(LOCALES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(EXPECTED_LANGUAGES);
  });

  it('name each key once (JSON keeps only the last of two, so a second one silently replaces the first)', () => {
    const repeated: string[] = [];
    for (const language of EXPECTED_LANGUAGES) {
      for (const file of readdirSync(join(LOCALES, language)).filter((name) => name.endsWith('.json'))) {
        const seen = new Set<string>();
        for (const [, key] of readFileSync(join(LOCALES, language, file), 'utf8').matchAll(/^ {2}"((?:[^"\\]|\\.)*)":/gm)) {
          if (seen.has(key)) repeated.push(`${language}/${file}: ${key}`);
          seen.add(key);
        }
      }
    }
    expect(repeated).toEqual([]);
  });

  it('have an English errors namespace', () => {
    expect(namespaces()).toContain('errors.json');
  });

  describe.each(namespaces())('namespace %s', (namespace) => {
    const english = readMessages('en', namespace);
    const keys = Object.keys(english).sort();

    it('has English messages that are all non-empty strings', () => {
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const value = english[key];
        expect({ key, type: typeof value }).toEqual({ key, type: 'string' });
        expect({ key, empty: (value as string).trim() === '' }).toEqual({ key, empty: false });
      }
    });

    it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has the same keys, all filled in', (language) => {
      const messages = readMessages(language, namespace);
      expect(Object.keys(messages).sort()).toEqual(keys);
      for (const key of keys) {
        const value = messages[key];
        expect({ key, type: typeof value }).toEqual({ key, type: 'string' });
        expect({ key, empty: (value as string).trim() === '' }).toEqual({ key, empty: false });
      }
    });

    it.each(LANGUAGES.filter((l) => l !== 'en'))('%s uses the same {{placeholders}} as English', (language) => {
      const messages = readMessages(language, namespace);
      for (const key of keys) {
        expect({ key, placeholders: placeholders(String(messages[key])) }).toEqual({
          key,
          placeholders: placeholders(String(english[key])),
        });
      }
    });

    it.each(LANGUAGES.filter((l) => l !== 'en'))('%s is translated, not copied from English', (language) => {
      const messages = readMessages(language, namespace);
      const copied = keys.filter((key) => messages[key] === english[key] && /[a-z]{4,}/i.test(String(english[key])));
      expect(copied).toEqual([]);
    });
  });
});

describe('reason codes in the source', () => {
  const reasons = reasonsInSource();

  it('are found by the scan (multi-line calls, defaults and format-error included)', () => {
    for (const reason of [
      'BSN_INVALID',
      'HOUR_SOURCE_EITHER',
      'TAB_UNKNOWN',
      'HOUR_CODE_DUPLICATE',
      'EMAIL_TAKEN',
      'SESSION_EXPIRED',
      'ROLE_NOT_ALLOWED',
      'NOT_FOUND',
      'FORBIDDEN',
      'UNAUTHENTICATED',
      'INVALID_INPUT',
      'VALUE_TOO_LONG',
      'INTERNAL_SERVER_ERROR',
    ]) {
      expect(reasons.has(reason)).toBe(true);
    }
  });

  it('leave out the unravel engine and plain constants', () => {
    for (const files of reasons.values()) {
      expect(files.filter((file) => EXCLUDED.some((prefix) => file.startsWith(prefix)))).toEqual([]);
    }
    for (const notAReason of ['AGENCY_STAFF', 'FLEXWORKER', 'DAY_TOTAL', 'MON', 'DATABASE_URL']) {
      expect(reasons.has(notAReason)).toBe(false);
    }
  });

  it('each have an English message', () => {
    const missing = [...reasons.entries()]
      .filter(([reason]) => !Object.prototype.hasOwnProperty.call(en, reason))
      .map(([reason, files]) => `${reason} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });
});

describe('I18nextTranslator', () => {
  const translator = new I18nextTranslator();

  it('translates a reason into the requested language', () => {
    expect(translator.translate('BSN_INVALID', {}, 'de')).toBe(de.BSN_INVALID);
    expect(de.BSN_INVALID).not.toBe(en.BSN_INVALID);
  });

  it('interpolates the params without HTML escaping', () => {
    expect(translator.translate('PASSWORD_TOO_SHORT', { min: 10 }, 'nl')).toBe(
      'Een wachtwoord moet minstens 10 tekens hebben.',
    );
    expect(translator.translate('EMAIL_INVALID', { value: 'a<b>&"c' }, 'en')).toBe(
      '"a<b>&"c" is not a valid e-mail address.',
    );
    expect(translator.translate('INTERNAL_SERVER_ERROR', { requestId: 'req-1' }, 'en')).toContain('req-1');
  });

  it('keeps the hour format example 7:15 in every language', () => {
    for (const language of LANGUAGES) {
      expect(translator.translate('HOURS_MINUTES_FORMAT', { value: '7.15' }, language)).toContain('7:15');
    }
  });

  it('falls back to Dutch for an unknown language', () => {
    expect(translator.translate('BSN_INVALID', {}, 'fr')).toBe(nl.BSN_INVALID);
    expect(translator.translate('BSN_INVALID', {}, '')).toBe(nl.BSN_INVALID);
  });

  it('gives undefined for a key without a message', () => {
    expect(translator.translate('NO_SUCH_REASON', {}, 'en')).toBeUndefined();
    expect(translator.translate('NO_SUCH_REASON', {}, 'nl')).toBeUndefined();
  });

  it('negotiates the language of an Accept-Language header', () => {
    expect(translator.negotiate('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(translator.negotiate('fr')).toBe('nl');
    expect(translator.negotiate('fr-FR,fr;q=0.9,pl;q=0.5')).toBe('pl');
    expect(translator.negotiate(undefined)).toBe('nl');
  });
});
