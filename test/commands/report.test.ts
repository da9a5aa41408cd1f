import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyBundledArchive, makeArchive, tempDir } from '../helpers/archive.js';
import { runHub, runJson } from '../helpers/run.js';

const REPORT_FILES = ['events.csv', 'appearances.csv', 'speakers.csv', 'countries.csv', 'topics.csv', 'organizations.csv', 'summary.md', 'report.html'];
const KIND_OF: Record<string, string> = { 'events.csv': 'events', 'appearances.csv': 'appearances', 'speakers.csv': 'speakers', 'countries.csv': 'countries', 'topics.csv': 'topics', 'organizations.csv': 'orgs' };

/** What a JSON value looks like once written into a CSV cell and read back. */
function asCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => String(v).replace(/[\\;]/g, (c) => `\\${c}`)).join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

const readCsv = (file: string, options: { delimiter?: string; bom?: boolean } = {}) =>
  parseCsv(readFileSync(file), { columns: true, bom: options.bom ?? false, delimiter: options.delimiter ?? ',' }) as Array<Record<string, string>>;

describe('hub report annual', () => {
  it('writes the full set for 2024, and every CSV parses back to the rows of hub export', async () => {
    const root = copyBundledArchive();
    const out = path.join(tempDir(), 'report');
    const result = await runHub(['report', 'annual', '--year', '2024', '--out', out], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').map((f) => path.basename(f))).toEqual(REPORT_FILES);
    for (const [file, kind] of Object.entries(KIND_OF)) {
      const rows = readCsv(path.join(out, file));
      const exported = await runJson<Array<Record<string, unknown>>>(['export', kind, '--year', '2024'], { cwd: root });
      expect(rows.length, file).toBe(exported.length);
      expect(rows, file).toEqual(exported.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asCell(v)]))));
    }
    const appearances = readCsv(path.join(out, 'appearances.csv'));
    expect(appearances.map((a) => [a.event, a.name, a.honorific, a.role, a.position, a.organization, a.country])).toEqual([
      ['2024-04-12-digital-transformation-hrm-panel', 'Alikhan Baimenov', 'Mr.', 'welcome-speech', 'Chairman of the Steering Committee', 'acsh', 'KZ'],
      ['2024-04-12-digital-transformation-hrm-panel', 'William Shields', 'Mr.', 'welcome-speech', 'Executive Director', 'aspa', 'US'],
    ]);
    const speakers = readCsv(path.join(out, 'speakers.csv'));
    expect(speakers.map((s) => [s.id, s.status])).toEqual([['alikhan-baimenov', 'returning'], ['william-shields', 'new']]);
    const events = readCsv(path.join(out, 'events.csv'));
    expect(events.find((e) => e.id === '2024-04-12-digital-transformation-hrm-panel')).toMatchObject({ topics: 'hrm; digital-transformation; talent-management; personnel-policy', countries: 'KZ; KG; KR; TR', organizers: 'acsh', partners: 'aspa', speakers: '2' });
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/^# Annual review 2024$/m);
    expect(summary).toMatch(/^\| Events \| 3 \|$/m);
    expect(summary).toMatch(/^\| panel-session \| 1 \|$/m);
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('with --compare shows the change from the other year', async () => {
    const root = copyBundledArchive();
    const out = path.join(tempDir(), 'report');
    expect((await runHub(['report', 'annual', '--year', '2024', '--compare', '2020', '--out', out], { cwd: root })).code).toBe(0);
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/^\| {2}\| 2024 \| 2020 \| change \|$/m);
    expect(summary).toMatch(/^\| Events \| 3 \| 1 \| \+2 \|$/m);
    expect(summary).toMatch(/^\| Speakers \| 2 \| 7 \| −5 \|$/m);
    expect(summary).toMatch(/^\| Participants \(where counted\) \| — \| 250 \| — \|$/m);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toMatch(/2020: 1 <span class="change">\+2<\/span>/);
  });

  it('needs --year, and a different year to compare with', async () => {
    const root = copyBundledArchive();
    expect((await runHub(['report', 'annual'], { cwd: root })).code).toBe(2);
    expect((await runHub(['report', 'annual', '--year', '2024', '--compare', '2024'], { cwd: root })).code).toBe(2);
  });
});

const INJECTION = {
  'events/2025/2025-01-15-formula.yaml': `title: '=HYPERLINK("http://x","y")'
type: webinar
start: 2025-01-15
organizers: ['+cmd|calc', 'R; D Centre']
topics: [hrm]
speakers:
  - name: '@SUM(1)'
    position: "-2+3"
    role: panelist
quotes:
  - speaker: '@SUM(1)'
    text: "=1+1\\nsecond line"
`,
};

