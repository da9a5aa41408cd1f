import { createRequire } from 'node:module';
import { formatAlternatives } from './errors.js';
import { searchKey, suggest } from './text.js';

/*
 * Country codes and names come from i18n-iso-countries. English and Russian are the
 * contract's languages; Kazakh, Kyrgyz and Korean are loaded too, so "Кыргызстан" and
 * "대한민국" are understood. Locales load only when a name must be looked up.
 */
const require = createRequire(import.meta.url);
type CountriesLib = typeof import('i18n-iso-countries');
const LOOKUP_LANGS = ['en', 'ru', 'kk', 'ky', 'ko'] as const;
/** The languages country names are written in (`hub countries --lang`). */
export const NAME_LANGS = ['en', 'ru', 'kk'] as const;
export type NameLang = (typeof NAME_LANGS)[number];

let lib: CountriesLib | undefined;
const loadedLangs = new Set<string>();
let nameIndex: Map<string, string> | undefined;

function countries(...langs: string[]): CountriesLib {
  lib ??= require('i18n-iso-countries') as CountriesLib;
  for (const lang of langs) {
    if (loadedLangs.has(lang)) continue;
    lib.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    loadedLangs.add(lang);
  }
  return lib;
}

let codes: Set<string> | undefined;

/** Checking a code needs only the library's code table, not its names: cheap at start-up. */
export function isCountryCode(value: string): boolean {
  codes ??= new Set((require('i18n-iso-countries/codes.json') as string[][]).map((row) => row[0]!));
  return codes.has(value);
}

/*
 * Where the library's English name is not the one the Hub writes. Its sources name KR "the
 * Republic of Korea" (as the Russian name, Республика Корея, does); the library's first
 * English name is "South Korea". Looking a country up still takes every name.
 */
const ENGLISH_NAMES: Record<string, string> = { KR: 'Republic of Korea' };

export function countryName(code: string, lang: NameLang = 'en'): string | undefined {
  if (lang === 'en' && Object.hasOwn(ENGLISH_NAMES, code)) return ENGLISH_NAMES[code];
  return countries(lang).getName(code, lang, { select: 'official' }) ?? undefined;
}

/** Every name of every country in the look-up languages, folded, to its code. */
function namesIndex(): Map<string, string> {
  if (nameIndex) return nameIndex;
  const c = countries(...LOOKUP_LANGS);
  nameIndex = new Map();
  for (const lang of LOOKUP_LANGS) {
    for (const [code, names] of Object.entries(c.getNames(lang, { select: 'all' }))) {
      for (const name of names) {
        const key = searchKey(name);
        if (!nameIndex.has(key)) nameIndex.set(key, code);
      }
    }
  }
  for (const code of Object.keys(c.getAlpha3Codes())) {
    nameIndex.set(searchKey(code), c.alpha3ToAlpha2(code)!);
  }
  return nameIndex;
}

/** A code for a code or a name in English, Russian, Kazakh, Kyrgyz or Korean; undefined if none. */
export function resolveCountry(input: string): string | undefined {
  const trimmed = input.trim();
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && isCountryCode(upper)) return upper;
  return namesIndex().get(searchKey(trimmed));
}

/**
 * Countries a mistyped or partial name may mean, as "KR (Republic of Korea)". A word of the
 * input found in a country's name counts ("Korea" → KR, KP), as does a near spelling.
 */
export function suggestCountries(input: string, limit = 3): string[] {
  const key = searchKey(input);
  if (key === '') return [];
  const index = namesIndex();
  const scores = new Map<string, number>();
  for (const [name, code] of index) {
    if (name.length <= 3) continue;
    const words = name.split(' ');
    if (words.includes(key) || (key.length >= 4 && name.startsWith(key))) {
      // Summed, so a country with several names that fit outranks one with a single name.
      scores.set(code, (scores.get(code) ?? 0) + key.length / name.length);
    }
  }
  for (const name of suggest(key, [...index.keys()].filter((n) => n.length > 3), 3)) {
    const code = index.get(name)!;
    scores.set(code, Math.max(scores.get(code) ?? 0, 0.5));
  }
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([code]) => `${code} (${countryName(code)})`);
}

/** "`Korea` is not an ISO 3166 code: did you mean KR (Republic of Korea)?" */
export function describeBadCountry(value: unknown): string {
  if (typeof value !== 'string') return 'must be an ISO 3166-1 alpha-2 code such as KZ';
  const upper = value.toUpperCase();
  if (upper !== value && isCountryCode(upper)) return `\`${value}\` must be written in capitals: ${upper}`;
  const code = resolveCountry(value);
  if (code) return `\`${value}\` is not an ISO 3166 code: use ${code} (${countryName(code)})`;
  const options = suggestCountries(value);
  if (options.length > 0) return `\`${value}\` is not an ISO 3166 code: did you mean ${formatAlternatives(options)}?`;
  return `\`${value}\` is not an ISO 3166-1 alpha-2 code: use two capital letters such as KZ, KR or TR`;
}

/** Countries whose code or one of whose names starts with, or holds, what was typed: for pickers. */
export function findCountries(input: string, limit = 8): string[] {
  const key = searchKey(input);
  if (key === '') return [];
  const rank = new Map<string, number>();
  const exact = resolveCountry(input);
  if (exact) rank.set(exact, 0);
  for (const [name, code] of namesIndex()) {
    const score = name.startsWith(key) ? 1 : name.includes(key) ? 2 : undefined;
    if (score !== undefined && score < (rank.get(code) ?? 3)) rank.set(code, score);
  }
  return [...rank.entries()]
    .sort((a, b) => a[1] - b[1] || (countryName(a[0]) ?? a[0]).localeCompare(countryName(b[0]) ?? b[0]))
    .slice(0, limit)
    .map(([code]) => code);
}
