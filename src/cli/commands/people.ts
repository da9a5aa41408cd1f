import { createTwoFilesPatch } from 'diff';
import { planDistinct, planMerge, type PeopleEdit } from '../../core/people-edit.js';
import type { Context } from '../context.js';

/** `hub people merge KEEP DROP [--dry-run]` */
export async function runPeopleMerge(ctx: Context, keep: string, drop: string, options: { dryRun?: boolean }): Promise<number> {
  return finish(ctx, await planMerge(ctx.root(), keep, drop, ctx.progress('reading')), options, 'hub people merge');
}

/** `hub people distinct A B [--dry-run]` */
export async function runPeopleDistinct(ctx: Context, a: string, b: string, options: { dryRun?: boolean }): Promise<number> {
  return finish(ctx, await planDistinct(ctx.root(), a, b, ctx.progress('reading')), options, 'hub people distinct');
}

async function finish(ctx: Context, edit: PeopleEdit, options: { dryRun?: boolean }, command: string): Promise<number> {
  ctx.endProgress();
  if (options.dryRun) {
    // A unified diff of every file, as git would show it: the change to review before making it.
    const patches = edit.changes.map((c) => createTwoFilesPatch(c.before === undefined ? '/dev/null' : `a/${c.path}`, c.after === undefined ? '/dev/null' : `b/${c.path}`, c.before ?? '', c.after ?? ''));
    ctx.writeData(patches.join(''));
    for (const line of edit.summary) ctx.info(line);
    ctx.info(`dry run: nothing written (${edit.changes.length} file${edit.changes.length === 1 ? '' : 's'} would change)`);
    return 0;
  }
  if (edit.changes.length > 0) {
    const { applyFileChanges } = await import('../../db/apply-changes.js');
    await applyFileChanges(ctx.root(), edit.changes, { lock: ctx.lockOptions(command) });
  }
  for (const line of edit.summary) ctx.info(line);
  ctx.info(ctx.err.green(`✓ ${edit.changes.length} file${edit.changes.length === 1 ? '' : 's'} changed; the index is up to date`));
  return 0;
}
