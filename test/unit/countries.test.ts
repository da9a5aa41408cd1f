import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { countryName, describeBadCountry, resolveCountry, suggestCountries } from '../../src/core/countries.js';
import { parseCountryFilter } from '../../src/core/query/filters.js';
import { NotFoundError } from '../../src/core/errors.js';

describe('country look-up', () => {
  it.each([
    ['KZ', 'KZ'], ['kz', 'KZ'], ['Kazakhstan', 'KZ'], ['Казахстан', 'KZ'], ['Türkiye', 'TR'], ['turkiye', 'TR'],
    ['Turkey', 'TR'], ['Турция', 'TR'], ['Republic of Korea', 'KR'], ['대한민국', 'KR'], ['Кыргызстан', 'KG'], ['Kyrgyzstan', 'KG'],
    ['United States', 'US'], ['KAZ', 'KZ'],
  ])('%s → %s', (input, code) => {
    expect(resolveCountry(input)).toBe(code);
  });

  it('does not guess at names it does not know', () => {
    expect(resolveCountry('Korea')).toBeUndefined();
    expect(resolveCountry('Narnia')).toBeUndefined();
  });

  it('suggests codes for partial and misspelt names', () => {
    expect(suggestCountries('Korea')).toEqual(['KR (Republic of Korea)', 'KP (North Korea)']);
    expect(suggestCountries('Kazakstan')[0]).toBe('KZ (Kazakhstan)');
  });

  it('explains a country written as a name where a code belongs', () => {
    expect(describeBadCountry('Korea')).toBe('`Korea` is not an ISO 3166 code: did you mean KR (Republic of Korea) or KP (North Korea)?');
    expect(describeBadCountry('Kazakhstan')).toBe('`Kazakhstan` is not an ISO 3166 code: use KZ (Kazakhstan)');
    expect(describeBadCountry('kz')).toBe('`kz` must be written in capitals: KZ');
  });

  it('names the Republic of Korea as the Hub does, and still finds it by any of its names', () => {
    expect(countryName('KR')).toBe('Republic of Korea');
    expect(countryName('KR', 'ru')).toBe('Республика Корея');
    expect(['South Korea', 'Republic of Korea', 'Korea, Republic of', '대한민국'].map((name) => resolveCountry(name))).toEqual(['KR', 'KR', 'KR', 'KR']);
  });

  it('names countries in English, Russian and Kazakh', () => {
    expect(countryName('KZ')).toBe('Kazakhstan');
    expect(countryName('KZ', 'ru')).toBe('Казахстан');
    expect(countryName('KZ', 'kk')).toBe('Қазақстан');
  });

  it('filters exit as not found, with suggestions, for unknown countries', () => {
    expect(() => parseCountryFilter('Kazakstan')).toThrow(NotFoundError);
    expect(() => parseCountryFilter('Kazakstan')).toThrow(/did you mean KZ \(Kazakhstan\)/);
  });

  it('the schema lists exactly the library\'s codes', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/defs.schema.json', import.meta.url), 'utf8'));
    const lib = createRequire(import.meta.url)('i18n-iso-countries');
    expect(schema.$defs.countryCode.enum).toEqual(Object.keys(lib.getAlpha2Codes()).sort());
  });
});
