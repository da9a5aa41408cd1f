import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { copyBundledArchive, eventYaml, makeArchive, tempDir } from '../helpers/archive.js';
import { runHub, runJson } from '../helpers/run.js';

interface Speaker { id: string; name: string; country: string | null; organization: string | null; events: number; first: string; last: string }
interface EventRow { id: string; title: string; type: string; start: string; end: string | null; format: string | null; city: string | null; country: string | null; topics: string[]; speakers: number }

const bundled = copyBundledArchive();

describe('hub speakers on the bundled archive', () => {
  it('lists the Kazakh speakers, whichever way Kazakhstan is written', async () => {
    const expected = ['Alikhan Baimenov', 'Anar Zhailganova', 'Damir Deminov', 'Gulmira Raisova'];
    for (const country of ['KZ', 'kz', 'Kazakhstan', 'Казахстан', 'KAZ']) {
      const rows = await runJson<Speaker[]>(['speakers', '--country', country], { cwd: bundled });
      expect(rows.map((r) => r.name), country).toEqual(expected);
    }
  });

  it('gives the contract\'s keys, counting distinct events with first and last dates', async () => {
    const rows = await runJson<Speaker[]>(['speakers', '--country', 'KZ'], { cwd: bundled });
    expect(rows[0]).toEqual({
      id: 'alikhan-baimenov',
      name: 'Alikhan Baimenov',
      country: 'KZ',
      organization: 'Astana Civil Service Hub',
      organization_id: 'acsh',
      position: 'Chairman of the Steering Committee',
      events: 2,
      first: '2020',
      last: '2024-04-12',
      registered: true,
    });
  });

  it('filters by year and by country together', async () => {
    expect((await runJson<Speaker[]>(['speakers', '--year', '2024'], { cwd: bundled })).map((r) => r.id)).toEqual(['alikhan-baimenov', 'william-shields']);
    expect((await runJson<Speaker[]>(['speakers', '--year', '2024', '--country', 'United States'], { cwd: bundled })).map((r) => r.id)).toEqual(['william-shields']);
    const r2020 = await runJson<Speaker[]>(['speakers', '--year', '2020', '--country', 'KZ'], { cwd: bundled });
    expect(r2020.map((r) => [r.id, r.events, r.first, r.last])[0]).toEqual(['alikhan-baimenov', 1, '2020', '2020']);
  });

  it('says so on stderr when nothing matches, and exits 0', async () => {
    const result = await runHub(['speakers', '--country', 'Türkiye', '--format', 'json'], { cwd: bundled });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).toMatch(/no speakers match/);
  });

  it('exits 1 with suggestions for an unknown country, 2 for a malformed year', async () => {
    const unknown = await runHub(['speakers', '--country', 'Kazakstan'], { cwd: bundled });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown country `Kazakstan` (did you mean KZ (Kazakhstan)?)');
    const year = await runHub(['speakers', '--year', '24'], { cwd: bundled });
    expect(year.code).toBe(2);
  });
});

describe('hub events on the bundled archive', () => {
  it('lists every event newest first with the contract\'s keys', async () => {
    const rows = await runJson<EventRow[]>(['events'], { cwd: bundled });
    expect(rows.map((r) => r.id)).toEqual([
      '2024-04-12-aspa-annual-conference',
      '2024-04-12-digital-transformation-hrm-panel',
      '2024-04-aspa-international-assembly',
      '2020-hrm-in-civil-service-amid-covid-19',
    ]);
    expect(rows[3]).toMatchObject({ type: 'conference', start: '2020', end: null, format: 'online', topics: ['hrm', 'covid-19', 'international-cooperation', 'public-trust'], speakers: 7 });
  });

  it('filters by year, type and country (host or represented)', async () => {
    const ids = async (args: string[]) => (await runJson<EventRow[]>(['events', ...args], { cwd: bundled })).map((r) => r.id);
    expect(await ids(['--year', '2020'])).toEqual(['2020-hrm-in-civil-service-amid-covid-19']);
    expect(await ids(['--type', 'panel-session'])).toEqual(['2024-04-12-digital-transformation-hrm-panel']);
    expect(await ids(['--country', 'Türkiye'])).toEqual(['2024-04-12-digital-transformation-hrm-panel']);
    expect(await ids(['--country', 'Turkey'])).toEqual(['2024-04-12-digital-transformation-hrm-panel']);
    expect(await ids(['--country', 'Ukraine'])).toEqual(['2020-hrm-in-civil-service-amid-covid-19']);
    expect(await ids(['--country', 'KZ', '--year', '2024'])).toEqual(['2024-04-12-digital-transformation-hrm-panel']);
    expect(await ids(['--from', '2024-04', '--to', '2024-04-12'])).toHaveLength(3);
    expect(await ids(['--topic', 'covid-19'])).toEqual(['2020-hrm-in-civil-service-amid-covid-19']);
  });

  it('refuses an empty name, id or country as a usage error, not as one that is missing', async () => {
    const person = await runHub(['person', ' '], { cwd: bundled });
    expect([person.code, person.stderr]).toEqual([2, 'error: no person given\nhint: give a person id or a name as `hub speakers` lists it\n']);
    const punctuation = await runHub(['show', '!!'], { cwd: bundled });
    expect(punctuation.code).toBe(2);
    expect(punctuation.stderr).toMatch(/^error: `!!` has no letters or digits to look up\n/);
    const country = await runHub(['speakers', '--country', ''], { cwd: bundled });
    expect([country.code, country.stderr.split('\n')[0]]).toEqual([2, 'error: --country needs a code or a name']);
  });

  it('refuses a date filter in another form, saying how to write it', async () => {
    const dotted = await runHub(['speakers', '--from', '12.04.2024'], { cwd: bundled });
    expect([dotted.code, dotted.stderr]).toEqual([2, 'error: --from takes a date like 2024-04-12, 2024-04 or 2024, not `12.04.2024`\nhint: write --from 2024-04-12\n']);
    const words = await runHub(['events', '--to', 'spring'], { cwd: bundled });
    expect([words.code, words.stderr]).toEqual([2, 'error: --to takes a date like 2024-04-12, 2024-04 or 2024, not `spring`\n']);
  });

  it('refuses an unknown type as a usage error', async () => {
    const result = await runHub(['events', '--type', 'party'], { cwd: bundled });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/argument 'party' is invalid\. use one of conference, panel-session, /);
    const typo = await runHub(['events', '--type', 'webinr'], { cwd: bundled });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/use one of conference, .*, other \(did you mean `webinar`\?\)/);
  });
});

