import { createRequire } from 'node:module';
import { latinSkeleton } from './confusables.js';

/*
 * any-ascii's tables are half a megabyte of code, about 13 ms to load, and most commands make
 * no slug (the listing imports this module): they load when the first slug is made.
 */
let anyAscii: ((text: string) => string) | undefined;
export function transliterate(text: string): string {
  anyAscii ??= (createRequire(import.meta.url)('any-ascii') as { default: (text: string) => string }).default;
  return anyAscii(text);
}

/**
 * Unicode case folding. JavaScript has no full case fold, so lower-casing after NFKC is
 * completed with the folds that lower-casing misses (ß, final sigma). Turkish capital İ
 * lower-cases to i plus a combining dot; the dot is dropped so "ÇELİK" matches "Çelik",
 * while dotless ı stays a letter of its own, as in Unicode's default folding.
 */
export function foldCase(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/i\u0307/g, 'i').replace(/ß/g, 'ss').replace(/ς/g, 'σ').normalize('NFKC');
}

/** Removes combining marks: "Türkiye" and "Turkiye" compare equal; Cyrillic й keeps its breve via NFC. */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/**
 * The key two spellings of a name share when they name the same person: look-alike letters
 * in mixed-script words made Latin, case folded, punctuation turned into spaces, whitespace
 * collapsed. "Mr.Baimenov" → "mr baimenov"; "Viсtor" (Cyrillic с) → "victor".
 */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = foldCase(latinSkeleton(name))
      .replace(/[\p{P}\p{S}]+/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim();
    if (nameKeys.size < MAX_REMEMBERED_KEYS) nameKeys.set(name, key);
  }
  return key;
}

/*
 * A key costs normalisation, case folding and a look-alike check (about 10 µs); the same
 * names come back in every pass (a full build keys each registry name when writing it and
 * again when building the registry the events resolve against: 25–35 ms of 10,000 events).
 * Bounded so a long-lived caller's memory stays small.
 */
const nameKeys = new Map<string, string>();
const MAX_REMEMBERED_KEYS = 50_000;

/** A looser key for look-ups typed by people: also ignores accents ("turkiye" finds "Türkiye"). */
export function searchKey(text: string): string {
  return stripMarks(nameKey(text));
}

/** Lowercase kebab-case ASCII, transliterating any script: "Türkiye Forum" → "turkiye-forum". */
export function slugify(text: string, maxLength = 120): string {
  const slug = transliterate(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  return slug.slice(0, maxLength).replace(/-[^-]*$/, '').replace(/-+$/, '') || slug.slice(0, maxLength);
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, prevPrev[j - 2]! + 1);
      }
      current[j] = best;
    }
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[n]!;
}

/**
 * The candidates close enough to `input` to be what the user meant, best first. Closeness
 * is judged on folded keys, and allows about one edit per four characters.
 */
export function suggest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const key = searchKey(input);
  if (key === '') return [];
  const scored: Array<{ candidate: string; distance: number }> = [];
  for (const candidate of candidates) {
    const other = searchKey(candidate);
    const budget = Math.max(1, Math.floor(Math.max(key.length, other.length) / 4));
    const distance = other.startsWith(key) && key.length >= 3 ? 0.5 : editDistance(key, other);
    if (distance <= budget) scored.push({ candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || compareText(a.candidate, b.candidate));
  return [...new Set(scored.map((s) => s.candidate))].slice(0, limit);
}

let collator: Intl.Collator | undefined;

/** Locale-aware ordering for names in any script (Latin, Cyrillic, Hangul side by side). */
export function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Makes the first compareText cheap. V8 builds its list of ICU locales the first time any
 * collator is made (6-9 ms here), so a command that will sort names calls this while it has
 * nothing else to do (see SyncOptions.whileListing).
 */
export function prepareCompareText(): void {
  compareText('a', 'b');
}

/**
 * The order SQLite's BINARY collation gives UTF-8 text, which is code point order. JavaScript's
 * `<` compares UTF-16 units, which puts astral characters (emoji, rare CJK) before U+E000–U+FFFF.
 */
export function compareBinary(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) - unitRank(y);
  }
  return a.length - b.length;
}

// Surrogates (astral code points) move above U+E000–U+FFFF, which move down to make room.
const unitRank = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);
