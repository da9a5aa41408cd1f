import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyBundledArchive, makeArchive } from '../helpers/archive.js';
import { renameFault } from '../helpers/faults.js';
import { runHub, runJson } from '../helpers/run.js';

/** An archive with the spelling variants real sources produce, written for this test. */
const VARIANTS = {
  'people/alikhan-baimenov.yaml': 'name: Alikhan Baimenov\ncountry: KZ\n',
  'people/william-shields.yaml': 'name: William Shields\ncountry: US\n',
  'organizations/aspa.yaml': 'name: American Society for Public Administration\nacronym: ASPA\n',
  'events/2024/2024-01-10-forum-a.yaml': `title: Forum A
type: forum
start: 2024-01-10
organizers: [ASPA]
speakers:
  - person: alikhan-baimenov
    role: keynote
  - name: A. Baimenov
    role: panelist
  - name: William P. Shields Jr.
    role: panelist
  - name: Anna Wawiernia
    role: panelist
  - name: Larbi DJACTA
    role: panelist
  - name: Viсtor Ivanov
    role: panelist
  - name: Pan Su Kim
    role: panelist
sources:
  - title: Forum A report
`,
  'events/2024/2024-02-10-forum-b.yaml': `title: Forum B
type: forum
start: 2024-02-10
speakers:
  - name: Alikhan Baimen
    role: panelist
  - name: Anna Vaviernia
    role: panelist
  - name: DJACTA Larbi
    role: panelist
  - name: Pan Suk Kim
    role: panelist
sources:
  - title: Forum B report
`,
};

interface Finding {
  file: string;
  line: number;
  col: number;
  rule: string;
  severity: string;
  message: string;
  names?: string[];
}

const pairsOf = (findings: Finding[]) => findings.filter((f) => f.rule === 'likely-same-person').map((f) => [...f.names!].sort().join(' ~ '));

describe('hub lint', () => {
  it('reports each variant pair and each mixed-script name, placed in its file', async () => {
    const root = makeArchive(VARIANTS);
    const findings = await runJson<Finding[]>(['lint'], { cwd: root });
    expect(pairsOf(findings).sort()).toEqual(
      [
        'A. Baimenov ~ Alikhan Baimenov',
        'Alikhan Baimen ~ Alikhan Baimenov',
        'William P. Shields Jr. ~ William Shields',
        'Anna Vaviernia ~ Anna Wawiernia',
        'DJACTA Larbi ~ Larbi DJACTA',
        'Pan Su Kim ~ Pan Suk Kim',
      ].sort(),
    );
    const mixed = findings.filter((f) => f.rule === 'mixed-script');
    expect(mixed).toEqual([
      expect.objectContaining({ file: 'events/2024/2024-01-10-forum-a.yaml', line: 16, col: 11, severity: 'error', message: expect.stringMatching(/"Viсtor", which mixes Latin with Cyrillic с \(U\+0441\) looks like Latin c: write "Victor"/) }),
    ]);
    expect(findings.find((f) => f.rule === 'organisation-by-name')).toMatchObject({ line: 4, col: 14 });
    const first = findings.find((f) => f.names?.includes('A. Baimenov') && f.names.includes('Alikhan Baimenov'))!;
    expect(first).toMatchObject({ file: 'events/2024/2024-01-10-forum-a.yaml', line: 8, col: 11 });
    expect(first.message).toMatch(/hub people merge alikhan-baimenov a-baimenov/);
  });

  it('prints findings as lines, and --strict exits 1 when there are any', async () => {
    const root = makeArchive(VARIANTS);
    const plain = await runHub(['lint'], { cwd: root });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^events\/2024\/2024-01-10-forum-a\.yaml:16:11 {2}error mixed-script: /m);
    expect((await runHub(['lint', '--strict'], { cwd: root })).code).toBe(1);
  });

  it('finds nothing on the bundled archive, whose own variants are registered as aliases', async () => {
    const root = copyBundledArchive();
    const result = await runHub(['lint', '--strict'], { cwd: root });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/no data-quality findings/);
  });

  it('warns about suspicious values', async () => {
    const root = makeArchive({
      'events/2024/2024-03-01-x.yaml': 'title: ANNUAL FORUM OF PRACTITIONERS\ntype: forum\nstart: 2024-03-01\nattendance:\n  participants: 0\nspeakers:\n  - name: "Jane  Doe"\n',
    });
    const rules = (await runJson<Finding[]>(['lint'], { cwd: root })).map((f) => f.rule).sort();
    expect(rules).toEqual(['all-capitals', 'no-sources', 'spacing', 'zero-participants']);
  });
});

