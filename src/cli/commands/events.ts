import { listEvents } from '../../core/query/events.js';
import type { Context } from '../context.js';
import { SORTS_NAMES, withSyncedIndex } from '../synced-index.js';
import { parseEventOptions, resolveEventOptions, type EventOptions } from './filter-options.js';

export type EventsOptions = EventOptions;

export async function runEvents(ctx: Context, options: EventsOptions): Promise<number> {
  const filters = parseEventOptions(options);
  await withSyncedIndex(ctx, async (db) => {
    resolveEventOptions(db, options, filters);
    const rows = listEvents(db, filters);
    await ctx.writeRows(
      rows,
      [
        { key: 'start' },
        { key: 'id', shrink: true, drop: 1 },
        { key: 'title', shrink: true, minWidth: 30 },
        { key: 'type' },
        { key: 'city', shrink: true, drop: 2 },
        { key: 'country' },
        { key: 'speakers', align: 'right' },
      ],
      { empty: 'no events match', fields: ['id', 'title', 'type', 'start', 'end', 'format', 'city', 'country', 'topics', 'speakers', 'series', 'part_of', 'status'] },
    );
  }, SORTS_NAMES);
  return 0;
}
