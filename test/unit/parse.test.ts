import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { needsReferenceParser, parseFast, parseReference, parseYaml } from '../../src/core/parse.js';
import { BUNDLED_ARCHIVE, listYaml } from '../helpers/archive.js';

/*
 * The fast parser is only an accelerator: wherever the reference parser reads a document,
 * the result of parseYaml must be the same data, and where it refuses one, so must we.
 */
const fastPath = { taken: 0, total: 0 };

function expectSameAsReference(text: string): void {
  const reference = parseReference(text);
  const ours = parseYaml(text);
  fastPath.total++;
  if (reference.ok) {
    expect(ours).toEqual(reference);
    // Check the fast parser itself, not only the fallback that hides its failures.
    if (!needsReferenceParser(text)) {
      let fast: unknown;
      let threw = false;
      try {
        fast = parseFast(text);
      } catch {
        threw = true;
      }
      if (!threw) {
        fastPath.taken++;
        expect(fast).toEqual(reference.data);
      }
    }
  } else {
    expect(ours.ok).toBe(false);
  }
}

const TRICKY_SCALARS = [
  '1_000', '0b101', '0o17', '0x1F', '0x1f', '+12', '-0', '007', '.5', '1.', '1e3', '1E-3', '+1.5e+3', '.inf', '-.Inf', '+.INF', '.NaN', '.nan',
  '~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', '2024-04-12', '2024-04', '2020',
  '2024-04-12T10:00:00Z', '12:30', '1:20:30', '0777', '=', '<<', 'Türkiye', 'Кыргызстан', '대한민국', '"quoted"', "'single'", '- x', '[a, b]', '{a: 1}',
  'a: b', 'a #b', 'a#b', '@x', '`x', '%x', '|', '>', '!x', '&a x', '*a', '12e', '1.2.3', '0x', '0o', '+', '-', '.', '..',
];

describe('the fast parser agrees with the reference parser', () => {
  it('on every record of the bundled archive', () => {
    const files = listYaml(BUNDLED_ARCHIVE);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const reference = parseReference(text);
      expect(reference.ok, file).toBe(true);
      expect(parseFast(text), file).toEqual(reference.ok ? reference.data : undefined);
    }
  });

  it.each(TRICKY_SCALARS)('on the plain scalar %s', (token) => {
    expectSameAsReference(`key: ${token}\n`);
    expectSameAsReference(`list:\n  - ${token}\n`);
    expectSameAsReference(`flow: [${token}]\n`);
  });

  it('on generated plain scalars', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[-+.0-9a-zA-Z_:~eE]{1,10}$/), (token) => {
        expectSameAsReference(`key: ${token}\nother: [${token}, x]\n`);
      }),
      { numRuns: 2000, seed: 20241123 },
    );
  });

  const record = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(...TRICKY_SCALARS),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      tie('list'),
      tie('map'),
    ),
    list: fc.array(tie('value'), { maxLength: 4 }),
    map: fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), tie('value'), { maxKeys: 5 }),
  }));

  it('on generated records written in block, flow and quoted styles', () => {
    fc.assert(
      fc.property(
        record.map,
        fc.record({
          collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
          defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN'>,
          lineWidth: fc.constantFrom(0, 20, 80),
        }),
        (value, options) => {
          const text = stringify(value, options);
          expectSameAsReference(text);
        },
      ),
      { numRuns: 1500, seed: 20241123 },
    );
  });
});

/** The whole chain gives the reference's answer: its data where it reads the text, a refusal where it refuses. */
function expectReferenceAnswer(text: string): void {
  const reference = parseReference(text);
  const ours = parseYaml(text);
  if (reference.ok) {
    expect(ours, JSON.stringify(text)).toEqual(reference);
    return;
  }
  expect(ours.ok, JSON.stringify(text)).toBe(false);
  // A refusal is placed on a line of the text, and says something (messages read lines to say
  // what to write). Not checked: the column's end, which `yaml` puts past the line's end on
  // some texts of nothing but punctuation.
  const { line, col, message } = reference.problem;
  expect([line >= 1 && line <= text.split('\n').length, col >= 1, message.length > 0], JSON.stringify(text)).toEqual([true, true, true]);
}

