import path from 'node:path';
import { lintArchive } from '../../core/lint/lint-archive.js';
import type { Context } from '../context.js';
import { writeIssues } from '../issue-report.js';

/** `hub lint [--strict]`: data-quality findings, placed like validation problems. */
export async function runLint(ctx: Context, options: { strict?: boolean }): Promise<number> {
  const root = ctx.root();
  const findings = (await lintArchive(root, { onProgress: ctx.progress('reading') })).map((f) => ({ ...f, file: ctx.displayPath(path.join(root, f.file)) }));
  ctx.endProgress();
  await writeIssues(ctx, findings, 'data', { showRule: true, extraColumns: ['names'] });
  if (findings.length === 0) {
    ctx.info(ctx.err.green('✓ no data-quality findings'));
    return 0;
  }
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  ctx.info(`${findings.length} finding${findings.length === 1 ? '' : 's'}: ${[...byRule].map(([rule, n]) => `${n} ${rule}`).join(', ')}`);
  return options.strict ? 1 : 0;
}
