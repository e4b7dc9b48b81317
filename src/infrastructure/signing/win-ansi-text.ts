/*
 * The evidence page is written in Helvetica, one of the 14 standard PDF fonts: every reader has it
 * and nothing is embedded. Its WinAnsi encoding has no Cyrillic, no Romanian ș/ț and no Polish ł,
 * and pdf-lib throws on such a character. So text is made showable first: a character the font
 * has stays, a Cyrillic letter is transliterated (the Bulgarian streamlined system), a letter with
 * a diacritic the font lacks loses the diacritic, and anything else becomes "?". The exact text
 * travels unchanged in the evidence.json attachment of the same signed file.
 */

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya',
  // Russian, Ukrainian, Serbian and Macedonian letters a worker may still type.
  ё: 'yo', ы: 'y', э: 'e', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj',
  ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

/** Latin letters whose diacritic is not a combining mark that NFD can strip. */
const LATIN: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i', ŀ: 'l', Ŀ: 'L', ŧ: 't', Ŧ: 'T',
  '\u2010': '-', '\u2011': '-', '\u2212': '-', '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ',
};

export class WinAnsiText {
  constructor(private readonly charset: ReadonlySet<number>) {}

  /** One line of text the font can show; line breaks and tabs become spaces. */
  showable(text: string): string {
    let out = '';
    for (const char of text.replace(/[\t\r\n\v\f]/g, ' ')) out += this.character(char);
    return out;
  }

  private character(char: string): string {
    if (this.has(char)) return char;
    const lower = char.toLowerCase();
    const cyrillic = CYRILLIC[lower];
    if (cyrillic !== undefined) return char === lower ? cyrillic : capitalise(cyrillic);
    const latin = LATIN[char];
    if (latin !== undefined) return latin;
    const base = char.normalize('NFD').replace(/\p{M}+/gu, '');
    if (base !== '' && base !== char && [...base].every((c) => this.has(c))) return base;
    return /\p{M}/u.test(char) || /\p{Cc}|\p{Cf}/u.test(char) ? '' : '?';
  }

  private has(char: string): boolean {
    return this.charset.has(char.codePointAt(0)!);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
