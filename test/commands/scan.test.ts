import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LISTING_COMMANDS, startEarlyListing } from '../../src/cli/early-listing.js';
import type { IO } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';
import { fingerprintArchive, listArchive, scanArchive, startListingArchive } from '../../src/core/archive.js';
import { listDirs, startListingDirs, usesNativeScan } from '../../src/core/dir-stamps.js';
import { syncIndex } from '../../src/db/sync.js';
import { eventYaml, makeArchive, tempDir, writeFile } from '../helpers/archive.js';

/*
 * Every query starts by listing the record folders with each file's size and modification
 * time. The native addon and node:fs must give the same listing to the bit, since either
 * may have written the fingerprint the other compares against.
 */

function mixedArchive(): string {
  const root = makeArchive({
    'events/2024/2024-03-05-a.yaml': eventYaml(),
    'events/2024/2024-03-06-b.yaml': eventYaml({ start: '2024-03-06' }),
    'events/2024/Türkiye forum.yaml': eventYaml(),
    'events/2024/notes.yml': eventYaml(),
    'events/2024/.hidden.yaml': eventYaml(),
    'events/2024/README.md': '# notes\n',
    'events/2024/drafts/2024-09-09-draft.yaml': eventYaml(),
    'events/misc/2023-01-01-x.yaml': eventYaml({ start: '2023-01-01' }),
    'events/2024-stray.yaml': eventYaml(),
    'people/dana-sarsen.yaml': 'name: Dana Sarsen\n',
    'people/김민준.yaml': 'name: 김민준\n',
  });
  const outside = path.join(tempDir(), 'elsewhere.yaml');
  writeFileSync(outside, 'name: Someone Else\n');
  symlinkSync(outside, path.join(root, 'people/someone-else.yaml'));
  symlinkSync(path.join(root, 'people/dana-sarsen.yaml'), path.join(root, 'people/dana-linked.yaml'));
  symlinkSync(path.join(root, 'people/nowhere.yaml'), path.join(root, 'people/dangling.yaml'));
  symlinkSync(path.join(root, 'people/loop.yaml'), path.join(root, 'people/loop.yaml'));
  return root;
}

