import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../src/core/load-record.js';
import { locateIssues } from '../../src/core/locate.js';
import type { RecordKind } from '../../src/core/records.js';

/** Checks one record's text as `hub validate` would, without cross-record rules. */
function problems(text: string, kind: RecordKind = 'event') {
  const read = checkBytes(kind, 'x.yaml', Buffer.from(text));
  return locateIssues(text, read.issues).map((i) => `${i.line}:${i.col} ${i.message}`);
}

describe('schema problems in plain words, at the right place', () => {
  it('accepts a minimal event and a full one', () => {
    expect(problems('title: T\ntype: webinar\nstart: 2024\n')).toEqual([]);
    expect(
      problems(`title: T
type: conference
start: 2024-04-12
end: 2024-04-16
status: held
format: hybrid
location: { venue: Hall, city: Astana, country: KZ }
organizers: [acsh]
topics: [hrm]
attendance: { participants: 250, countries: 12, approximate: true }
countries: [KZ, TR]
speakers:
  - { person: a-b, role: keynote, country: KZ }
  - { name: Пан Сук Ким, honorific: Dr. }
quotes: [{ speaker: a-b, text: "Hello" }]
presentations: [{ title: Slides, file: files/a.pdf, url: "https://example.org/a" }]
sources: [{ url: "https://example.org", published: 2024-04 }]
`),
    ).toEqual([]);
  });

  it('a misspelt key, at the key, with a suggestion', () => {
    expect(problems('title: T\ntype: webinar\nstart: 2024\nspeakr: []\n')).toEqual(['4:1 unknown key `speakr` (did you mean `speakers`?)']);
  });

  it('a key written one level too high says where it belongs', () => {
    expect(problems('title: T\ntype: webinar\nstart: 2024\nparticipants: 200\n')).toEqual([
      '4:1 unknown key `participants`: it belongs under `attendance`, as `attendance: {participants: ...}`',
    ]);
  });

  it('a bad date, at the value, saying why', () => {
    expect(problems('title: T\ntype: webinar\nstart: 2023-02-29\n')).toEqual([
      '3:8 `start` must be a date like 2024-04-12, 2024-04 or 2024: `2023-02-29` is not a real date (February 2023 has 28 days)',
    ]);
    expect(problems('title: T\ntype: webinar\nstart: spring 2024\n')).toEqual(['3:8 `start` must be a date like 2024-04-12, 2024-04 or 2024, not `spring 2024`']);
  });

  it('a date written another way says how to write it', () => {
    expect(problems('title: T\ntype: webinar\nstart: April 2024\n')).toEqual(['3:8 `start` must be a date like 2024-04-12, 2024-04 or 2024, not `April 2024`: write `start: 2024-04`']);
    expect(problems('title: T\ntype: webinar\nstart: 20240412\n')).toEqual(['3:8 `start` must be a date like 2024-04-12, 2024-04 or 2024, not `20240412`: write `start: 2024-04-12`']);
    expect(problems('title: T\ntype: webinar\nstart: 2024\nend: 12.04.2024\nsources: [{ published: 2024-04-12T09:30 }]\n')).toEqual([
      '4:6 `end` must be a date like 2024-04-12, 2024-04 or 2024, not `12.04.2024`: write `end: 2024-04-12`',
      '5:24 `published` must be a date like 2024-04-12, 2024-04 or 2024, not `2024-04-12T09:30`: write `published: 2024-04-12`',
    ]);
  });

  it('a missing required key, at the start of the record', () => {
    expect(problems('# a comment\ntype: webinar\nstart: 2024\n')).toEqual(['2:1 missing required key `title`: an event needs `title`, `type` and `start`']);
  });

  it('a country name instead of a code', () => {
    expect(problems('title: T\ntype: webinar\nstart: 2024\nlocation:\n  country: Korea\n')).toEqual([
      '5:12 `Korea` is not an ISO 3166 code: did you mean KR (Republic of Korea) or KP (North Korea)?',
    ]);
    expect(problems('title: T\ntype: webinar\nstart: 2024\ncountries: [KZ, Kazakhstan]\n')).toEqual(['4:17 `Kazakhstan` is not an ISO 3166 code: use KZ (Kazakhstan)']);
  });

  it('a value outside an enumeration, with the choices', () => {
    expect(problems('title: T\ntype: webinar\nstart: 2024\nspeakers:\n  - name: A\n    role: keynot\n')).toEqual([
      '6:11 `role` cannot be `keynot`: use one of welcome-speech, opening-remarks, keynote, presentation, panelist, moderator, chair, remarks, award, other (did you mean `keynote`?)',
    ]);
  });

  it('speaker entries need exactly one of person and name', () => {
    expect(problems('title: T\ntype: webinar\nstart: 2024\nspeakers:\n  - role: chair\n  - person: a\n    name: A\n')).toEqual([
      '5:5 a speaker entry needs `person` (an id from people/) or `name` (the full name as written)',
      '6:5 a speaker entry has both `person` and `name`: keep `person` (an id from people/) or `name` (the name as written), not both',
    ]);
  });

  it('wrong types, duplicates and blanks', () => {
    expect(problems('title: ""\ntype: webinar\nstart: 2024\ntopics: hrm\nattendance: { participants: -3 }\n')).toEqual([
      '1:8 `title` must not be empty',
      '4:9 `topics` must be a list, not `hrm`: write `topics: [hrm]`',
      '5:29 `participants` must be 0 or more, not `-3`',
    ]);
    expect(problems('title: T\ntype: webinar\nstart: 2024\nlocation: Astana\ncountries: "KZ: host"\n')).toEqual([
      '4:11 `location` must be a mapping of keys (venue, city, country), not `Astana`',
      '5:12 `countries` must be a list, not `KZ: host`',
    ]);
    expect(problems('title: T\ntype: webinar\nstart: 2024\ntopics: [hrm, hrm]\n')).toEqual(['4:15 `topics` lists the same item twice (items 1 and 2): remove one']);
  });

  it('a count written in words says how to write it', () => {
    expect(problems('title: T\ntype: webinar\nstart: 2024\nattendance:\n  participants: over 1,200\n  countries: 12 countries\n')).toEqual([
      '5:17 `participants` must be a whole number, not `over 1,200`: write `participants: 1200` and `approximate: true`',
      '6:14 `countries` must be a whole number, not `12 countries`: write `countries: 12`',
    ]);
    expect(problems('title: T\ntype: webinar\nstart: 2024\nattendance: { countries: [KZ, KR] }\n')).toEqual([
      "4:26 `countries` must be a whole number, not a list: it is how many countries took part; list their codes in the event's own `countries`",
    ]);
    // Two numbers: no one reading.
    expect(problems('title: T\ntype: webinar\nstart: 2024\nattendance: { participants: 200-300 }\n')).toEqual([
      '4:29 `participants` must be a whole number, not `200-300`',
    ]);
  });

  it('paths in presentations stay inside the archive', () => {
    const [first] = problems('title: T\ntype: webinar\nstart: 2024\npresentations: [{ title: S, file: ../../etc/passwd }]\n');
    expect(first).toMatch(/^4:35 `file` must be a path inside the archive/);
    expect(problems('title: T\ntype: webinar\nstart: 2024\npresentations: [{ title: S, file: /etc/passwd }]\n')).toHaveLength(1);
  });

  it('registry records have their own schemas', () => {
    expect(problems('name: A\naliases: [B]\ncountry: KZ\n', 'person')).toEqual([]);
    expect(problems('nmae: A\n', 'person')).toEqual(['1:1 missing required key `name`: a person needs `name`', '1:1 unknown key `nmae` (did you mean `name`?)']);
    expect(problems('name: A\nkind: company\n', 'organization')[0]).toMatch(/^2:7 `kind` cannot be `company`/);
  });

  it('an empty file or a list is not a record', () => {
    expect(problems('')).toEqual(['1:1 the record is empty: an event needs `title`, `type` and `start`']);
    expect(problems('- a\n- b\n')).toEqual(['1:1 a record is a mapping of keys, not a list: an event needs `title`, `type` and `start`']);
  });
});

