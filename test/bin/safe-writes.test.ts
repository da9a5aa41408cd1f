import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireArchiveLock } from '../../src/db/lock.js';
import { copyBundledArchive } from '../helpers/archive.js';
import { renameFault } from '../helpers/faults.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/hub.js');
const ENV = { PATH: process.env.PATH, NO_COLOR: '1' };

function hub(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; node?: string[] }) {
  const result = spawnSync(process.execPath, [...(options.node ?? []), BIN, ...args], { cwd: options.cwd, env: { ...ENV, ...options.env }, encoding: 'utf8', input: '' });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

function hubAsync(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.end();
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const yearFiles = (root: string, year: string) => (existsSync(path.join(root, 'events', year)) ? readdirSync(path.join(root, 'events', year)) : []);

describe('writes that are never half done', () => {
  it('leaves no partial record when the process is killed between writing and renaming', () => {
    const root = copyBundledArchive();
    // The rename that would put the record in place kills the process instead.
    const preload = renameFault(path.join(root, '..'), { nth: 1, action: 'kill' });
    const args = ['add-event', '--title', 'Killed mid-write', '--type', 'webinar', '--start', '2026-02-03'];
    const killed = hub(args, { cwd: root, node: ['--import', preload] });
    expect(killed.signal).toBe('SIGKILL');
    const left = yearFiles(root, '2026');
    expect(left.filter((f) => f.endsWith('.yaml'))).toEqual([]);
    expect(left.filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    // The leftover is not a record: validation and queries do not see it.
    expect(hub(['validate'], { cwd: root }).code).toBe(0);
    // The next writer in that folder clears it, and records the event whole.
    const again = hub(args, { cwd: root });
    expect(again.code).toBe(0);
    expect(yearFiles(root, '2026')).toEqual(['2026-02-03-killed-mid-write.yaml']);
  });

  it('a rebuild killed before its rename leaves the old index in use, and the next one clears what it left', () => {
    const root = copyBundledArchive();
    const before = hub(['speakers', '--country', 'KZ', '--format', 'json'], { cwd: root });
    expect(before.code).toBe(0);
    const preload = renameFault(path.join(root, '..'), { nth: 1, action: 'kill', onto: 'index.sqlite' });
    const killed = hub(['index', '--rebuild'], { cwd: root, node: ['--import', preload] });
    expect(killed.signal).toBe('SIGKILL');
    const leftovers = () => readdirSync(path.join(root, '.hub')).filter((f) => f.includes('.build-'));
    expect(leftovers().length).toBeGreaterThan(0);
    // The old index still answers, and the leftover is nobody's business until the next build.
    expect(hub(['speakers', '--country', 'KZ', '--format', 'json'], { cwd: root }).stdout).toBe(before.stdout);
    expect(hub(['index', '--rebuild'], { cwd: root }).code).toBe(0);
    expect(leftovers()).toEqual([]);
    expect(hub(['speakers', '--country', 'KZ', '--format', 'json'], { cwd: root }).stdout).toBe(before.stdout);
  });

  it('20 writers at once: 20 valid records, and an index that holds all of them', async () => {
    const root = copyBundledArchive();
    const drafts = path.join(root, '..');
    const runs = Array.from({ length: 20 }, (_, i) => {
      const file = path.join(drafts, `draft-${i}.yaml`);
      writeFileSync(file, `title: Concurrent webinar number ${i}\ntype: webinar\nstart: 2026-03-${String(i + 1).padStart(2, '0')}\norganizers: [acsh]\n`);
      return hubAsync(['add-event', '--from', file], root);
    });
    const results = await Promise.all(runs);
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(yearFiles(root, '2026').filter((f) => f.endsWith('.yaml'))).toHaveLength(20);
    expect(hub(['validate'], { cwd: root }).code).toBe(0);
    // Read the index as the last writer left it, without letting a query bring it up to date first.
    const db = new Database(path.join(root, '.hub', 'index.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) FROM events WHERE year = 2026").pluck().get()).toBe(20);
      expect(db.prepare("SELECT COUNT(*) FROM files WHERE path LIKE 'events/2026/%'").pluck().get()).toBe(20);
    } finally {
      db.close();
    }
    const index = hub(['index', '--format', 'json'], { cwd: root });
    expect(JSON.parse(index.stdout)).toMatchObject({ added: 0, updated: 0, removed: 0 });
  }, 60_000);

  it('the same event sent by five writers at once is recorded once', async () => {
    const root = copyBundledArchive();
    const args = ['add-event', '--title', 'One event, five scripts', '--type', 'seminar', '--start', '2026-05-05'];
    const results = await Promise.all(Array.from({ length: 5 }, () => hubAsync(args, root)));
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    for (const refused of results.filter((r) => r.code !== 0)) expect(refused.stderr).toMatch(/already recorded|was recorded as .* by another process/);
    expect(yearFiles(root, '2026')).toEqual(['2026-05-05-one-event-five-scripts.yaml']);
  }, 30_000);

  it('a writer waits for the lock, says who holds it, and gives up with a clear message', () => {
    const root = copyBundledArchive();
    expect(hub(['index'], { cwd: root }).code).toBe(0);
    const release = acquireArchiveLock(root, { command: 'hub test-holder' });
    try {
      const blocked = hub(['add-event', '--title', 'Waits', '--type', 'webinar', '--start', '2026-06-01'], { cwd: root, env: { HUB_LOCK_TIMEOUT: '1' } });
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toMatch(new RegExp(`waiting for the archive: another hub is writing to it \\(\`hub test-holder\`, process ${process.pid}, (started just now|running for \\d+ s)\\)`));
      expect(blocked.stderr).toMatch(/error: the archive is locked by another hub .*waited 1 s/);
      expect(blocked.stderr).toMatch(/hint: wait for it to finish/);
      expect(yearFiles(root, '2026')).toEqual([]);
      // Queries read without the lock when the index is up to date.
      expect(hub(['events', '--year', '2024'], { cwd: root }).code).toBe(0);
    } finally {
      release();
    }
    expect(hub(['add-event', '--title', 'Waits', '--type', 'webinar', '--start', '2026-06-01'], { cwd: root }).code).toBe(0);
  });
});
