import { parseCountryFilter, parseDateFilter, parseYearFilter } from '../../core/query/filters.js';
import { listEvents, type EventFilters } from '../../core/query/events.js';
import type { Context } from '../context.js';
import { openSyncedIndex } from '../synced-index.js';

export interface EventsOptions {
  year?: string;
  from?: string;
  to?: string;
  country?: string;
  hostCountry?: string;
  type?: string;
  topic?: string;
  series?: string;
}

export async function runEvents(ctx: Context, options: EventsOptions): Promise<number> {
  const filters: EventFilters = {
    ...(options.year !== undefined && { year: parseYearFilter(options.year) }),
    ...(options.from !== undefined && { from: parseDateFilter('--from', options.from).first }),
    ...(options.to !== undefined && { to: parseDateFilter('--to', options.to).last }),
    ...(options.country !== undefined && { country: parseCountryFilter(options.country) }),
    ...(options.hostCountry !== undefined && { hostCountry: parseCountryFilter(options.hostCountry) }),
    ...(options.type !== undefined && { type: options.type }),
    ...(options.topic !== undefined && { topic: options.topic }),
    ...(options.series !== undefined && { series: options.series }),
  };
  const db = await openSyncedIndex(ctx);
  const rows = listEvents(db, filters);
  db.close();
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
    { empty: 'no events match', fields: ['id', 'title', 'type', 'start', 'end', 'format', 'city', 'country', 'topics', 'speakers', 'series', 'part_of'] },
  );
  return 0;
}