describe('which text goes to the reference parser', () => {
  it('is every text the fast parser would read differently, on text made of the characters that matter', () => {
    const char = fc.constantFrom(...[' ', '\t', '-', ':', '~', 'n', 'u', 'l', 'N', 'U', 'L', 'x', '1', '&', '*', '!', '%', '[', ']', '{', '}', '?', ',', '"', "'", '#', '|', '>', '.'],
      ...['\n', '\n', '\n', '\r', '\u2028', '\u0085', '\uFEFF', 'é']);
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => expectReferenceAnswer(chars.join(''))),
      { numRuns: 20_000, seed: 20261124 },
    );
  });

  it('is every text the fast parser would read differently, on lines made of the tokens that matter', () => {
    const token = fc.constantFrom(...['title', 'a', '"q"', "'s'", '1', '~', 'null', 'x y', 'Q&A', '#c', ' #c', '[a, b]', '{a: 1}', '[', ']', '{', '}', ',', ':', ': '],
      ...['-', '- ', '? ', '|', '>-', '|+', '"', "'", '\\', '\t', ' ', '  ', 'é', '%', '!', '*', '&', '...', '---', '\r', '\u2028', '\uFEFF', '2024-04-12', '1e3']);
    const line = fc.tuple(fc.constantFrom('', '  ', '    ', '- ', '  - '), fc.array(token, { maxLength: 6 })).map(([indent, tokens]) => indent + tokens.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => expectReferenceAnswer(`${lines.join('\n')}\n`)),
      { numRuns: 5_000, seed: 20261124 },
    );
  });

  it('takes these typical lines, and leaves those', () => {
    const taken: string[] = ['title: A\n', 'nullify: x\n', 'a: Q&A\n', 'k: [a, b]\n', 'countries: [KZ, KG]\n', 'note: what? yes\n', ''];
    const left: string[] = ['a: &x 1\n', 'k: [*a]\n', 'k: !!str 1\n', '%YAML 1.2\n', 'a: 1\n%x\n', ': x\n', '  - : x\n', '- - null: x\n', '~:\n', 'Null :\n', 'a:\r\n: b\r\n', '[x]: 1\n', 'k: {[x]: 1}\n', 'k: [a, [b]]\n', '? a\n'];
    // Each found by the property test above, where js-yaml and the reference read the text differently.
    left.push('a: x\ry\n', '\tx\n', '& 1:\n', 'a: !\n', '\n\uFEFF', '---?\n', '---\u2028\n', "''#\n", '|1\n \n', ' >\n#\n', 'l: [\nN]\n', 'm: {a: 1,\n  b: 2}\n');
    left.push("  - '\n'\n", '  -  #c\n- title\n', '---  title: \n', '---#c\n', '  - >-\n  \t\n');
    taken.push("summary: The Hub's panel, 'quoted' later\n", 'a: x #c\n', "q: 'it''s'\n", '---\ntitle: A\n');
    // Flow collections as values, a common way to write records, stay with the fast parser; as keys they do not.
    taken.push('quotes:\n  - {speaker: a-b, text: "Hi: there"}\n', 'location: {city: Astana, country: KZ}\n', '- [a, b]\n');
    left.push('- [x]: 1\n', '{a: 1} : 2\n', '{a: 1}#c\n', '[]#\n', '{:}\n', 'k: {a: 1, ~: 2}\n', '{~}\n', '[: ]\n', '[\u2028]:\n', '{\u2028}:\n');
    expect(taken.filter((text) => needsReferenceParser(text))).toEqual([]);
    expect(left.filter((text) => !needsReferenceParser(text))).toEqual([]);
  });

  it('decides in linear time on long runs of spaces, tabs and dashes', { timeout: 5000 }, () => {
    // Two quantifiers over the same spaces once took 140 s on the first of these.
    for (const text of [`${' '.repeat(400_000)}x`, `${'- '.repeat(200_000)}x`, `${' \t'.repeat(200_000)}x`, `-${' '.repeat(400_000)}x`, `Null${' '.repeat(400_000)}x`]) {
      expect(needsReferenceParser(text)).toBe(false);
    }
  });
});