describe('hub people merge and distinct', () => {
  it('merges DROP into KEEP everywhere: validate stays clean, KEEP has every appearance, one speaker fewer', async () => {
    const root = makeArchive(VARIANTS);
    const before = await runJson<Array<{ id: string }>>(['speakers'], { cwd: root });
    const dry = await runHub(['people', 'merge', 'alikhan-baimenov', 'alikhan-baimen', '--dry-run'], { cwd: root });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^-  - name: Alikhan Baimen$/m);
    expect(dry.stdout).toMatch(/^\+  - person: alikhan-baimenov$/m);
    expect(readFileSync(path.join(root, 'events/2024/2024-02-10-forum-b.yaml'), 'utf8')).toBe(VARIANTS['events/2024/2024-02-10-forum-b.yaml']);

    const merged = await runHub(['people', 'merge', 'alikhan-baimenov', 'alikhan-baimen'], { cwd: root });
    expect(merged.code).toBe(0);
    expect((await runHub(['validate'], { cwd: root })).code).toBe(0);
    const after = await runJson<Array<{ id: string }>>(['speakers'], { cwd: root });
    expect(after.length).toBe(before.length - 1);
    const person = await runJson<{ aliases: string[]; appearances: Array<{ event: string }> }>(['person', 'alikhan-baimenov'], { cwd: root });
    expect(person.aliases).toEqual(['Alikhan Baimen']);
    expect(person.appearances.map((a) => a.event).sort()).toEqual(['2024-01-10-forum-a', '2024-02-10-forum-b']);
    // An unregistered KEEP is registered, with DROP's spellings as aliases.
    expect((await runHub(['people', 'merge', 'larbi-djacta', 'djacta-larbi'], { cwd: root })).code).toBe(0);
    expect(parse(readFileSync(path.join(root, 'people/larbi-djacta.yaml'), 'utf8'))).toEqual({ name: 'Larbi DJACTA', aliases: ['DJACTA Larbi'] });
    expect((await runHub(['fmt', '--check'], { cwd: root })).code).toBe(0);
  });

  it('refuses unknown ids with suggestions, and records two people as distinct so lint stops pairing them', async () => {
    const root = makeArchive(VARIANTS);
    const unknown = await runHub(['people', 'merge', 'alikhan-baimenov', 'alikhan-baimenoff'], { cwd: root });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no person `alikhan-baimenoff` in the archive \(DROP\) \(did you mean alikhan-baimenov/);
    expect((await runHub(['people', 'distinct', 'pan-su-kim', 'pan-suk-kim'], { cwd: root })).code).toBe(0);
    expect(parse(readFileSync(path.join(root, 'people/pan-su-kim.yaml'), 'utf8'))).toEqual({ name: 'Pan Su Kim', distinct_from: ['pan-suk-kim'] });
    expect(existsSync(path.join(root, 'people/pan-suk-kim.yaml'))).toBe(true);
    expect(pairsOf(await runJson<Finding[]>(['lint'], { cwd: root }))).not.toContain('Pan Su Kim ~ Pan Suk Kim');
    expect((await runHub(['validate'], { cwd: root })).code).toBe(0);
  });

  it('undoes a merge killed midway the next time hub takes the lock', async () => {
    const root = makeArchive(VARIANTS);
    const snapshot = () => Object.fromEntries((readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
    await runHub(['index'], { cwd: root });
    const before = snapshot();
    const preload = renameFault(path.join(root, '..'), { nth: 2, action: 'kill' });
    const bin = path.resolve(import.meta.dirname, '../../bin/hub.js');
    const killed = spawnSync(process.execPath, ['--import', preload, bin, 'people', 'merge', 'alikhan-baimenov', 'a-baimenov'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    expect(killed.signal).toBe('SIGKILL');
    expect(snapshot()).not.toEqual(before); // the first file was replaced before the kill
    const query = await runHub(['speakers'], { cwd: root });
    expect(query.code).toBe(0);
    expect(query.stderr).toMatch(/an earlier change was interrupted before it finished: its 2 files were put back as they were/);
    expect(snapshot()).toEqual(before);
    expect((readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('changes no file when a write fails midway', () => {
    const root = makeArchive(VARIANTS);
    const snapshot = () => Object.fromEntries((readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
    const before = snapshot();
    const preload = renameFault(path.join(root, '..'), { nth: 2, action: 'throw' });
    const bin = path.resolve(import.meta.dirname, '../../bin/hub.js');
    const result = spawnSync(process.execPath, ['--import', preload, bin, 'people', 'merge', 'alikhan-baimenov', 'a-baimenov'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not apply the changes: disk full \(forced\); every file was put back as it was/);
    expect(snapshot()).toEqual(before);
    expect((readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
