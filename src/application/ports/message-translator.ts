/** Turns a stable message key and its parameters into text in one of the supported languages. */
export abstract class MessageTranslator {
  /** The text, or `undefined` when the key has no translation. */
  abstract translate(key: string, params: Readonly<Record<string, unknown>>, language: string): string | undefined;
  /** The best supported language for an HTTP Accept-Language header (or the default). */
  abstract negotiate(acceptLanguage: string | undefined): string;
}
