import { existsSync } from 'node:fs';
import path from 'node:path';
import { NotFoundError, UsageError } from '../core/errors.js';
import type { Context } from './context.js';

/**
 * Paths given on the command line, as absolute paths inside the archive: taken from where the
 * user stands, or else from the archive's own folder. One outside the archive is refused.
 */
export function resolveArchivePaths(ctx: Context, root: string, paths: string[]): string[] {
  return paths.map((p) => {
    const fromCwd = path.resolve(ctx.io.cwd, p);
    const abs = existsSync(fromCwd) ? fromCwd : path.resolve(root, p);
    if (!existsSync(abs)) throw new NotFoundError(`${p} does not exist`, [], `give a path from here or from the archive's folder (${ctx.displayPath(root)})`);
    const rel = path.relative(root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${p} is outside the archive at ${ctx.displayPath(root)}`, 'give files or folders inside it, or name the other archive with --archive DIR');
    return abs;
  });
}
