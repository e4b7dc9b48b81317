import i18next, { i18n, Resource } from 'i18next';
import { MessageTranslator } from '../../application/ports/message-translator';
import { DEFAULT_LANGUAGE, isLanguage, negotiateLanguage } from './languages';
import { resources } from './resources';

/** Messages by key in the eight languages (namespaces: errors, …), falling back to English. */
export class I18nextTranslator extends MessageTranslator {
  private readonly i18n: i18n;

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
    const [ns, plainKey] = key.includes(':') ? key.split(':', 2) : ['errors', key];
    if (!this.i18n.exists(plainKey, { ns, lng })) return undefined;
    return this.i18n.t(plainKey, { ...params, ns, lng });
  }

  negotiate(acceptLanguage: string | undefined): string {
    return negotiateLanguage(acceptLanguage);
  }
}
