import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `content` to a new temporary file in the target's folder, flushed to disk, and returns
 * its path: renaming it over the target then replaces the file in one step. Its name starts
 * with a dot, so it is never read as a record.
 */
export function writeTempBeside(target: string, content: string | Uint8Array): string {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    return temp;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a file so that readers see the old content or the new, never half of it: a
 * temporary file in the same folder, flushed to disk, then renamed over the target.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const temp = writeTempBeside(target, content);
  try {
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The pid in the name of a temporary file `writeTempBeside` made, or undefined for any other name. */
function tempOwner(name: string): number | undefined {
  const match = /^\..+\.(\d+)\.[a-z0-9]+\.tmp$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a writer left in `dir` when it was killed between writing and
 * renaming: those whose process is gone, or every one with `all` (the caller holds the lock
 * and knows no writer is at work there). Never read as records (their names start with a dot).
 */
export function removeLeftoverTemps(dir: string, options: { all?: boolean } = {}): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = tempOwner(name);
    if (pid !== undefined && (options.all || !isRunning(pid))) rmSync(path.join(dir, name), { force: true });
  }
}
