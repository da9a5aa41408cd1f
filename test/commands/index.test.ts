import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Context } from '../../src/cli/context.js';
import { withSyncedIndex } from '../../src/cli/synced-index.js';
import { fingerprintArchive, listArchive, startListingArchive } from '../../src/core/archive.js';
import { syncChanges } from '../../src/db/sync-changes.js';
import { syncIndex } from '../../src/db/sync.js';
import { MIGRATIONS } from '../../src/db/migrations.js';
import { copyBundledArchive, eventYaml, makeArchive, tempDir, writeFile } from '../helpers/archive.js';
import { runHub, runJson } from '../helpers/run.js';

const sync = async (root: string, rebuild = false) => {
  const { db, report } = await syncIndex(root, { rebuild });
  db.close();
  return report;
};

describe('the index', () => {
  it('is built once, then re-parses only what changed', async () => {
    const root = copyBundledArchive();
    const first = await sync(root);
    expect(first.parsed).toHaveLength(23);
    expect(first.added).toBe(23);

    const again = await sync(root);
    expect(again.parsed).toEqual([]);

    const file = path.join(root, 'events/2020/2020-hrm-in-civil-service-amid-covid-19.yaml');
    writeFile(root, 'events/2020/2020-hrm-in-civil-service-amid-covid-19.yaml', (await import('node:fs')).readFileSync(file, 'utf8').replace('format: online', 'format: hybrid'));
    const edited = await sync(root);
    expect(edited.parsed).toEqual(['events/2020/2020-hrm-in-civil-service-amid-covid-19.yaml']);
    expect(edited.updated).toBe(1);
    const events = await runJson<Array<{ id: string; format: string }>>(['events', '--year', '2020'], { cwd: root });
    expect(events[0]!.format).toBe('hybrid');
  });

  it("runs the command's own preparation before it waits for the listing, on a current index and on a stale one", async () => {
    const root = makeArchive({ 'events/2024/2024-05-01-a.yaml': eventYaml({ start: '2024-05-01' }) });
    for (const round of ['first sync', 'no change']) {
      const order: string[] = [];
      const pending = startListingArchive(root);
      const listing = { ...pending, wait: () => (order.push('wait'), pending.wait()) };
      const { db } = await syncIndex(root, { listing, whileListing: () => order.push('prepare') });
      db.close();
      expect(order, round).toEqual(['prepare', 'wait']);
    }
  });

  it('takes in a file changed after the listing a sync went by, and looks at it again next time', async () => {
    // A sync that did not wait for the lock writes from the listing that showed the change.
    const root = makeArchive({ 'events/2024/2024-05-01-a.yaml': eventYaml({ start: '2024-05-01', title: 'First' }) });
    await sync(root);
    const file = 'events/2024/2024-05-01-a.yaml';
    writeFile(root, file, eventYaml({ start: '2024-05-01', title: 'Second' }));
    const listed = listArchive(root);
    writeFile(root, file, eventYaml({ start: '2024-05-01', title: 'Third, written after the listing' }));
    const { db, report } = await syncChanges(root, {}, listed);
    expect(report.parsed).toEqual([file]);
    expect(db.prepare('SELECT title FROM events').pluck().get()).toBe('Third, written after the listing');
    db.close();
    // Stamped as listed, the file differs from its stamp: the next sync hashes it (same bytes: not parsed) and is then current.
    const next = await syncIndex(root);
    expect(next.report).toMatchObject({ updated: 0, parsed: [] });
    // Now the index is current with what is on disk.
    expect(next.db.prepare("SELECT value FROM meta WHERE key = 'fingerprint'").pluck().get()).toBe(fingerprintArchive(listArchive(root)));
    next.db.close();
    expect((await runJson<Array<{ title: string }>>(['events'], { cwd: root }))[0]!.title).toBe('Third, written after the listing');
  });

  it('does not re-parse a file whose bytes are unchanged, even if touched', async () => {
    const root = copyBundledArchive();
    await sync(root);
    const file = path.join(root, 'people/alikhan-baimenov.yaml');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await sync(root)).parsed).toEqual([]);
  });

  it('forgets removed files and takes in new ones', async () => {
    const root = copyBundledArchive();
    await sync(root);
    rmSync(path.join(root, 'events/2024/2024-04-aspa-international-assembly.yaml'));
    writeFile(root, 'events/2025/2025-01-15-new-webinar.yaml', eventYaml({ start: '2025-01-15', speakers: '[{ name: Ayşe Yılmaz, country: TR }]' }));
    const report = await sync(root);
    expect(report.removed).toBe(1);
    expect(report.added).toBe(1);
    const ids = (await runJson<Array<{ id: string }>>(['events'], { cwd: root })).map((e) => e.id);
    expect(ids).toContain('2025-01-15-new-webinar');
    expect(ids).not.toContain('2024-04-aspa-international-assembly');
  });

  it('makes unregistered names people of their own, and re-resolves them when an alias is registered', async () => {
    const root = makeArchive({
      'events/2024/2024-01-01-a.yaml': eventYaml({ start: '2024-01-01', speakers: '[{ name: "Mr.Baimenov", country: KZ }, { name: Pan Su Kim }]' }),
      'events/2024/2024-02-01-b.yaml': eventYaml({ start: '2024-02-01', speakers: '[{ name: Alikhan Baimenov, country: KZ }]' }),
      'people/alikhan-baimenov.yaml': 'name: Alikhan Baimenov\ncountry: KZ\n',
    });
    const before = await runJson<Array<{ id: string; name: string; events: number; registered: boolean }>>(['speakers'], { cwd: root });
    expect(before.map((s) => [s.id, s.events, s.registered])).toEqual([
      ['alikhan-baimenov', 1, true],
      ['mr-baimenov', 1, false],
      ['pan-su-kim', 1, false],
    ]);
    writeFile(root, 'people/alikhan-baimenov.yaml', 'name: Alikhan Baimenov\naliases: ["Mr.Baimenov"]\ncountry: KZ\n');
    const after = await runJson<Array<{ id: string; name: string; events: number; first: string; last: string }>>(['speakers'], { cwd: root });
    expect(after.map((s) => [s.id, s.name, s.events, s.first, s.last])).toEqual([
      ['alikhan-baimenov', 'Alikhan Baimenov', 2, '2024-01-01', '2024-02-01'],
      ['pan-su-kim', 'Pan Su Kim', 1, '2024-01-01', '2024-01-01'],
    ]);
  });

  it('can be deleted or corrupted without losing anything', async () => {
    const root = copyBundledArchive();
    const before = await runJson(['speakers'], { cwd: root });
    rmSync(path.join(root, '.hub'), { recursive: true });
    expect(await runJson(['speakers'], { cwd: root })).toEqual(before);
    for (const suffix of ['-wal', '-shm']) rmSync(path.join(root, '.hub/index.sqlite' + suffix), { force: true });
    writeFileSync(path.join(root, '.hub/index.sqlite'), 'this is not a database, it is a text file that got here somehow');
    expect(await runJson(['speakers'], { cwd: root })).toEqual(before);
  });

  it('says how to mend an index damaged past its first page, and a rebuild mends it', async () => {
    const root = copyBundledArchive();
    const before = await runJson(['speakers'], { cwd: root });
    // What a crash during writeback can leave: a valid header, then pages of zeros.
    const file = path.join(root, '.hub/index.sqlite');
    const bytes = readFileSync(file);
    bytes.fill(0, 4 * 4096, 24 * 4096);
    writeFileSync(file, bytes);
    const damaged = await runHub(['speakers'], { cwd: root });
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain("error: the index in the archive's .hub folder is damaged (database disk image is malformed)");
    expect(damaged.stderr).toContain('hint: it holds nothing the YAML files do not: run `hub index --rebuild` to build it again');
    expect(damaged.stderr).not.toContain('unexpected failure');
    expect((await runHub(['index', '--rebuild'], { cwd: root })).code).toBe(0);
    expect(await runJson(['speakers'], { cwd: root })).toEqual(before);
  });

  it('says what to do when the index cannot be opened, as when a folder stands in its place', async () => {
    const root = copyBundledArchive();
    mkdirSync(path.join(root, '.hub', 'index.sqlite'), { recursive: true });
    const result = await runHub(['speakers'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: cannot open or write the index in the archive's .hub folder (unable to open database file)");
    expect(result.stderr).toContain('hint: .hub/index.sqlite must be a file this user can read and write');
    expect(result.stderr).not.toContain('unexpected failure');
    rmSync(path.join(root, '.hub', 'index.sqlite'), { recursive: true });
    expect((await runHub(['speakers'], { cwd: root })).code).toBe(0);
  });

  it('is a plain SQLite file with migrations, full-text search and views', async () => {
    const root = copyBundledArchive();
    await sync(root);
    const db = new Database(path.join(root, '.hub/index.sqlite'), { readonly: true });
    expect(db.prepare('SELECT name FROM migrations').pluck().all()).toEqual(MIGRATIONS.map((m) => m.name));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT country, speakers FROM speakers_by_country WHERE country = 'KZ'").get()).toEqual({ country: 'KZ', speakers: 4 });
    expect(db.prepare("SELECT speakers, topics FROM event_summary WHERE id = '2020-hrm-in-civil-service-amid-covid-19'").get()).toEqual({
      speakers: 7,
      topics: 'hrm; covid-19; international-cooperation; public-trust',
    });
    const hits = db.prepare("SELECT e.id, d.kind FROM search JOIN search_docs d ON d.rowid = search.rowid JOIN events e ON e.key = d.event_key WHERE search MATCH 'trust' ORDER BY rank").all();
    expect(hits).toEqual([{ id: '2020-hrm-in-civil-service-amid-covid-19', kind: 'quote' }]);
    // Each appearance with its event's id, for SQL that would rather not join on keys.
    expect(db.prepare("SELECT event_id, name, country FROM event_speakers WHERE person_id = 'alikhan-baimenov'").all()).toContainEqual({
      event_id: '2024-04-12-digital-transformation-hrm-panel',
      name: 'Alikhan Baimenov',
      country: 'KZ',
    });
    db.close();
  });

  it('builds an index from before integer event keys again from the files, to the same answers', async () => {
    const root = copyBundledArchive();
    const speakers = (await runJson(['speakers'], { cwd: root })) as unknown[];
    const events = await runJson(['events', '--country', 'KZ'], { cwd: root });
    const countries = await runJson(['countries'], { cwd: root });
    // Take the index back to how migration 006 left it: rows that name their event by its id.
    const file = path.join(root, '.hub/index.sqlite');
    const old = new Database(file);
    old.exec(`DROP VIEW event_speakers; ALTER TABLE appearances RENAME COLUMN event_key TO event_id;
      DELETE FROM migrations WHERE name = '007-integer-event-keys'; PRAGMA user_version = 6;`);
    old.close();
    const report = await sync(root);
    expect(report.rebuilt).toBe(true);
    expect(report.parsed).toHaveLength(23);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT name FROM migrations').pluck().all()).toEqual(MIGRATIONS.map((m) => m.name));
    expect(db.prepare("SELECT name FROM pragma_table_info('appearances') WHERE name LIKE 'event%'").pluck().all()).toEqual(['event_key', 'event_start']);
    db.close();
    expect(await runJson(['speakers'], { cwd: root })).toEqual(speakers);
    expect(await runJson(['events', '--country', 'KZ'], { cwd: root })).toEqual(events);
    expect(await runJson(['countries'], { cwd: root })).toEqual(countries);
    expect(speakers.length).toBeGreaterThan(5);
  });

  it('answers each command from one snapshot, whatever another process writes meanwhile', async () => {
    const root = copyBundledArchive();
    const io = { stdout: { write: () => true, isTTY: false }, stderr: { write: () => true, isTTY: false }, stdin: Readable.from([]), env: { NO_COLOR: '1' }, cwd: root };
    const ctx = new Context(io, { archive: root, quiet: true });
    const counts = await withSyncedIndex(ctx, async (db) => {
      const count = () => db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
      const before = count();
      // Another writer indexes a new event between two statements of this command.
      writeFile(root, 'events/2025/2025-01-01-new.yaml', eventYaml({ start: '2025-01-01', title: 'New' }));
      expect((await sync(root)).added).toBe(1);
      return [before, count()];
    });
    expect(counts[1]).toBe(counts[0]);
    const { db } = await syncIndex(root);
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(counts[0]! + 1);
    db.close();
  });

  it('is rebuilt on request, and `hub index` says what it did', async () => {
    const root = copyBundledArchive();
    const first = await runHub(['index'], { cwd: root });
    expect(first.stderr).toMatch(/indexed 23 files: 23 added, 0 updated, 0 removed/);
    const second = await runHub(['index'], { cwd: root });
    expect(second.stderr).toMatch(/index up to date \(23 files/);
    const rebuilt = await runHub(['index', '--rebuild', '--format', 'json'], { cwd: root });
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({ files: 23, added: 23, parsed: 23, rebuilt: true, notIndexed: 0 });
  });

  it('indexes an event whose duplicate id sits in another year folder only once', async () => {
    const root = makeArchive({
      'events/2024/2024-01-01-a.yaml': eventYaml({ start: '2024-01-01', title: 'First' }),
      'events/2025/2024-01-01-a.yaml': eventYaml({ start: '2024-01-01', title: 'Second' }),
    });
    const result = await runHub(['events', '--format', 'json'], { cwd: root });
    expect((JSON.parse(result.stdout) as Array<{ title: string }>).map((e) => e.title)).toEqual(['First']);
    expect(result.stderr).toMatch(/1 record file has problems/);
    // An index found current reports the counts saved with it, and one from before they were
    // saved counts its files.
    expect((await runHub(['events'], { cwd: root })).stderr).toMatch(/1 record file has problems/);
    const db = new Database(path.join(root, '.hub/index.sqlite'));
    expect(JSON.parse(db.prepare("SELECT value FROM meta WHERE key = 'file_counts'").pluck().get() as string)).toEqual({ files: 2, notIndexed: 1, misplaced: 0 });
    db.prepare("DELETE FROM meta WHERE key = 'file_counts'").run();
    db.close();
    const report = await runJson<{ files: number; notIndexed: number }>(['index'], { cwd: root });
    expect(report).toMatchObject({ files: 2, notIndexed: 1, parsed: 0 });
  });

  it('says when files are left out for their name or place, also on an index found current', async () => {
    const root = makeArchive({
      'events/2024/2024-01-01-a.yaml': eventYaml({ start: '2024-01-01' }),
      'events/2024-02-01-loose.yaml': eventYaml({ start: '2024-02-01' }),
      'people/Jane_Doe.yaml': 'name: Jane Doe\n',
    });
    const warning = 'warning: 2 files are in the wrong place or named so that they are not records, and left out of the index: run `hub validate`\n';
    const first = await runHub(['events', '--format', 'json'], { cwd: root });
    expect([JSON.parse(first.stdout).length, first.stderr]).toEqual([1, warning]);
    expect((await runHub(['events', '--format', 'json'], { cwd: root })).stderr).toBe(warning);
    // Counts saved by an older hub lack the number: the sync looks at the files once, parsing none, and saves it.
    const db = new Database(path.join(root, '.hub/index.sqlite'));
    db.prepare("UPDATE meta SET value = '{\"files\":1,\"notIndexed\":0}' WHERE key = 'file_counts'").run();
    db.close();
    const report = await runJson<{ misplaced: number; parsed: number }>(['index'], { cwd: root });
    expect(report).toMatchObject({ misplaced: 2, parsed: 0 });
    rmSync(path.join(root, 'events/2024-02-01-loose.yaml'));
    expect((await runHub(['events', '--format', 'json'], { cwd: root })).stderr).toBe(
      'warning: 1 file is in the wrong place or named so that it is not a record, and left out of the index: run `hub validate`\n',
    );
  });

  it('shows progress on a terminal while indexing many files, and none when piped', async () => {
    const tree: Record<string, string> = {};
    for (let i = 1; i <= 250; i++) {
      const day = `2024-01-${String((i % 28) + 1).padStart(2, '0')}`;
      tree[`events/2024/${day}-event-${i}.yaml`] = eventYaml({ start: day, title: `Event ${i}` });
    }
    const root = makeArchive(tree);
    const onTerminal = await runHub(['index'], { cwd: root, stderrTty: true });
    expect(onTerminal.stderr).toContain('\rindexing 250/250');
    expect(onTerminal.stderr).toMatch(/indexed 250 files: 250 added/);
    const piped = await runHub(['index', '--rebuild'], { cwd: root });
    expect(piped.stderr).not.toContain('\r');
  });
});


describe('hub init', () => {
  it('creates an empty archive that the queries find, and refuses to overwrite one', async () => {
    const cwd = tempDir();
    const first = await runHub(['init'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/created an empty archive in archive: events\/, people\/, organizations\/, schemas\/, .gitignore, README.md/);
    expect(readFileSync(path.join(cwd, 'archive', '.gitignore'), 'utf8')).toContain('.hub/');
    expect(readFileSync(path.join(cwd, 'archive', 'README.md'), 'utf8')).toContain('events/<YYYY>/<id>.yaml');
    const events = await runHub(['events', '--format', 'json'], { cwd });
    expect(events.code).toBe(0);
    expect(JSON.parse(events.stdout)).toEqual([]);
    const again = await runHub(['init'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds an archive/);
    writeFileSync(path.join(cwd, 'notes.txt'), 'mine');
    const busy = await runHub(['init', '.'], { cwd });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/is not empty/);
    expect(readFileSync(path.join(cwd, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
