import { createRequire } from 'node:module';

/*
 * A Cyrillic "с" typed into "Viсtor" makes two names that look identical compare as
 * different. Following Unicode's confusables (UTS #39) through the unhomoglyph package,
 * a word that mixes Latin letters with Cyrillic or Greek ones has those letters replaced by
 * the Latin letters they look like. A word wholly in one script is left alone, so
 * "Байменов" stays Cyrillic and is never mistaken for Latin.
 */

// Its table (6,000 characters, compiled into one expression) loads on the first mixed-script
// word: about 10 ms that a command meeting none never pays.
let table: ((text: string) => string) | undefined;
const unhomoglyph = (text: string) => (table ??= createRequire(import.meta.url)('unhomoglyph') as (text: string) => string)(text);

const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const WORD = /[\p{L}\p{M}]+/gu;

export interface MixedChar {
  char: string;
  /** U+0441 */
  codepoint: string;
  script: 'Cyrillic' | 'Greek';
  /** The Latin letter it looks like, when it looks like one. */
  latin?: string;
}

export interface MixedWord {
  word: string;
  index: number;
  chars: MixedChar[];
  /** The word with every look-alike replaced by its Latin letter (undefined if some have none). */
  fixed?: string;
}

function latinLookalike(char: string): string | undefined {
  const proto = unhomoglyph(char);
  if (proto === char) return undefined;
  // Prototypes come in one case: keep the case of the letter replaced. The prototype of a
  // capital I-like letter is "l", which in a name is the I it stands for.
  const upper = char !== char.toLowerCase();
  if (proto === 'l') return upper ? 'I' : 'l';
  const latin = upper ? proto.toUpperCase() : proto.toLowerCase();
  return /^[a-zA-Z]$/.test(latin) ? latin : undefined;
}

/** Words of `text` that mix Latin letters with Cyrillic or Greek ones, with what each odd letter should be. */
export function findMixedScript(text: string): MixedWord[] {
  const found: MixedWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!LATIN.test(word) || !LOOKALIKE_SCRIPT.test(word)) continue;
    const chars: MixedChar[] = [];
    for (const char of word) {
      if (!LOOKALIKE_SCRIPT.test(char)) continue;
      const latin = latinLookalike(char);
      chars.push({
        char,
        codepoint: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
        script: /\p{Script=Greek}/u.test(char) ? 'Greek' : 'Cyrillic',
        ...(latin ? { latin } : {}),
      });
    }
    const fixable = chars.every((c) => c.latin !== undefined);
    const fixed = fixable ? [...word].map((c) => chars.find((m) => m.char === c)?.latin ?? c).join('') : undefined;
    found.push({ word, index: match.index, chars, ...(fixed ? { fixed } : {}) });
  }
  return found;
}

/** `text` with the look-alike letters of mixed-script words replaced by Latin ones: how names are compared. */
export function latinSkeleton(text: string): string {
  if (!LOOKALIKE_SCRIPT.test(text) || !LATIN.test(text)) return text;
  return text.replace(WORD, (word) => {
    if (!LATIN.test(word) || !LOOKALIKE_SCRIPT.test(word)) return word;
    return [...word].map((c) => (LOOKALIKE_SCRIPT.test(c) ? (latinLookalike(c) ?? c) : c)).join('');
  });
}
