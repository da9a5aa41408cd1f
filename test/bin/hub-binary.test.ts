import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.js';
import { copyBundledArchive, eventYaml, makeArchive, tempDir, writeFile } from '../helpers/archive.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/hub.js');

function hub(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? tempDir(),
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the built binary', () => {
  it('exists (npm run build made it): the compiled modules and their CommonJS bundle', () => {
    expect(existsSync(path.resolve(import.meta.dirname, '../../dist/cli/main.js'))).toBe(true);
    for (const file of ['hub.cjs', 'early.cjs', 'parse-worker.cjs']) expect(existsSync(path.resolve(import.meta.dirname, '../../dist/bundle', file))).toBe(true);
    // bin/hub.js is CommonJS (bin/package.json), so Node starts without its ES module loader.
    expect(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../bin/package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    expect(readFileSync(BIN, 'utf8')).toContain("require('../dist/bundle/hub.cjs')");
  });

  it('prints its version and help', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(hub(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = hub(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate.*\n[\s\S]*speakers/);
  });

  it('answers the README quick start on a copy of the bundled archive', () => {
    const root = copyBundledArchive();
    const result = hub(['speakers', '--country', 'KZ'], { cwd: path.dirname(root) });
    expect(result.code).toBe(0);
    const names = (JSON.parse(result.stdout) as Array<{ name: string }>).map((s) => s.name);
    expect(names).toEqual(['Alikhan Baimenov', 'Anar Zhailganova', 'Damir Deminov', 'Gulmira Raisova']);
    expect(existsSync(path.join(root, '.hub', 'index.sqlite'))).toBe(true);
  });

  it('answers "how often has Mr. Baimenov spoken, and where?" and a full-text search', () => {
    const root = copyBundledArchive();
    const person = hub(['person', 'Mr. Baimenov', '--format', 'json'], { cwd: root });
    expect(person.code).toBe(0);
    const profile = JSON.parse(person.stdout) as { id: string; appearances: Array<{ event: string }> };
    expect(profile.id).toBe('alikhan-baimenov');
    expect(profile.appearances.map((a) => a.event)).toEqual(['2024-04-12-digital-transformation-hrm-panel', '2020-hrm-in-civil-service-amid-covid-19']);
    const search = hub(['search', 'public trust', '--format', 'ndjson'], { cwd: root });
    expect(search.code).toBe(0);
    expect(JSON.parse(search.stdout.split('\n')[0]!)).toMatchObject({ kind: 'quote', event: '2020-hrm-in-civil-service-amid-covid-19' });
  });

  it('sees an edit made between two queries, wherever the archive is named (the listing starts before the program loads)', () => {
    const root = copyBundledArchive();
    const elsewhere = path.dirname(path.dirname(root));
    const titleOf = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => {
      const result = hub([...args, '--format', 'json'], { cwd, env });
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as Array<{ id: string; title: string }>).find((e) => e.id === '2020-hrm-in-civil-service-amid-covid-19')?.title;
    };
    expect(titleOf(['events'], root)).toMatch(/^Human resources management in civil service amid COVID-19/);
    const file = path.join(root, 'events/2020/2020-hrm-in-civil-service-amid-covid-19.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited once'));
    expect(titleOf(['events', '--archive', root], elsewhere)).toBe('Edited once');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited twice'));
    expect(titleOf([`--archive=${root}`, 'events'], elsewhere)).toBe('Edited twice');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited three times'));
    expect(titleOf(['events'], elsewhere, { HUB_ARCHIVE: root })).toBe('Edited three times');
  });

  it('exits 1 on invalid data with located problems, and 2 on usage errors', () => {
    const root = copyBundledArchive();
    writeFile(root, 'events/2024/2024-06-01-typo.yaml', 'title: T\ntype: webinar\nstart: 2024-06-01\nspeakr: []\n');
    const invalid = hub(['validate'], { cwd: root });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('events/2024/2024-06-01-typo.yaml:4:1  unknown key `speakr` (did you mean `speakers`?)\n');
    expect(invalid.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(hub(['speakers', '--format', 'yaml'], { cwd: root }).code).toBe(2);
    expect(hub(['no-such-command'], { cwd: root }).code).toBe(2);
    expect(hub([], { cwd: root }).code).toBe(2);
  });

  it('keeps colour off when not a terminal, and on when forced', () => {
    const root = copyBundledArchive();
    const plain = hub(['validate'], { cwd: root, env: {} });
    expect(plain.stderr).not.toMatch(/\x1b\[/);
    const forced = hub(['validate'], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stderr).toMatch(/\x1b\[/);
    const refused = hub(['validate', '--no-color'], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(refused.stderr).not.toMatch(/\x1b\[/);
  });

  it('gives the same answers parsing on worker threads, on them and the main thread, and on one thread', () => {
    // Large archives are read by worker threads, started while the folders are still being
    // listed; a low threshold sends this small one through them.
    const root = `${tempDir()}/archive`;
    generateArchive(root, { events: 120, seed: 3 });
    writeFile(root, 'events/2024/2024-06-01-typo.yaml', 'title: T\ntype: webinar\nstart: 2024-06-01\nspeakr: []\n');
    writeFile(root, 'events/2024/2024-06-02-broken.yaml', 'title: "never closed\ntype: webinar\n');
    writeFile(root, 'events/2023/2024-06-03-wrong-year.yaml', eventYaml({ start: '2024-06-03' }));
    const onThreads = { HUB_PARALLEL_THRESHOLD: '1' };
    // The main thread parses too, so on an archive this small it may do every batch itself.
    const onWorkersOnly = { HUB_PARALLEL_THRESHOLD: '1', HUB_MAIN_THREAD_PARSES: '0' };
    const onOne = { HUB_PARALLEL_THRESHOLD: '1000000' };
    const answers = (env: NodeJS.ProcessEnv) => {
      const rebuilt = hub(['index', '--rebuild', '--format', 'json'], { cwd: root, env });
      const { ms, ...report } = JSON.parse(rebuilt.stdout) as { ms: number };
      expect(ms).toBeGreaterThan(0);
      return [
        rebuilt.code,
        report,
        ...[['validate', '--format', 'json'], ['speakers', '--format', 'json'], ['countries', '--format', 'json'], ['fmt', '--check'], ['lint', '--format', 'json']].map((args) => {
          const result = hub(args, { cwd: root, env });
          return { code: result.code, stdout: result.stdout };
        }),
      ];
    };
    const threaded = answers(onThreads);
    expect(threaded).toEqual(answers(onOne));
    expect(answers(onWorkersOnly)).toEqual(threaded);
    expect(threaded[0]).toBe(0);
    expect(threaded[1]).toMatchObject({ rebuilt: true, notIndexed: 2 });
    const problems = JSON.parse((threaded[2] as { stdout: string }).stdout) as Array<{ file: string; line: number }>;
    expect(problems.map((p) => p.file)).toEqual(expect.arrayContaining(['events/2024/2024-06-01-typo.yaml', 'events/2024/2024-06-02-broken.yaml', 'events/2023/2024-06-03-wrong-year.yaml']));
    expect((JSON.parse((threaded[3] as { stdout: string }).stdout) as unknown[]).length).toBeGreaterThan(10);
  });

  it('stops workers started for a pass that turns out small', () => {
    // Listed files count towards starting workers; only record files are parsed.
    const tree: Record<string, string> = { 'events/2024/2024-01-01-a.yaml': eventYaml({ start: '2024-01-01' }) };
    for (let i = 0; i < 6; i++) tree[`people/notes-${i}.txt`] = 'not a record';
    const root = makeArchive(tree);
    const result = spawnSync(process.execPath, [BIN, 'index', '--rebuild', '--format', 'json'], {
      cwd: root, env: { PATH: process.env.PATH, NO_COLOR: '1', HUB_PARALLEL_THRESHOLD: '5' }, encoding: 'utf8', timeout: 20_000,
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ files: 1, added: 1 });
  });

  it('stops quietly when the reader closes the pipe early (`hub events | head`)', () => {
    const root = makeArchive(
      Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`events/2024/2024-05-01-session-${i}.yaml`, eventYaml({ start: '2024-05-01', title: `Session ${i} on a long title that fills the pipe` })])),
    );
    // Far more than a pipe holds, read only up to the first 100 bytes.
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" events --format json 2>err.txt | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      cwd: root,
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(result.stdout.trim()).toBe('0');
    expect(readFileSync(path.join(root, 'err.txt'), 'utf8')).toBe('');
  });
});
