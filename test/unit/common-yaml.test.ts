import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseCommonYaml, UNSUPPORTED } from '../../src/core/common-yaml.js';
import { parseReference, parseYaml } from '../../src/core/parse.js';
import { BUNDLED_ARCHIVE, listYaml } from '../helpers/archive.js';

/*
 * The common-shape reader may leave any text to js-yaml and `yaml`; what it reads, it must
 * read exactly as `yaml` (the reference) does, and it must never read a text `yaml` refuses.
 */
function readsAsReference(text: string): boolean {
  const ours = parseCommonYaml(text);
  if (ours === UNSUPPORTED) return false;
  const reference = parseReference(text);
  expect(reference.ok, JSON.stringify(text)).toBe(true);
  // toStrictEqual tells -0 from 0 and a missing key from an undefined one.
  expect(ours, JSON.stringify(text)).toStrictEqual(reference.ok ? reference.data : undefined);
  return true;
}

const bundled = listYaml(BUNDLED_ARCHIVE).map((file) => readFileSync(file, 'utf8'));

describe('the common-shape reader', () => {
  it('reads every record of the bundled archive, as yaml does', () => {
    expect(bundled.length).toBeGreaterThan(10);
    for (const text of bundled) expect(readsAsReference(text)).toBe(true);
  });

  it.each([
    ['title: A\nstart: 2024-04-12\nyear: 2020\n', { title: 'A', start: '2024-04-12', year: 2020 }],
    ['a:\n  b:\n    c: x\n  d: y\n', { a: { b: { c: 'x' }, d: 'y' } }],
    ['speakers:\n  - name: A\n    role: chair\n  - person: b-c\n', { speakers: [{ name: 'A', role: 'chair' }, { person: 'b-c' }] }],
    ['list:\n- a\n- b\nnext: 1\n', { list: ['a', 'b'], next: 1 }],
    ['l:\n  -\n    k: v\n  -\n', { l: [{ k: 'v' }, null] }],
    ['f: [KZ, "a, b", \'c\'\'d\', 3, -1.5, true, ~]\n', { f: ['KZ', 'a, b', "c'd", 3, -1.5, true, null] }],
    ['e: []\no: {}\nn:\n', { e: [], o: {}, n: null }],
    ['q: "say \\"hi\\" \\u00e9\\n\\\\"\n', { q: 'say "hi" é\n\\' }],
    ['# a comment\n\nk: v # note\nc: C# and F#\n  # indented comment\nd: "x" # after\n', { k: 'v', c: 'C# and F#', d: 'x' }],
    ['s: >-\n  one\n  two\n\n  three\n\n\n  four\nnext: x\n', { s: 'one two\nthree\n\nfour', next: 'x' }],
    ['s: >\n  one\n  two\n\n', { s: 'one two\n' }],
    ['s: |\n  one\n    indented\n  # not a comment\nt: |-\n  x\n', { s: 'one\n  indented\n# not a comment\n', t: 'x' }],
    ['v: [0x1F, 0o17, .5, 1e3, .inf, -.Inf, 007, +12, 1_000]\nt: 12:30\n', { v: [31, 15, 0.5, 1000, Infinity, -Infinity, 7, 12, '1_000'], t: '12:30' }],
    ['u: Türkiye\nk: Кыргызстан\nr: 대한민국\nurl: https://example.org/a#b\n', { u: 'Türkiye', k: 'Кыргызстан', r: '대한민국', url: 'https://example.org/a#b' }],
  ])('reads %j', (text, expected) => {
    expect(parseCommonYaml(text)).toStrictEqual(expected);
    expect(readsAsReference(text)).toBe(true);
  });

  it.each([
    '', 'just text\n', '- a\n', '---\nk: v\n', 'k: v\n...\n', 'k: v\nk: w\n', '__proto__: x\n', 'True: x\n', '"k": v\n', 'a b: c\n',
    'k:\tv\n', 'k: v\r\n', 'k: one\n  two\n', 'k: "one\n  two"\n', "k: 'open\n", 'k: [a, ]\n', 'k: [?]\n', 'k: [12:30]\n', '# only a comment\n', 'k: [a, [b]]\n', 'k: {a: 1}\n',
    'k:\n  - - x\n', 'k: |2\n   x\n', 'k: >+\n  x\n', 'k: |\n\n  x\n', 'k: >\n  a\n    b\n', 'k: |\n  x', 'k: a: b\n', 'k: "a" b\n',
    'k: @x\n', 'k: `x\n', 'k: - x\n', 'k: x:\n', 'k: "\\x41"\n', 'k: "\\u00"\n', 'k: 😀\n', 'k:\n  - a\n  b: c\n', 'a:\n    b: 1\n  c: 2\n',
  ])('leaves %j to the other parsers', (text) => {
    expect(parseCommonYaml(text)).toBe(UNSUPPORTED);
    // And the answer for it is still the reference's.
    const reference = parseReference(text);
    const ours = parseYaml(text);
    if (reference.ok) expect(ours).toStrictEqual(reference);
    else expect(ours.ok).toBe(false);
  });

  const key = fc.oneof(
    { weight: 8, arbitrary: fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_-]{0,7}$/) },
    { weight: 1, arbitrary: fc.constantFrom('title', 'True', 'null', '__proto__', 'a b', 'x:') },
  );
  const scalar = fc.oneof(
    { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-zÀ-ÿЀ-я가-힣0-9 .,'"#:!?()/\\-]{0,30}$/) },
    { weight: 3, arbitrary: fc.constantFrom('1_000', '0o17', '0x1F', '+12', '-0', '007', '.5', '1.', '1e3', '.inf', '.NaN', '~', 'null', 'true', 'yes', '2024-04-12', '2020', '12:30', 'a: b', 'a #b', 'a#b', '- x', '[a]', '"q"', '|', '>', '@x', '', ' ', 'x\ny', 'x\n\ny\n', '\\', '#', '-', ':', '?') },
    { weight: 2, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const document = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, { weight: 6, arbitrary: scalar }, { weight: 2, arbitrary: tie('list') }, { weight: 2, arbitrary: tie('map') }),
    list: fc.array(tie('value'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('value'), { minKeys: 1, maxKeys: 5 }),
  })).map;
  const style = fc.record({
    collectionStyle: fc.constantFrom('any', 'block') as fc.Arbitrary<'any' | 'block'>,
    defaultStringType: fc.constantFrom('PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN'>,
    defaultKeyType: fc.constant('PLAIN') as fc.Arbitrary<'PLAIN'>,
    lineWidth: fc.constantFrom(0, 0, 20, 80),
  });

  it('reads generated documents as yaml does, and takes a good share of them', () => {
    let taken = 0;
    fc.assert(
      fc.property(document, style, (value, options) => {
        if (readsAsReference(stringify(value, options))) taken++;
      }),
      { numRuns: 2500, seed: 20261124 },
    );
    expect(taken).toBeGreaterThan(500);
  });

  const EDITS = ['DEL', 'DEL', 'LINE', 'DEDENT', 'INDENT', ' ', '#', ' #', ': ', ':', '- ', '\n', '\n  ', '\n- ', '"', "'", '[', ']', ',', '|', '>-', '{}', '---', '\\', '?', '\n#c\n', 'k: v\n', 'é', '0'];

  it('reads edited records as yaml does, or leaves them', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.nat(bundled.length - 1), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...EDITS)), { minLength: 1, maxLength: 3 }), (pick, edits) => {
        let text = bundled[pick]!;
        for (const [at, edit] of edits) {
          const i = at % (text.length + 1);
          if (edit === 'DEL') text = text.slice(0, i) + text.slice(i + 1);
          else if (edit === 'LINE' || edit === 'DEDENT' || edit === 'INDENT') {
            const lines = text.split('\n');
            const n = at % lines.length;
            if (edit === 'LINE') lines.splice(n, 0, lines[n]!);
            else lines[n] = edit === 'INDENT' ? ` ${lines[n]}` : lines[n]!.replace(/^ {1,2}/, '');
            text = lines.join('\n');
          } else text = text.slice(0, i) + edit + text.slice(i);
        }
        if (readsAsReference(text)) taken++;
      }),
      { numRuns: 2500, seed: 20261124 },
    );
    expect(taken).toBeGreaterThan(300);
  });
});