describe('CSV that opens safely in a spreadsheet', () => {
  it('neutralises formulas in every CSV of the report and of every export', async () => {
    const root = makeArchive(INJECTION);
    const out = path.join(tempDir(), 'report');
    expect((await runHub(['report', 'annual', '--year', '2025', '--out', out], { cwd: root })).code).toBe(0);
    const cells: string[] = [];
    for (const file of Object.keys(KIND_OF)) for (const row of parseCsv(readFileSync(path.join(out, file)), { relax_column_count: false }) as string[][]) cells.push(...row);
    for (const kind of ['events', 'speakers', 'appearances', 'countries', 'topics', 'orgs', 'quotes']) {
      const csv = await runHub(['export', kind], { cwd: root });
      expect(csv.code).toBe(0);
      for (const row of parseCsv(csv.stdout) as string[][]) cells.push(...row);
    }
    expect(cells).toContain(`'=HYPERLINK("http://x","y")`);
    expect(cells).toContain("'@SUM(1)");
    expect(cells).toContain("'-2+3");
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    const quotes = parseCsv((await runHub(['export', 'quotes'], { cwd: root })).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(quotes[0]!.text).toBe("'=1+1\nsecond line");
  });

  it('keeps list items apart with "; " even when an item holds a semicolon', async () => {
    const root = makeArchive(INJECTION);
    const rows = parseCsv((await runHub(['export', 'events', '--columns', 'id,organizers'], { cwd: root })).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([{ id: '2025-01-15-formula', organizers: "'+cmd|calc; R\\; D Centre" }]);
    const items = rows[0]!.organizers!.split(/(?<!\\); /).map((item) => item.replace(/\\(.)/g, '$1'));
    expect(items).toEqual(["'+cmd|calc", 'R; D Centre']);
  });

  it('writes a byte-order mark and CRLF with --excel, and the delimiter asked for', async () => {
    const root = copyBundledArchive();
    const excel = await runHub(['export', 'speakers', '--excel', '--delimiter', ';', '--columns', 'id,name,country'], { cwd: root });
    expect(excel.stdout.startsWith('\ufeffid;name;country\r\n')).toBe(true);
    expect(parseCsv(excel.stdout, { bom: true, delimiter: ';', columns: true })).toContainEqual({ id: 'seo-chong-hwang', name: 'Seo-chong Hwang', country: 'KR' });
    expect((await runHub(['export', 'speakers', '--delimiter', 'x'], { cwd: root })).code).toBe(2);
  });
});

describe('hub export', () => {
  it('takes the query filters and --columns, and refuses what does not apply', async () => {
    const root = copyBundledArchive();
    const kz = await runJson<Array<{ id: string; status: string }>>(['export', 'speakers', '--country', 'KZ', '--year', '2020', '--columns', 'id,status'], { cwd: root });
    expect(kz).toContainEqual({ id: 'alikhan-baimenov', status: 'new' });
    expect(Object.keys(kz[0]!)).toEqual(['id', 'status']);
    const ndjson = await runHub(['export', 'quotes', '--format', 'ndjson'], { cwd: root });
    expect(ndjson.stdout.trim().split('\n').map((l) => JSON.parse(l).person)).toContain('alikhan-baimenov');
    expect((await runHub(['export', 'people'], { cwd: root })).code).toBe(2);
    expect((await runHub(['export', 'events', '--columns', 'id,nope'], { cwd: root })).stderr).toMatch(/has no column `nope`: choose from id, title/);
    expect((await runHub(['export', 'topics', '--country', 'KZ'], { cwd: root })).code).toBe(2);
    expect((await runHub(['export', 'speakers', '--format', 'ics'], { cwd: root })).code).toBe(2);
  });

  it('writes events as iCalendar that an independent parser reads back, leaving out events without a day', async () => {
    const root = copyBundledArchive();
    const result = await runHub(['export', 'events', '--format', 'ics'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/2 events are left out of the calendar, dated only to the month or year: 2020-hrm-in-civil-service-amid-covid-19 \(2020\), 2024-04-aspa-international-assembly \(2024-04\)/);
    expect(result.stdout).toMatch(/\r\n/);
    const calendar = new ICAL.Component(ICAL.parse(result.stdout));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString(), e.startDate.isDate])).toEqual([
      ['2024-04-12-aspa-annual-conference@events.hub.astana-civil-service-hub', '2024-04-12', '2024-04-17', true],
      ['2024-04-12-digital-transformation-hrm-panel@events.hub.astana-civil-service-hub', '2024-04-12', '2024-04-13', true],
    ]);
    expect(events[1]!.summary).toBe('Digital Transformation in Civil Service HRM: Challenges and Best Practices in the ACSH participating countries');
    expect(events[1]!.description).toMatch(/Speakers:\n- Mr\. Alikhan Baimenov, welcome-speech, Chairman of the Steering Committee, Astana Civil Service Hub, KZ\n- Mr\. William Shields/);
    // The same events give the same UIDs on every export: calendars update instead of duplicating.
    const again = new ICAL.Component(ICAL.parse((await runHub(['export', 'events', '--format', 'ics'], { cwd: root })).stdout));
    expect(again.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toEqual(events.map((e) => e.uid));
  });
});
