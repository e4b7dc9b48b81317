import { MessageTranslator } from '../ports/message-translator';

/**
 * The version of the consent statement a signature is given under. A new wording gets a new
 * version (and new texts in `signing.json` of every language), so that the evidence names the
 * exact words the worker agreed to.
 */
export const CONSENT_VERSION = '2026-12-01';

/** The statement as the worker is shown it, in their language. */
export interface ConsentStatement {
  readonly version: string;
  readonly language: string;
  readonly text: string;
}

/** The consent statement for signing `title` as `name`, in `language`. */
export function consentStatement(translator: MessageTranslator, language: string, params: { title: string; name: string; agency: string }): ConsentStatement {
  const text = translator.translate(`signing:consent.${CONSENT_VERSION}`, params, language);
  if (!text) throw new Error(`The consent statement ${CONSENT_VERSION} has no text in ${language}`);
  return { version: CONSENT_VERSION, language, text };
}
