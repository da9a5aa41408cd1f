import { describe, expect, it } from 'vitest';
import { HubError } from '../../src/core/errors.js';
import { toFtsQuery } from '../../src/core/query/search.js';
import { wrapText } from '../../src/cli/views.js';

describe('toFtsQuery', () => {
  it('requires every word, each also as the start of a longer word', () => {
    expect(toFtsQuery('public trust')).toBe('"public"* "trust"*');
    expect(toFtsQuery('  대한민국  ')).toBe('"대한민국"*');
  });

  it('keeps "quoted phrases" whole, even when the closing quote is missing', () => {
    expect(toFtsQuery('"civil service" reform')).toBe('"civil service" "reform"*');
    expect(toFtsQuery('"civil service')).toBe('"civil service"');
  });

  it('turns FTS5 operators and punctuation into plain text', () => {
    expect(toFtsQuery('NOT trust')).toBe('"NOT"* "trust"*');
    expect(toFtsQuery('title:x')).toBe('"title:x"*');
    expect(toFtsQuery('a"b')).toBe('"a""b"*');
    expect(toFtsQuery('trust -- (*)')).toBe('"trust"*');
  });

  it('refuses text with no words as a usage error', () => {
    expect(() => toFtsQuery('(*) ""')).toThrow(HubError);
    expect(() => toFtsQuery('  ')).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('wrapText', () => {
  it('folds words into indented lines no wider than asked, keeping paragraphs', () => {
    const text = 'one two three four five six seven eight nine ten\n\neleven';
    const wrapped = wrapText(text, 20, '  ');
    expect(wrapped.split('\n')).toEqual(['  one two three four', '  five six seven', '  eight nine ten', '', '  eleven']);
    for (const line of wrapped.split('\n')) expect(line.length).toBeLessThanOrEqual(20);
  });
});
