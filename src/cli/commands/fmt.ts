import { readFileSync } from 'node:fs';
import { formatRecords } from '../../core/format-records.js';
import { writeFileAtomic } from '../../core/write-file.js';
import { resolveArchivePaths } from '../archive-paths.js';
import type { Context } from '../context.js';

export async function runFmt(ctx: Context, paths: string[], options: { check?: boolean }): Promise<number> {
  const root = ctx.root();
  const only = resolveArchivePaths(ctx, root, paths);
  const outcomes = await formatRecords(root, only.length > 0 ? only : undefined);
  const show = (abs: string) => ctx.displayPath(abs);
  const failed = outcomes.filter((o) => o.problem !== undefined);
  const differing = outcomes.filter((o) => o.after !== undefined);
  for (const o of failed) ctx.warn(`${show(o.file.abs)}: cannot be formatted: ${o.problem}`);

  if (options.check) {
    if (differing.length > 0) ctx.writeData(differing.map((o) => `${show(o.file.abs)}\n`).join(''));
    const total = outcomes.length;
    if (differing.length === 0 && failed.length === 0) ctx.info(ctx.err.green(`✓ ${total} record file${total === 1 ? ' is' : 's are'} in canonical form`));
    else if (differing.length > 0) ctx.info(`${ctx.err.red('✗')} ${differing.length} of ${total} record file${total === 1 ? ' is' : 's are'} not in canonical form: run \`hub fmt\``);
    return differing.length + failed.length > 0 ? 1 : 0;
  }

  const written: string[] = [];
  if (differing.length > 0) {
    const { withArchiveLock } = await import('../../db/lock.js');
    await withArchiveLock(
      root,
      () => {
        for (const o of differing) {
          // Someone may have saved the file since it was read: then it is left for the next run.
          if (readFileSync(o.file.abs, 'utf8') !== o.before) {
            ctx.warn(`${show(o.file.abs)} changed while formatting: left as it is; run \`hub fmt\` again`);
            continue;
          }
          writeFileAtomic(o.file.abs, o.after!);
          written.push(show(o.file.abs));
        }
      },
      ctx.lockOptions('hub fmt'),
    );
  }
  if (written.length > 0) ctx.writeData(written.map((file) => `${file}\n`).join(''));
  const unchanged = outcomes.length - failed.length - differing.length;
  ctx.info(`formatted ${written.length} file${written.length === 1 ? '' : 's'}; ${unchanged} already canonical${failed.length > 0 ? `; ${failed.length} could not be formatted (run \`hub validate\`)` : ''}`);
  return failed.length > 0 ? 1 : 0;
}
