import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DataError, UsageError } from '../../core/errors.js';
import { parseYearFilter } from '../../core/query/filters.js';
import { annualFigures } from '../../core/reports/annual.js';
import { EXPORT_FIELDS, type ExportKind } from '../../core/reports/export.js';
import { renderReportHtml } from '../../core/reports/report-html.js';
import { renderSummary } from '../../core/reports/summary-md.js';
import { writeFileAtomic } from '../../core/write-file.js';
import type { Context } from '../context.js';
import { render } from '../output.js';
import { withSyncedIndex } from '../synced-index.js';

const CSV_FILES = [
  ['events.csv', 'events'],
  ['appearances.csv', 'appearances'],
  ['speakers.csv', 'speakers'],
  ['countries.csv', 'countries'],
  ['topics.csv', 'topics'],
  ['organizations.csv', 'orgs'],
] as const satisfies ReadonlyArray<readonly [string, ExportKind]>;

/** `hub report annual --year YYYY [--out DIR] [--compare YYYY]`: the annual-review report set. */
export async function runReportAnnual(ctx: Context, options: { year?: string; compare?: string }): Promise<number> {
  if (options.year === undefined) throw new UsageError('the annual report needs --year, e.g. hub report annual --year 2024');
  const year = parseYearFilter(options.year);
  const compare = options.compare === undefined ? undefined : parseYearFilter(options.compare);
  if (compare === year) throw new UsageError('--compare needs another year than --year');
  // --out names the folder of the report set here, not a single file.
  const dir = path.resolve(ctx.io.cwd, ctx.options.out ?? `report-${year}`);
  const written: string[] = [];
  await withSyncedIndex(ctx, async (db) => {
    const figures = annualFigures(db, year);
    const other = compare === undefined ? undefined : annualFigures(db, compare);
    if (figures.events.length === 0) ctx.warn(`no events in ${year}: the report is empty`);
    // The CSV files hold the rows the figures were computed from: read once.
    const rowsOf: Record<(typeof CSV_FILES)[number][1], object[]> = {
      events: figures.events,
      appearances: figures.appearances,
      speakers: figures.speakers,
      countries: figures.countries,
      topics: figures.topics,
      orgs: figures.organizations,
    };
    const files: Array<[string, string]> = [];
    for (const [name, kind] of CSV_FILES) {
      files.push([name, await render(rowsOf[kind], EXPORT_FIELDS[kind].map((key) => ({ key })), 'csv', ctx.renderOptions())]);
    }
    files.push(['summary.md', renderSummary(figures, other)]);
    files.push(['report.html', renderReportHtml(figures, other)]);
    try {
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of files) {
        writeFileAtomic(path.join(dir, name), text);
        written.push(path.join(dir, name));
      }
    } catch (error) {
      throw new DataError(`cannot write the report into ${ctx.displayPath(dir)}: ${(error as Error).message}`, 'check that the folder can be created and written, or give another with --out DIR');
    }
    ctx.info(`wrote the ${year} report${other ? ` (compared with ${compare})` : ''}: ${figures.events.length} events, ${figures.speakers.length} speakers, ${written.length} files in ${ctx.displayPath(dir)}/`);
  });
  ctx.io.stdout.write(written.map((file) => `${ctx.displayPath(file)}\n`).join(''));
  return 0;
}
