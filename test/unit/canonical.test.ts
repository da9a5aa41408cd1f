import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatRecordText, renderRecord } from '../../src/core/canonical.js';
import { eventIdFor, firstFreeId, registryIdFor } from '../../src/core/ids.js';
import { findCountries } from '../../src/core/countries.js';
import { matchChoices } from '../../src/core/query/choices.js';
import { isValidId } from '../../src/core/records.js';

const MODELINE = ' yaml-language-server: $schema=../../schemas/event.schema.json';

// Text as people write it: any script, punctuation YAML cares about, edges with spaces and line breaks.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 140 }),
  fc.constantFrom('Türkiye: 2024', '- a dash', '#hash', "it's \"quoted\"", 'yes', 'null', '2024', ' leading', 'trailing ', 'two\nlines', 'Кыргызстан', '대한민국', '@mention', '*star', 'a: b'),
);
const slug = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,3}$/);
const speaker = fc.record(
  { name: text, honorific: fc.constantFrom('Mr.', 'Ms.', 'Dr.'), position: text, country: fc.constantFrom('KZ', 'KR', 'TR'), role: fc.constantFrom('panelist', 'keynote') },
  { requiredKeys: ['name'] },
);
const event = fc.record(
  {
    title: text,
    type: fc.constantFrom('webinar', 'conference'),
    start: fc.oneof(fc.constantFrom('2024-04-12', '2024-04'), fc.integer({ min: 1990, max: 2030 })),
    topics: fc.array(slug, { maxLength: 6 }),
    countries: fc.array(fc.constantFrom('KZ', 'KG', 'KR', 'TR', 'UZ'), { maxLength: 12 }),
    attendance: fc.record({ participants: fc.nat(), approximate: fc.boolean() }),
    speakers: fc.array(speaker, { maxLength: 3 }),
    quotes: fc.array(fc.record({ speaker: text, text }), { maxLength: 2 }),
    summary: text,
    notes: text,
  },
  { requiredKeys: ['title', 'type', 'start'] },
);

describe('canonical form', () => {
  it('writes any record so that it reads back the same and formatting it again changes nothing', () => {
    fc.assert(
      fc.property(event, (data) => {
        const written = renderRecord('event', data, MODELINE);
        expect(parse(written)).toEqual(data);
        const again = formatRecordText('event', written, MODELINE);
        expect(again).toEqual({ ok: true, text: written, changed: false });
      }),
      { numRuns: 300 },
    );
  });

  it('formats any rendering of a record (keys shuffled, other styles) to one fixed point', () => {
    fc.assert(
      fc.property(event, fc.integer(), (data, seed) => {
        const keys = Object.keys(data).sort((a, b) => ((a.length * seed) % 7) - ((b.length * seed) % 7));
        const shuffled = Object.fromEntries(keys.map((k) => [k, (data as Record<string, unknown>)[k]]));
        const first = formatRecordText('event', JSON.stringify(shuffled, null, 2), MODELINE);
        if (!first.ok) throw new Error(first.message);
        expect(parse(first.text)).toEqual(data);
        expect(formatRecordText('event', first.text, MODELINE)).toEqual({ ok: true, text: first.text, changed: false });
      }),
      { numRuns: 200 },
    );
  });

  it('puts the $schema line first, replacing a stale one, and keeps the other comments', () => {
    const result = formatRecordText('person', '# yaml-language-server: $schema=old.json\n# Named in the 2024 panel.\nname: Facer\n', ' yaml-language-server: $schema=../schemas/person.schema.json');
    expect(result).toEqual({ ok: true, changed: true, text: '# yaml-language-server: $schema=../schemas/person.schema.json\n# Named in the 2024 panel.\nname: Facer\n' });
  });

  it('refuses text that does not parse', () => {
    expect(formatRecordText('event', 'title: [unclosed\n')).toMatchObject({ ok: false });
  });
});

describe('ids', () => {
  it('are made from the start date and a transliterated title, bounded in length', () => {
    expect(eventIdFor('2024-04-12', 'Digital Transformation in Civil Service HRM')).toBe('2024-04-12-digital-transformation-in-civil-service-hrm');
    expect(eventIdFor('2020', 'Цифровая трансформация')).toBe('2020-tsifrovaya-transformatsiya');
    expect(eventIdFor('2024-05', 'Türkiye–Kazakhstan Forum')).toBe('2024-05-turkiye-kazakhstan-forum');
    expect(registryIdFor('Seo-chong Hwang')).toBe('seo-chong-hwang');
    expect(registryIdFor('황서종')).toMatch(/^[a-z0-9-]+$/);
    expect(eventIdFor('2024', '!!!')).toMatch(/^2024-x-[0-9a-f]{10}$/);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (title) => {
        const id = eventIdFor('2024-04-12', title);
        expect(isValidId(id)).toBe(true);
        expect(id.length).toBeLessThanOrEqual(91);
      }),
    );
  });

  it('get the first free suffix when taken', () => {
    const taken = new Set(['a', 'a-2']);
    expect(firstFreeId('a', (id) => taken.has(id))).toBe('a-3');
    expect(firstFreeId('b', (id) => taken.has(id))).toBe('b');
  });
});

describe('pickers', () => {
  const people = [
    { id: 'alikhan-baimenov', names: ['Alikhan Baimenov', 'Mr.Baimenov', 'A. Baimenov'] },
    { id: 'seo-chong-hwang', names: ['Seo-chong Hwang'] },
    { id: 'aigul-ozturk', names: ['Aigül Öztürk'] },
  ];
  it('match any name or alias, every word, accents and case ignored', () => {
    expect(matchChoices('baim', people, (p) => p.names).map((p) => p.id)).toEqual(['alikhan-baimenov']);
    expect(matchChoices('ozturk aigul', people, (p) => p.names).map((p) => p.id)).toEqual(['aigul-ozturk']);
    expect(matchChoices('HWANG', people, (p) => p.names).map((p) => p.id)).toEqual(['seo-chong-hwang']);
    expect(matchChoices('', people, (p) => p.names)).toHaveLength(3);
  });

  it('find countries by a name in several languages or by code', () => {
    expect(findCountries('Kazakh')[0]).toBe('KZ');
    expect(findCountries('Казах')[0]).toBe('KZ');
    expect(findCountries('kr')[0]).toBe('KR');
    expect(findCountries('Türk')).toContain('TR');
  });
});
