import { latinSkeleton } from '../confusables.js';
import { editDistance, foldCase, transliterate } from '../text.js';

/*
 * Are two spellings one person? Each name is taken apart (honorifics, suffixes and middle
 * initials set aside, every script transliterated to ASCII), then the two are compared by
 * rules that each describe one way sources misspell a name. A rule fires only on evidence a
 * different person's name would rarely give, so distinct people are rarely paired (the
 * benchmark measures it on thousands of generated names).
 */

export interface ParsedName {
  /** Words of two letters or more, ASCII, lowercase, in order. */
  words: string[];
  /** Single letters: initials, in order. */
  initials: string[];
  honorific: boolean;
  suffix: boolean;
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'madam', 'dame', 'he', 'hon', 'amb', 'ambassador']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd']);

export function parseName(name: string): ParsedName {
  // "H.E." is one honorific, not two initials.
  const text = foldCase(latinSkeleton(name)).replace(/\bh\.\s*e\.?(?=\s|$)/g, ' he ');
  const parts = transliterate(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const parsed: ParsedName = { words: [], initials: [], honorific: false, suffix: false };
  parts.forEach((part, i) => {
    if (HONORIFICS.has(part) && i < parts.length - 1) parsed.honorific = true;
    else if (SUFFIXES.has(part) && i > 0) parsed.suffix = true;
    else if (part.length === 1) parsed.initials.push(part);
    else parsed.words.push(part);
  });
  return parsed;
}

/** A spelling-insensitive form of a word: the letters transliteration systems disagree on, merged. */
export function soundKey(word: string): string {
  return word
    .replace(/dzh|dj|zh|j/g, 'j')
    .replace(/kh|ch(?=[^aeiou]|$)/g, 'h')
    .replace(/sch|sh/g, 's')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/ck|q/g, 'k')
    .replace(/ts|tz/g, 'c')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

export interface NameMatch {
  confidence: number;
  reason: string;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

/** Whether the initials of one name could stand for the words and initials of the other. */
function initialsFit(short: ParsedName, long: ParsedName): boolean {
  if (short.initials.length === 0) return true;
  const letters = [...long.words.slice(0, -1).map((w) => w[0]!), ...long.initials];
  return short.initials.every((i, n) => letters[n] === i);
}

/** How likely two spellings are one person, and why; undefined when nothing suggests it. */
export function compareNames(aText: string, bText: string): NameMatch | undefined {
  const a = parseName(aText);
  const b = parseName(bText);
  if (a.words.length === 0 || b.words.length === 0) return undefined;
  if (same(a.words, b.words)) {
    // Only what was set aside differs; initials that disagree mean two people ("A. Kim", "B. Kim").
    const [x, y] = a.initials.length <= b.initials.length ? [a, b] : [b, a];
    if (x.initials.length > 0 && !x.initials.every((letter, n) => y.initials[n] === letter)) return undefined;
    const why = [
      a.honorific !== b.honorific ? 'an honorific' : '',
      a.suffix !== b.suffix ? 'a suffix' : '',
      a.initials.length !== b.initials.length ? 'an initial' : '',
    ].filter(Boolean);
    return { confidence: 0.95, reason: why.length > 0 ? `the same name but for ${why.join(' and ')}` : 'the same name written differently (capitals, spacing or punctuation)' };
  }
  if (a.words.length >= 2 && same(a.words, [...b.words].reverse())) return { confidence: 0.9, reason: 'the same names in reverse order' };
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  const surname = long.words.at(-1)!;
  if (short.words.length === 1 && long.words.length >= 2 && short.words[0] === surname) {
    if (short.initials.length > 0 && initialsFit(short, long)) return { confidence: 0.85, reason: 'an initial for the given name' };
    if (short.initials.length === 0 && short.honorific) return { confidence: 0.7, reason: 'the surname alone, with an honorific' };
    return undefined;
  }
  if (a.words.length !== b.words.length || !initialsCompatible(a, b)) return undefined;
  const differing = a.words.map((_, i) => i).filter((i) => a.words[i] !== b.words[i]);
  if (differing.length === 1) {
    const i = differing[0]!;
    const [x, y] = [a.words[i]!, b.words[i]!];
    const last = i === a.words.length - 1;
    const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
    if (last && shorter.length >= 5 && longer.startsWith(shorter) && longer.length - shorter.length <= 4) return { confidence: 0.8, reason: 'a truncated surname' };
    const middle = i > 0 && !last;
    // A slip of the pen rarely changes a name's first letter; Fernández and Hernández are two names.
    if (x[0] === y[0] && editDistance(x, y) === 1 && ((last && shorter.length >= 6) || (middle && shorter.length >= 2))) return { confidence: 0.75, reason: `${last ? 'surnames' : 'names'} one letter apart` };
  }
  if (a.words.every((w, i) => soundKey(w) === soundKey(b.words[i]!)) && differing.some((i) => a.words[i]!.length >= 4)) {
    return { confidence: 0.8, reason: 'transliteration variants' };
  }
  return undefined;
}

function initialsCompatible(a: ParsedName, b: ParsedName): boolean {
  return a.initials.length === 0 || b.initials.length === 0 || same(a.initials, b.initials);
}

/**
 * Keys under which a name is filed so that candidate pairs meet without comparing every
 * name with every other: each word's sound key, and each long word with one letter left out.
 */
export function blockingKeys(name: string): string[] {
  const keys = new Set<string>();
  for (const word of parseName(name).words) {
    keys.add(`s:${soundKey(word)}`);
    if (word.length >= 6) keys.add(`p:${word.slice(0, 5)}`);
    if (word.length >= 2 && word.length <= 24) for (let i = 0; i < word.length; i++) keys.add(`d:${word.slice(0, i)}${word.slice(i + 1)}`);
    keys.add(`d:${word}`);
  }
  return [...keys];
}
