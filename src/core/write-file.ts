import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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