describe('byte-level guards', () => {
  const problem = (bytes: Uint8Array) => checkBytes('event', 'x.yaml', bytes).issues.map((i) => `${i.line}:${i.col} ${i.rule}`);

  it('refuses invalid UTF-8 at the first bad byte', () => {
    expect(problem(Buffer.concat([Buffer.from('title: ok\ntitle2: caf'), Buffer.from([0xe9]), Buffer.from('\n')]))).toEqual(['2:12 encoding']);
  });

  it('refuses binary files', () => {
    expect(problem(Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01]))).toEqual(['1:4 binary']);
  });

  it('refuses deep nesting before parsing, whatever the style', () => {
    expect(problem(Buffer.from(`a: ${'['.repeat(900)}${']'.repeat(900)}\n`))).toEqual(['1:68 too-deep']);
    expect(problem(Buffer.from(`a: ${'{b: '.repeat(200)}1${'}'.repeat(200)}\n`))).toHaveLength(1);
    expect(problem(Buffer.from(`${'- '.repeat(400)}x\n`))).toEqual(['1:258 too-deep']);
    // Block mappings nested by indentation alone: the common-shape reader leaves the deep lines
    // to the guard too, so a mapping 300 levels deep is refused, not read.
    const nested = Array.from({ length: 300 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n');
    expect(problem(Buffer.from(`${nested} x\n`))).toEqual(['258:258 too-deep']);
    const shallow = Array.from({ length: 40 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n');
    expect(problem(Buffer.from(`${shallow} x\n`)).filter((p) => p.endsWith('too-deep'))).toEqual([]);
  });

  it('does not mistake brackets in text for nesting', () => {
    const prose = `title: T\ntype: webinar\nstart: 2024\nsummary: "${'[note] '.repeat(100)}"\nnotes: |\n  ${'see [1] '.repeat(100)}\n`;
    expect(problem(Buffer.from(prose))).toEqual([]);
    // Lines of a block scalar that start with a bracket are text, not 70 levels of nesting.
    const list = `title: T\ntype: webinar\nstart: 2024\nnotes: |\n${'  [draft, to be checked\n'.repeat(70)}`;
    expect(problem(Buffer.from(list))).toEqual([]);
  });

  it('refuses records over 1 MiB', () => {
    expect(problem(Buffer.alloc(1024 * 1024 + 1, 0x61))).toEqual(['1:1 too-large']);
  });

  it('ignores a byte-order mark', () => {
    expect(problem(Buffer.from('\ufefftitle: T\ntype: webinar\nstart: 2024\n'))).toEqual([]);
  });
});