describe.skipIf(process.platform === 'win32')('the native listing', () => {
  it('is built here (HUB_NATIVE=0 turns it off)', () => {
    expect(usesNativeScan()).toBe(process.env.HUB_NATIVE !== '0');
  });

  it('lists what node:fs lists: names in the same order, kinds, sizes and times to the bit', () => {
    const root = mixedArchive();
    const dirs = ['events', 'events/2024', 'people', 'organizations', 'missing'].map((d) => path.join(root, d));
    const native = listDirs(dirs);
    const nodeFs = listDirs(dirs, { native: false });
    const plain = (l: (typeof native)[number]) => ({ names: l.names, kinds: [...Array.from(l.kinds)], sizes: [...l.sizes], mtimesMs: [...l.mtimesMs] });
    expect(native.map(plain)).toEqual(nodeFs.map(plain));
    expect(native[1]!.names).toEqual(['2024-03-05-a.yaml', '2024-03-06-b.yaml', 'README.md', 'Türkiye forum.yaml', 'drafts', 'notes.yml']);
    expect(native[4]!.names).toEqual([]);
  });

  it('lists the same when started ahead on its own threads, and hands the listing over once', () => {
    const root = mixedArchive();
    const dirs = ['events/2024', 'people', 'missing'].map((d) => path.join(root, d));
    const plain = (l: ReturnType<typeof listDirs>[number]) => ({ names: l.names, kinds: [...Array.from(l.kinds)], sizes: [...l.sizes], mtimesMs: [...l.mtimesMs] });
    const started = startListingDirs(dirs);
    const startedWithoutAddon = startListingDirs(dirs, { native: false });
    expect(started.wait().map(plain)).toEqual(listDirs(dirs).map(plain));
    expect(startedWithoutAddon.wait().map(plain)).toEqual(listDirs(dirs).map(plain));
    expect(() => started.wait()).toThrow(/already collected/);
    expect(() => startedWithoutAddon.wait()).toThrow(/already collected/);
  });

  it('digests the listing on its own thread, to the bit as fingerprintArchive does in JavaScript', () => {
    const root = makeArchive({
      'events/2023/2023-11-30-z.yaml': eventYaml({ start: '2023-11-30' }),
      'events/2024/2024-03-05-a.yaml': eventYaml(),
      'events/2024/Türkiye forum.yaml': eventYaml(),
      'events/2024/README.md': '# notes\n',
      'events/2024/drafts/2024-09-09-draft.yaml': eventYaml(),
      'events/2024-stray.yaml': eventYaml(),
      'people/김민준.yaml': 'name: 김민준\n',
      'people/Кыргызстан.yaml': 'name: Айбек\n',
    });
    mkdirSync(path.join(root, 'events/2025'));
    // organizations/ is missing: it lists as empty, either way.
    const inJavaScript = ({ digest: _, ...listed }: ReturnType<typeof listArchive>) => fingerprintArchive(listed);
    const check = () => {
      const listed = listArchive(root);
      // HUB_NATIVE=0 runs these tests without the addon: then JavaScript digests.
      expect(listed.digest === undefined).toBe(!usesNativeScan());
      const print = fingerprintArchive(listed);
      expect(print).toMatch(/^[0-9a-f]{40}$/);
      expect(print).toBe(inJavaScript(listed));
      expect(print).toBe(fingerprintArchive(listArchive(root, { native: false })));
      return print;
    };
    const before = check();
    utimesSync(path.join(root, 'events/2024/2024-03-05-a.yaml'), new Date(2030, 0, 1, 12, 0, 0, 123), new Date(2030, 0, 1, 12, 0, 0, 123));
    const edited = check();
    expect(edited).not.toBe(before);
    writeFile(root, 'people/Кыргызстан.yaml', 'name: Айбек Осмонов\n');
    expect(check()).not.toBe(edited);
  });

  it('leaves the digest to JavaScript where a folder holds a link or a name that is not UTF-8', () => {
    const linked = mixedArchive();
    expect(listArchive(linked).digest).toBeUndefined();
    const root = makeArchive({ 'events/2024/2024-03-05-a.yaml': eventYaml() });
    writeFileSync(Buffer.concat([Buffer.from(path.join(root, 'events/2024/')), Buffer.from([0x66, 0xff, 0x2e, 0x79, 0x61, 0x6d, 0x6c])]), 'x: 1\n');
    // node:fs cannot stat such a file by its decoded name, so the two listings differ here.
    const listed = listArchive(root);
    expect(listed.digest).toBeUndefined();
    expect(fingerprintArchive(listed)).toMatch(/^[0-9a-f]{40}$/);
    expect(fingerprintArchive(listArchive(root))).toBe(fingerprintArchive(listed));
  });
});

describe('the listing bin/hub.js starts before the program loads', () => {
  const archive = () => makeArchive({ 'events/2024/2024-03-05-a.yaml': eventYaml(), 'people/dana-sarsen.yaml': 'name: Dana Sarsen\n' });

  it('is started for the commands that sync the index, in the archive they will use', () => {
    const root = archive();
    const elsewhere = tempDir();
    const guess = (argv: string[], env: NodeJS.ProcessEnv = {}, cwd = root) => startEarlyListing(argv, env, cwd)?.root;
    expect(guess(['speakers', '--country', 'KZ'])).toBe(root);
    expect(guess(['--format', 'json', 'events', '--year', '2024'])).toBe(root);
    expect(guess(['events', '--archive', root], {}, elsewhere)).toBe(root);
    expect(guess([`--archive=${root}`, 'report', 'annual'], {}, elsewhere)).toBe(root);
    expect(guess(['countries'], { HUB_ARCHIVE: root }, elsewhere)).toBe(root);
    expect(guess(['index'])).toBe(root);
    expect(guess(['index', '--rebuild'])).toBe(root);
    // Not a query, help, or no archive to be found.
    for (const argv of [['validate'], ['add-event', '--title', 'events'], ['speakers', '--help'], [], ['--', 'events']]) expect(guess(argv)).toBeUndefined();
    expect(guess(['speakers'], {}, elsewhere)).toBeUndefined();
    // What it lists is what listing then would give.
    expect(startEarlyListing(['speakers'], {}, root)!.wait()).toEqual(listArchive(root));
  });

  it('names commands the program has', () => {
    const io: IO = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from([]), env: {}, cwd: tempDir() };
    const names = buildProgram(io, () => {}).commands.map((command) => command.name());
    expect([...LISTING_COMMANDS].filter((name) => !names.includes(name))).toEqual([]);
  });

  it('is used only for the archive it was made for', async () => {
    const root = archive();
    const other = makeArchive({ 'events/2023/2023-01-01-b.yaml': eventYaml({ start: '2023-01-01' }) });
    const { db, report } = await syncIndex(root, { listing: startListingArchive(other) });
    expect(report.files).toBe(2);
    expect(db.prepare('SELECT id FROM events').pluck().all()).toEqual(['2024-03-05-a']);
    db.close();
  });
});

