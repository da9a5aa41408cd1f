import type { RecordKind } from '../../core/records.js';
import type { AddOptions } from '../commands/add.js';
import type { Context } from '../context.js';

export async function runInteractiveAdd(_ctx: Context, _kind: RecordKind, _options: AddOptions): Promise<number> {
  return 2;
}
