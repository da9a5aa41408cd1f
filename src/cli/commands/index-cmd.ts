import { performance } from 'node:perf_hooks';
import { syncIndex } from '../../db/sync.js';
import type { Context } from '../context.js';
import { warnNotIndexed, warnRecovered } from '../synced-index.js';

export async function runIndex(ctx: Context, options: { rebuild?: boolean }): Promise<number> {
  const started = performance.now();
  const { db, report } = await syncIndex(ctx.root(), { rebuild: options.rebuild ?? false, listing: ctx.takeListing(), onProgress: ctx.progress('indexing'), lock: ctx.lockOptions('hub index'), onRecover: (files) => warnRecovered(ctx, files) });
  db.close();
  ctx.endProgress();
  const ms = Math.round(performance.now() - started);
  const format = ctx.requestedFormat();
  if (format === 'json' || format === 'ndjson') {
    const { parsed, ...summary } = report;
    ctx.writeData(`${JSON.stringify({ ...summary, parsed: parsed.length, ms })}\n`);
  }
  const changes = report.added + report.updated + report.removed;
  ctx.info(
    changes === 0 && !report.rebuilt
      ? `index up to date (${report.files} files, ${ms} ms)`
      : `indexed ${report.files} files: ${report.added} added, ${report.updated} updated, ${report.removed} removed (${ms} ms)`,
  );
  warnNotIndexed(ctx, report);
  return 0;
}
