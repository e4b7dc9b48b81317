import { LANGUAGE_CODES, LanguageCode } from '../../domain/shared/language.value-object';

/** The eight languages of the portal (the manual's language menu); Dutch is the default. */
export const LANGUAGES = LANGUAGE_CODES;
export type { LanguageCode };
export const DEFAULT_LANGUAGE: LanguageCode = 'nl';

export function isLanguage(value: string): value is LanguageCode {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header, honouring q-values. */
export function negotiateLanguage(header: string | undefined): LanguageCode {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const hit = ranked.find((entry) => isLanguage(entry.primary));
  return hit ? (hit.primary as LanguageCode) : DEFAULT_LANGUAGE;
}
