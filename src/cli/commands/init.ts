import path from 'node:path';
import { initArchive } from '../../core/init-archive.js';
import type { Context } from '../context.js';

export async function runInit(ctx: Context, dir: string | undefined): Promise<number> {
  const target = path.resolve(ctx.io.cwd, dir ?? 'archive');
  const created = initArchive(target);
  ctx.info(`created an empty archive in ${ctx.displayPath(target)}: ${created.join(', ')}`);
  return 0;
}
