import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBinary, compareText, editDistance, foldCase, nameKey, searchKey, slugify, suggest } from '../../src/core/text.js';

describe('name keys', () => {
  it('fold case, punctuation and spacing so spellings of one name meet', () => {
    expect(nameKey('Mr.Baimenov')).toBe('mr baimenov');
    expect(nameKey('  Alikhan   BAIMENOV ')).toBe('alikhan baimenov');
    expect(nameKey('Seo-chong Hwang')).toBe(nameKey('seo chong hwang'));
  });

  it('fold beyond lower-casing: ß, final sigma, compatibility forms', () => {
    expect(foldCase('Straße')).toBe('strasse');
    expect(foldCase('ΟΔΥΣΣΕΥΣ')).toBe(foldCase('οδυσσευς'));
    expect(foldCase('ﬁnance')).toBe('finance');
  });

  it('keep Cyrillic and Hangul intact while folding case', () => {
    expect(nameKey('КЫРГЫЗСТАН')).toBe('кыргызстан');
    expect(nameKey('대한민국')).toBe('대한민국');
  });

  it('search keys also ignore accents', () => {
    expect(searchKey('Türkiye')).toBe('turkiye');
    expect(searchKey('TURKIYE')).toBe('turkiye');
  });
});

describe('slugify', () => {
  it('transliterates any script to kebab-case ASCII', () => {
    expect(slugify('Türkiye Forum 2024')).toBe('turkiye-forum-2024');
    expect(slugify('Кыргызстан')).toBe('kyrgyzstan');
    expect(slugify('대한민국')).toMatch(/^[a-z0-9-]+$/);
  });

  it('bounds the length at a word boundary', () => {
    const slug = slugify('word '.repeat(60), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('suggestions', () => {
  it('measures edits with transpositions', () => {
    expect(editDistance('speakers', 'speakrs')).toBe(1);
    expect(editDistance('speakers', 'speakres')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests close candidates and nothing for unrelated input', () => {
    expect(suggest('speakr', ['speakers', 'sources', 'status'])).toEqual(['speakers']);
    expect(suggest('zzzz', ['speakers', 'sources'])).toEqual([]);
  });

  it('sorts names in any script with a locale-aware collator', () => {
    const names = ['Ülker', 'Zhailganova', 'Ahmet', 'Ömer', 'Анар', '김'];
    const sorted = [...names].sort(compareText);
    expect(sorted.slice(0, 4)).toEqual(['Ahmet', 'Ömer', 'Ülker', 'Zhailganova']);
    expect(sorted.indexOf('Анар')).toBeLessThan(sorted.indexOf('김'));
  });
});

describe('Turkish dotted capital I', () => {
  it('matches names written in capitals to the same name in lower case, and keeps dotless ı apart', () => {
    expect(nameKey('ÖZLEM ÇELİK')).toBe(nameKey('Özlem Çelik'));
    expect(nameKey('İlker')).toBe('ilker');
    expect(nameKey('Yılmaz')).not.toBe(nameKey('Yilmaz'));
  });
});

describe('compareBinary', () => {
  it('orders text as SQLite compares UTF-8 bytes, astral characters included', () => {
    expect(compareBinary('\uff01', '😀')).toBeLessThan(0);
    expect('\uff01' < '😀').toBe(false);
    expect(compareBinary('Институт', 'институт')).toBeLessThan(0);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(compareBinary(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
    );
  });
});
