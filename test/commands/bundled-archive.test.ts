import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLED_ARCHIVE, listYaml } from '../helpers/archive.js';

// The articles the archive was written from sit beside the repository where it is developed,
// not in it: a clone elsewhere (CI) has none, and skips this.
const SEEDS = path.resolve(BUNDLED_ARCHIVE, '..', '..', 'shared', 'seeds');
const seedsHere = existsSync(SEEDS);

describe.skipIf(!seedsHere)('the bundled archive, against the articles it was written from', () => {
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  const articles = seedsHere ? flat(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(SEEDS, f), 'utf8')).join('\n')) : '';
  const records = (folder: string) => listYaml(path.join(BUNDLED_ARCHIVE, folder)).map((file) => ({ file: path.basename(file), data: parse(readFileSync(file, 'utf8')) as Record<string, unknown> }));

  it('quotes them word for word', () => {
    const quotes = records('events').flatMap(({ file, data }) => ((data.quotes ?? []) as Array<{ text: string }>).map((q) => ({ file, text: flat(q.text) })));
    expect(quotes.length).toBeGreaterThan(5);
    expect(quotes.filter((q) => !articles.includes(q.text))).toEqual([]);
  });

  it('gives people and organisations only aliases the articles write', () => {
    const aliases = [...records('people'), ...records('organizations')].flatMap(({ file, data }) => ((data.aliases ?? []) as string[]).map((alias) => ({ file, alias })));
    expect(aliases.length).toBeGreaterThan(0);
    expect(aliases.filter((a) => !articles.includes(flat(a.alias)))).toEqual([]);
  });
});
