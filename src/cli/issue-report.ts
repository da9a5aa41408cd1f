import type { Issue } from '../core/records.js';
import type { Context } from './context.js';
import { render } from './output.js';

/**
 * Problems as `file:line:col  message`, one a line (a problem with no place in a file, such as
 * a value given with an option, shows the option instead), or as rows in the format asked for.
 */
export async function writeIssues(ctx: Context, issues: Issue[], target: 'data' | 'messages' = 'data', options: { showRule?: boolean; extraColumns?: string[] } = {}): Promise<void> {
  const format = ctx.requestedFormat();
  if (format === undefined || format === 'table' || target === 'messages') {
    const colors = target === 'data' ? ctx.out : ctx.err;
    const lines = issues.map((i) => {
      const where = colors.bold(i.line > 0 ? `${i.file}:${i.line}:${i.col}` : i.file);
      const label = options.showRule
        ? `${i.severity === 'error' ? colors.red('error') : colors.yellow('warning')} ${colors.dim(i.rule)}: `
        : i.severity === 'error'
          ? ''
          : `${colors.yellow('warning')}: `;
      return `${where}  ${label}${i.message}`;
    });
    if (lines.length === 0) return;
    if (target === 'data') ctx.writeData(`${lines.join('\n')}\n`);
    else ctx.io.stderr.write(`${lines.join('\n')}\n`);
    return;
  }
  const columns = ['file', 'line', 'col', 'rule', 'severity', 'message', ...(options.extraColumns ?? [])].map((key) => ({ key }));
  ctx.writeData(await render(issues, columns, format, ctx.renderOptions()));
}
