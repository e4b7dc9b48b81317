import i18next, { BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

/*
 * The portal's texts in the eight languages of the server (nl, bg, de, en, hu, pl, pt, ro), one
 * JSON file per language and screen area (web/src/i18n/locales/<language>/<namespace>.json),
 * loaded when a screen of that area first shows in that language. Every language has every key
 * (test/unit/web/web-translations.test.ts); a key missing everywhere is recorded in
 * `window.__flexportalMissingKeys` for the browser tests, and shows as the English text.
 */
export const LANGUAGES = ['nl', 'en', 'de', 'pl', 'ro', 'bg', 'hu', 'pt'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
/** Each language's name in itself (not translated: a user looks for their own). */
export const LANGUAGE_NAMES: Readonly<Record<UiLanguage, string>> = {
  nl: 'Nederlands',
  en: 'English',
  de: 'Deutsch',
  pl: 'Polski',
  ro: 'Română',
  bg: 'Български',
  hu: 'Magyar',
  pt: 'Português',
};
export const NAMESPACES = ['common', 'auth', 'week', 'tabs', 'approvals', 'staff', 'shared'] as const;

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

const bundledFiles: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = files[`./locales/${language}/${namespace}.json`];
    if (!load) return callback(null, {});
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, null),
    );
  },
};

declare global {
  interface Window {
    __flexportalMissingKeys?: string[];
  }
}

export function isUiLanguage(value: string | null | undefined): value is UiLanguage {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/** The browser's first language the portal speaks, else Dutch (the manual's language). */
export function browserLanguage(): UiLanguage {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'nl';
}

export function currentLanguageTag(): string {
  return i18next.resolvedLanguage ?? i18next.language ?? 'nl';
}

export async function initI18n(language: UiLanguage = browserLanguage()): Promise<typeof i18next> {
  await i18next
    .use(bundledFiles)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      ns: ['common'],
      defaultNS: 'common',
      load: 'languageOnly',
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      saveMissing: true,
      missingKeyHandler: (_languages, namespace, key) => {
        (window.__flexportalMissingKeys ??= []).push(`${namespace}:${key}`);
      },
      react: { useSuspense: true },
    });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}

export async function changeLanguage(language: UiLanguage): Promise<void> {
  if (i18next.language !== language) await i18next.changeLanguage(language);
}
