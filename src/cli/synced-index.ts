import type { Db } from '../db/connection.js';
import { syncIndex, type SyncOptions } from '../db/sync.js';
import type { SyncReport } from '../db/sync-report.js';
import { prepareCompareText } from '../core/text.js';
import type { Context } from './context.js';

/**
 * For commands whose output is sorted by name: the collator is made while the listing
 * finishes, not after (`hub speakers --country KZ` on 10,000 events: 111.7 → 106.4 ms, median
 * of 31 round-robin runs).
 */
export const SORTS_NAMES: Pick<SyncOptions, 'whileListing'> = { whileListing: prepareCompareText };

/**
 * Every query runs here: on the index brought up to date (with a word about what was left
 * out), read as one snapshot, closed again however the work ends.
 */
export async function withSyncedIndex<T>(ctx: Context, work: (db: Db) => T | Promise<T>, options: Pick<SyncOptions, 'whileListing'> = {}): Promise<T> {
  const { db, report } = await syncIndex(ctx.root(), { ...options, listing: ctx.takeListing(), onProgress: ctx.progress('indexing'), lock: ctx.lockOptions('hub (updating the index)'), onRecover: (files) => warnRecovered(ctx, files) });
  ctx.endProgress();
  warnNotIndexed(ctx, report);
  try {
    // One snapshot for the whole command: another process's sync between two of its
    // statements would otherwise show it some rows from before and some from after, and an
    // event key read by one statement may name another event by the next.
    db.exec('BEGIN');
    return await work(db);
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
  }
}

export function warnNotIndexed(ctx: Context, report: Pick<SyncReport, 'notIndexed' | 'misplaced'>): void {
  const { notIndexed: count, misplaced } = report;
  if (count > 0) ctx.warn(`${count} record file${count === 1 ? ' has' : 's have'} problems and ${count === 1 ? 'is' : 'are'} left out of the index: run \`hub validate\``);
  // A new event saved in events/ rather than events/2025/ would otherwise be missing from every answer unsaid.
  if (misplaced > 0) ctx.warn(`${misplaced} file${misplaced === 1 ? ' is' : 's are'} in the wrong place or named so that ${misplaced === 1 ? 'it is not a record' : 'they are not records'}, and left out of the index: run \`hub validate\``);
}

export function warnRecovered(ctx: Context, files: string[]): void {
  ctx.warn(`an earlier change was interrupted before it finished: its ${files.length} file${files.length === 1 ? ' was' : 's were'} put back as they were (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`);
}