describe('output formats', () => {
  it('prints NDJSON one object a line', async () => {
    const result = await runHub(['events', '--format', 'ndjson'], { cwd: bundled });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!).id).toBe('2024-04-12-aspa-annual-conference');
  });

  it('prints CSV that parses back, with lists joined by "; "', async () => {
    const result = await runHub(['events', '--format', 'csv'], { cwd: bundled });
    const rows = parseCsv(result.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!).slice(0, 10)).toEqual(['id', 'title', 'type', 'start', 'end', 'format', 'city', 'country', 'topics', 'speakers']);
    expect(rows[3]!.topics).toBe('hrm; covid-19; international-cooperation; public-trust');
    expect(rows[1]!.title).toBe('Digital Transformation in Civil Service HRM: Challenges and Best Practices in the ACSH participating countries');
  });

  it('neutralises cells a spreadsheet would run as formulas, and adds a BOM for Excel', async () => {
    const root = makeArchive({ 'events/2024/2024-01-01-x.yaml': eventYaml({ start: '2024-01-01', title: '"=HYPERLINK(""http://x"",""y"")"'.replace(/""/g, '\\"'), speakers: '[{ name: "@SUM(1)" }]' }) });
    const events = await runHub(['events', '--format', 'csv', '--excel'], { cwd: root });
    expect(events.stdout.startsWith('\ufeff')).toBe(true);
    expect(events.stdout).toContain('\r\n');
    const row = (parseCsv(events.stdout.slice(1), { columns: true }) as Array<Record<string, string>>)[0]!;
    expect(row.title).toBe(`'=HYPERLINK("http://x","y")`);
    const speakers = await runHub(['speakers', '--format', 'csv'], { cwd: root });
    expect((parseCsv(speakers.stdout, { columns: true }) as Array<Record<string, string>>)[0]!.name).toBe(`'@SUM(1)`);
  });

  it('draws an aligned table on a terminal, fitted to its width', async () => {
    const result = await runHub(['speakers', '--country', 'KZ'], { cwd: bundled, tty: true, columns: 80 });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+COUNTRY\s+ORGANIZATION\s+EVENTS\s+FIRST\s+LAST$/);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^Alikhan Baimenov\s+KZ\s+/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(result.stdout).toContain('…');
    const wide = await runHub(['speakers', '--country', 'KZ'], { cwd: bundled, tty: true, columns: 200 });
    expect(wide.stdout.split('\n')[0]).toMatch(/^NAME\s+COUNTRY\s+ORGANIZATION\s+POSITION\s+EVENTS\s+FIRST\s+LAST\s+ID$/);
    expect(wide.stdout).not.toContain('…');
  });

  it('writes --out files whole, and prints nothing to stdout', async () => {
    const out = path.join(tempDir(), 'speakers.json');
    const result = await runHub(['speakers', '--out', out, '--format', 'json'], { cwd: bundled });
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(8);
  });

  it('sorts Unicode names with a locale-aware collator', async () => {
    const root = makeArchive({
      'events/2024/2024-01-01-x.yaml': eventYaml({
        start: '2024-01-01',
        speakers: '[{ name: Zhanna Ömirova }, { name: Ömer Çelik }, { name: Olga Ivanova }, { name: Азамат Нурланов }, { name: 김민준 }, { name: Émile Durand }]',
      }),
    });
    const rows = await runJson<Speaker[]>(['speakers'], { cwd: root });
    expect(rows.map((r) => r.name)).toEqual(['Émile Durand', 'Olga Ivanova', 'Ömer Çelik', 'Zhanna Ömirova', 'Азамат Нурланов', '김민준']);
  });
});

describe('finding the archive', () => {
  it('uses --archive, then HUB_ARCHIVE, then the working directory, then an archive/ folder above', async () => {
    const root = makeArchive({ 'events/2024/2024-01-01-x.yaml': eventYaml({ start: '2024-01-01' }) });
    const parent = path.dirname(root);
    const nested = tempDir();
    const count = async (args: string[], options: Parameters<typeof runHub>[1]) => (JSON.parse((await runHub(['events', '--format', 'json', ...args], options)).stdout) as unknown[]).length;
    expect(await count(['--archive', root], { cwd: nested })).toBe(1);
    expect(await count([], { cwd: nested, env: { HUB_ARCHIVE: root } })).toBe(1);
    expect(await count([], { cwd: root })).toBe(1);
    expect(await count([], { cwd: path.join(root, 'events', '2024') })).toBe(1);
    expect(await count([], { cwd: parent })).toBe(1);
  });

  it('explains what to do when there is none', async () => {
    const result = await runHub(['events'], { cwd: tempDir() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no archive found here or in any parent folder/);
    expect(result.stderr).toMatch(/hint: .*--archive DIR/);
    const missing = await runHub(['events', '--archive', '/no/such/dir'], { cwd: tempDir() });
    expect(missing.code).toBe(1);
  });
});