describe('scanning the archive', () => {
  it('finds the same files and problems either way, and refuses links out of the archive', () => {
    const root = mixedArchive();
    const withAddon = scanArchive(root, listArchive(root));
    expect(scanArchive(root, listArchive(root, { native: false }))).toEqual(withAddon);
    expect(withAddon.files.map((f) => f.path)).toEqual([
      'events/2024/2024-03-05-a.yaml',
      'events/2024/2024-03-06-b.yaml',
      'people/dana-linked.yaml',
      'people/dana-sarsen.yaml',
    ]);
    expect(withAddon.issues.map((i) => `${i.file}: ${i.message}`).sort()).toEqual([
      'events/2024-stray.yaml: event records live in events/<YYYY>/: move 2024-stray.yaml into the folder of its start year',
      'events/2024/Türkiye forum.yaml: `Türkiye forum` is not a valid id (lowercase kebab-case ASCII, at most 120 characters): rename the file to turkiye-forum.yaml',
      'events/2024/notes.yml: record files end in .yaml: rename notes.yml to notes.yaml',
      'events/misc: events/misc is not a year folder: event records live in events/<YYYY>/',
      expect.stringMatching(/^people\/dangling\.yaml: cannot read dangling\.yaml: ENOENT/),
      expect.stringMatching(/^people\/loop\.yaml: cannot read loop\.yaml: ELOOP/),
      'people/someone-else.yaml: someone-else.yaml is a link to a file outside the archive: records must live inside it',
      expect.stringMatching(/^people\/김민준\.yaml: `김민준` is not a valid id/),
    ]);
  });

  it('fingerprints the same either way, and any change to a record, or through a link, changes it', () => {
    const root = mixedArchive();
    const print = () => fingerprintArchive(listArchive(root));
    const before = print();
    expect(fingerprintArchive(listArchive(root, { native: false }))).toBe(before);
    expect(print()).toBe(before);

    // An edit in place keeps the folder's time: only the file's own stamp tells.
    utimesSync(path.join(root, 'events/2024/2024-03-05-a.yaml'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    const edited = print();
    expect(edited).not.toBe(before);
    // The target of a link, edited through the other name.
    utimesSync(path.join(root, 'people/dana-sarsen.yaml'), new Date(2031, 0, 1), new Date(2031, 0, 1));
    const target = print();
    expect(target).not.toBe(edited);
    expect(fingerprintArchive(listArchive(root, { native: false }))).toBe(target);
    mkdirSync(path.join(root, 'events/2025'));
    expect(print()).not.toBe(target);
  });

  it('takes in an edit, then finds nothing to do until the next change', async () => {
    const root = makeArchive({ 'events/2024/2024-03-05-a.yaml': eventYaml() });
    const first = await syncIndex(root);
    first.db.close();
    writeFile(root, 'events/2024/2024-03-05-a.yaml', eventYaml({ title: 'Renamed' }));
    const second = await syncIndex(root);
    second.db.close();
    expect(second.report.parsed).toEqual(['events/2024/2024-03-05-a.yaml']);
    const third = await syncIndex(root);
    expect(third.report).toMatchObject({ files: 1, parsed: [], added: 0, updated: 0, removed: 0 });
    expect(third.db.prepare('SELECT title FROM events').pluck().get()).toBe('Renamed');
    third.db.close();
  });
});
