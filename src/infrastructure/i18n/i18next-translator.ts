import i18next, { i18n, Resource } from 'i18next';
import { MessageTranslator } from '../../application/ports/message-translator';
import { DEFAULT_LANGUAGE, isLanguage, negotiateLanguage } from './languages';
import { resources } from './resources';

/** Messages by key in the eight languages (namespaces: errors, …), falling back to English. */
export class I18nextTranslator extends MessageTranslator {
  private readonly i18n: i18n;
  /** Texts already made, by language, key and parameters (null: no such key); the oldest forgotten first. */
  private readonly memo = new Map<string, string | null>();

  constructor(resourceSet: Resource = resources) {
    super();
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources: resourceSet,
      lng: DEFAULT_LANGUAGE,
      fallbackLng: 'en',
      ns: Object.keys(resourceSet.en ?? {}),
      defaultNS: 'errors',
      interpolation: { escapeValue: false },
      keySeparator: false,
      initAsync: false,
      returnNull: false,
    });
  }

  translate(key: string, params: Readonly<Record<string, unknown>>, language: string): string | undefined {
    const lng = isLanguage(language) ? language : DEFAULT_LANGUAGE;
    // The texts never change while the process runs: the same key, parameters and language give the same text.
    const memoKey = keyOf(lng, key, params);
    const known = memoKey === undefined ? undefined : this.memo.get(memoKey);
    if (known !== undefined) return known ?? undefined;
    const [ns, plainKey] = key.includes(':') ? key.split(':', 2) : ['errors', key];
    const text = this.i18n.exists(plainKey, { ns, lng }) ? this.i18n.t(plainKey, { ...params, ns, lng }) : null;
    if (memoKey !== undefined) {
      if (this.memo.size >= MEMO_SIZE) this.memo.delete(this.memo.keys().next().value as string);
      this.memo.set(memoKey, text);
    }
    return text ?? undefined;
  }

  negotiate(acceptLanguage: string | undefined): string {
    return negotiateLanguage(acceptLanguage);
  }
}

/** Texts one translator keeps: a week's explanations are asked again by every request that shows it. */
const MEMO_SIZE = 20_000;

/** The memo's key; undefined for parameters JSON cannot write (those are translated every time). */
function keyOf(lng: string, key: string, params: Readonly<Record<string, unknown>>): string | undefined {
  try {
    return `${lng}\u0000${key}\u0000${JSON.stringify(params)}`;
  } catch {
    return undefined;
  }
}
