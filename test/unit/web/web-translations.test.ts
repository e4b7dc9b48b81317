import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/*
 * The portal's texts: every language has exactly the keys English has, in every namespace, none
 * empty, with the same {{placeholders}}; and every literal key the screens ask for exists.
 */
const LOCALES = path.resolve(__dirname, '..', '..', '..', 'web', 'src', 'i18n', 'locales');
const SRC = path.resolve(__dirname, '..', '..', '..', 'web', 'src');
const LANGUAGES = ['nl', 'en', 'de', 'pl', 'ro', 'bg', 'hu', 'pt'];

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((all, [key, value]) => {
    const full = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? { ...all, [full]: value } : { ...all, ...flatten(value, full) };
  }, {});
}
function load(language: string, namespace: string): Record<string, string> {
  return flatten(JSON.parse(readFileSync(path.join(LOCALES, language, `${namespace}.json`), 'utf8')) as Tree);
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();
/** i18next's plural forms differ per language (one/other vs one/few/many/other): compared by their base key. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

const namespaces = readdirSync(path.join(LOCALES, 'en')).map((f) => f.replace(/\.json$/, '')).sort();

describe('the portal translations', () => {
  it('has the eight languages, each with the namespaces English has', () => {
    expect(readdirSync(LOCALES).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      expect({ language, namespaces: readdirSync(path.join(LOCALES, language)).map((f) => f.replace(/\.json$/, '')).sort() }).toEqual({ language, namespaces });
    }
  });

  it.each(namespaces)('%s: every language has every key, none empty, with the same placeholders', (namespace) => {
    const english = load('en', namespace);
    const englishBases = [...new Set(Object.keys(english).map(baseKey))].sort();
    for (const language of LANGUAGES) {
      const texts = load(language, namespace);
      expect({ language, keys: [...new Set(Object.keys(texts).map(baseKey))].sort() }).toEqual({ language, keys: englishBases });
      for (const [key, text] of Object.entries(texts)) {
        expect({ language, key, empty: text.trim() === '' }).toEqual({ language, key, empty: false });
        const english = load('en', namespace)[key] ?? load('en', namespace)[`${baseKey(key)}_other`];
        expect({ language, key, placeholders: placeholders(text) }).toEqual({ language, key, placeholders: placeholders(english ?? text) });
      }
    }
  });

  it('knows every literal key the screens ask for', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) return name === 'gql' ? [] : files(full);
        return /\.tsx?$/.test(name) ? [full] : [];
      });
    const unknown: string[] = [];
    for (const file of files(SRC)) {
      const source = readFileSync(file, 'utf8');
      const namespace = /useTranslation\(\s*'(\w+)'/.exec(source)?.[1] ?? 'common';
      for (const match of source.matchAll(/\bt\(\s*'([\w.:-]+)'/g)) {
        const [ns, key] = match[1].includes(':') ? match[1].split(':') : [namespace, match[1]];
        const english = namespaces.includes(ns) ? load('en', ns) : {};
        if (!(key in english) && !(`${key}_one` in english) && !(`${key}_other` in english)) unknown.push(`${path.relative(SRC, file)}: ${ns}:${key}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
