import path from 'node:path';
import { validateArchive } from '../../core/validate.js';
import { resolveArchivePaths } from '../archive-paths.js';
import type { Context } from '../context.js';
import { writeIssues } from '../issue-report.js';

export async function runValidate(ctx: Context, paths: string[]): Promise<number> {
  const root = ctx.root();
  const only = resolveArchivePaths(ctx, root, paths);
  const result = await validateArchive(root, { ...(only.length > 0 ? { only } : {}), onProgress: ctx.progress('validating') });
  ctx.endProgress();
  const issues = result.issues.map((issue) => ({ ...issue, file: ctx.displayPath(path.join(root, issue.file)) }));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  await writeIssues(ctx, issues);

  const files = new Set(issues.map((i) => i.file)).size;
  const checked = `${result.checked} record${result.checked === 1 ? '' : 's'} checked`;
  if (issues.length === 0) ctx.info(ctx.err.green(`✓ ${checked}, no problems`));
  else {
    const counts = [errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
    ctx.info(`${errors > 0 ? ctx.err.red('✗') : ctx.err.yellow('!')} ${checked}: ${counts} in ${files} file${files === 1 ? '' : 's'}`);
  }
  return errors > 0 ? 1 : 0;
}