describe('the fast path', () => {
  it('took most generated documents, so the agreement above is about it', () => {
    expect(fastPath.total).toBeGreaterThan(3000);
    expect(fastPath.taken / fastPath.total).toBeGreaterThan(0.6);
  });
});

describe('the reference parser', () => {
  it('locates syntax errors and explains unclosed quotes where they open', () => {
    const result = parseYaml('title: "unterminated\ntype: conference\nstart: 2024\n');
    expect(result).toEqual({ ok: false, problem: { line: 1, col: 8, message: 'this quoted text is never closed: add the closing "' } });
  });

  it('refuses duplicate keys', () => {
    const result = parseYaml('title: a\ntype: webinar\ntitle: b\n');
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.problem).toMatchObject({ line: 3, col: 1, message: 'key `title` appears twice in the same mapping (first on line 1): keep one' });
  });

  it('names a nested duplicate key, quoted or not, and where it first appears', () => {
    const result = parseYaml('title: a\nspeakers:\n  - name: A\n    role: moderator\n    "name": B\n');
    expect(result.ok ? undefined : result.problem).toEqual({ line: 5, col: 5, message: 'key `name` appears twice in the same mapping (first on line 3): keep one' });
  });

  it('refuses keys that are lists, mappings or aliases, at the key, whichever reader would have taken the text', () => {
    const refused = (text: string) => {
      const result = parseYaml(text);
      return result.ok ? 'accepted' : `${result.problem.line}:${result.problem.col} ${result.problem.message}`;
    };
    const message = 'a key must be plain text, such as `title`, not an alias or a list or mapping: write the key out';
    expect(refused('title: T\n[x]: 1\n')).toBe(`2:1 ${message}`);
    expect(refused('title: T\ntheme: {[x]: 1}\n')).toBe(`2:9 ${message}`);
    expect(refused('? [x]\n: 1\n')).toBe(`1:3 ${message}`);
    // The alias stood for `title` and replaced it unseen.
    expect(refused('title: &t title\n*t : B\n')).toBe(`2:1 ${message}`);
    expect(parseYaml('a: &x 1\nb: *x\n')).toEqual({ ok: true, data: { a: 1, b: 1 } });
  });

  it('says why a file with old Mac line ends (a lone carriage return) reads as one line', () => {
    const result = parseYaml('title: Old\rtype: webinar\rstart: 2025\r');
    expect(result.ok ? undefined : result.problem.message).toMatch(/^this file ends its lines with a lone carriage return \(\\r\), which YAML does not take as a line end: save it with \\n or \\r\\n line ends \(YAML syntax: /);
  });

  it('refuses two keys that become one key of the data, such as 1 and "1"', () => {
    expect(parseYaml('1: a\n"1": b\n')).toEqual({ ok: false, problem: { line: 2, col: 1, message: 'key `1` appears twice in the same mapping (first on line 1): keep one' } });
  });

  it('stops alias bombs with a located error', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) lines.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(9).fill(`*${'abcdefgh'[i - 1]}`).join(', ')}]`);
    const result = parseYaml(lines.join('\n'));
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.problem.message).toMatch(/too many aliases/);
  });

  it('reads anchors and aliases used sparingly', () => {
    expect(parseYaml('a: &x [1, 2]\nb: *x\n')).toEqual({ ok: true, data: { a: [1, 2], b: [1, 2] } });
  });

  it('refuses a second document in one file', () => {
    const result = parseYaml('title: a\n---\ntitle: b\n');
    expect(result.ok).toBe(false);
  });
});
