import type { Db } from '../db/connection.js';
import { syncIndex } from '../db/sync.js';
import type { Context } from './context.js';

/** Every query starts here: the index brought up to date, with a word about what was left out. */
export async function openSyncedIndex(ctx: Context): Promise<Db> {
  const { db, report } = await syncIndex(ctx.root(), { onProgress: ctx.progress('indexing') });
  ctx.endProgress();
  if (report.notIndexed > 0) {
    ctx.warn(`${report.notIndexed} record file${report.notIndexed === 1 ? ' has' : 's have'} problems and ${report.notIndexed === 1 ? 'is' : 'are'} left out of the index: run \`hub validate\``);
  }
  return db;
}
