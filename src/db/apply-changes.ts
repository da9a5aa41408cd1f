import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../core/errors.js';
import type { FileChange } from '../core/people-edit.js';
import { removeLeftoverTemps, writeFileAtomic, writeTempBeside } from '../core/write-file.js';
import { withArchiveLock, type LockOptions } from './lock.js';
import { syncIndex, type SyncReport } from './sync.js';

/**
 * Writes a set of record changes all or none, under the archive's lock: every new text is
 * first written beside its file; only when all are on disk are they renamed into place and
 * deletions made. If a step of that fails, the files already replaced get their old text
 * back. Files changed by someone else since the plan was made stop it before anything is
 * written. The index is brought up to date in the same lock.
 */
export async function applyFileChanges(root: string, changes: FileChange[], options: { lock?: LockOptions } = {}): Promise<SyncReport> {
  return withArchiveLock(
    root,
    async () => {
      const abs = (change: FileChange) => path.join(root, change.path);
      recoverInterruptedChange(root);
      for (const change of changes) {
        const now = existsSync(abs(change)) ? readFileSync(abs(change), 'utf8') : undefined;
        if (now !== change.before) throw new DataError(`${change.path} changed while this was being prepared: nothing was written`, 'run the command again');
      }
      const staged: Array<{ change: FileChange; temp: string }> = [];
      try {
        for (const change of changes) {
          if (change.after === undefined) continue;
          mkdirSync(path.dirname(abs(change)), { recursive: true });
          staged.push({ change, temp: writeTempBeside(abs(change), change.after) });
        }
      } catch (error) {
        for (const { temp } of staged) rmSync(temp, { force: true });
        throw new DataError(`could not write the changes: ${(error as Error).message}; nothing was changed`, 'check that the archive is writable', error);
      }
      // Until every rename is done, a journal holds the old texts: a process killed midway is
      // undone by whoever takes the lock next (see recoverInterruptedChange).
      writeFileAtomic(journalPath(root), JSON.stringify(changes.map((c) => ({ path: c.path, before: c.before ?? null }))));
      const done: FileChange[] = [];
      try {
        for (const { change, temp } of staged) {
          renameSync(temp, abs(change));
          done.push(change);
        }
        for (const change of changes.filter((c) => c.after === undefined)) {
          rmSync(abs(change));
          done.push(change);
        }
      } catch (error) {
        for (const change of done.reverse()) {
          if (change.before === undefined) rmSync(abs(change), { force: true });
          else writeFileAtomic(abs(change), change.before);
        }
        for (const { temp } of staged) rmSync(temp, { force: true });
        rmSync(journalPath(root), { force: true });
        throw new DataError(`could not apply the changes: ${(error as Error).message}; every file was put back as it was`, 'check that the archive is writable and run the command again', error);
      }
      rmSync(journalPath(root), { force: true });
      const { db, report } = await syncIndex(root, options.lock ? { lock: options.lock } : {});
      db.close();
      return report;
    },
    options.lock,
  );
}

const journalPath = (root: string) => path.join(root, '.hub', 'interrupted-change.json');

/**
 * Undoes a set of changes whose process was killed before it finished: every file in the
 * journal gets its old text back (or is removed, if it was new), and the temporary files are
 * cleared. Called with the archive's lock held, before anything else is written or indexed.
 * Returns the files put back.
 */
export function recoverInterruptedChange(root: string): string[] {
  const journal = journalPath(root);
  if (!existsSync(journal)) return [];
  let entries: Array<{ path: string; before: string | null }>;
  try {
    entries = JSON.parse(readFileSync(journal, 'utf8')) as typeof entries;
  } catch {
    rmSync(journal, { force: true });
    return [];
  }
  const folders = new Set<string>();
  for (const entry of entries) {
    const abs = path.join(root, entry.path);
    const rel = path.relative(root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue; // never outside the archive
    folders.add(path.dirname(abs));
    if (entry.before === null) rmSync(abs, { force: true });
    else if (!existsSync(abs) || readFileSync(abs, 'utf8') !== entry.before) writeFileAtomic(abs, entry.before);
  }
  for (const folder of folders) removeLeftoverTemps(folder, { all: true });
  rmSync(journal, { force: true });
  return entries.map((e) => e.path);
}
