import { parseCountryFilter, parseDateFilter, parseYearFilter } from '../../core/query/filters.js';
import { listSpeakers, type SpeakerFilters } from '../../core/query/speakers.js';
import type { Context } from '../context.js';
import { openSyncedIndex } from '../synced-index.js';

export interface SpeakersOptions {
  country?: string;
  year?: string;
  from?: string;
  to?: string;
}

export async function runSpeakers(ctx: Context, options: SpeakersOptions): Promise<number> {
  const filters: SpeakerFilters = {
    ...(options.country !== undefined && { country: parseCountryFilter(options.country) }),
    ...(options.year !== undefined && { year: parseYearFilter(options.year) }),
    ...(options.from !== undefined && { from: parseDateFilter('--from', options.from).first }),
    ...(options.to !== undefined && { to: parseDateFilter('--to', options.to).last }),
  };
  const db = await openSyncedIndex(ctx);
  const rows = listSpeakers(db, filters);
  db.close();
  await ctx.writeRows(
    rows,
    [
      { key: 'name', shrink: true },
      { key: 'country' },
      { key: 'organization', shrink: true, minWidth: 20 },
      { key: 'position', shrink: true, drop: 2 },
      { key: 'events', align: 'right' },
      { key: 'first' },
      { key: 'last' },
      { key: 'id', shrink: true, drop: 1 },
    ],
    { empty: 'no speakers match', fields: ['id', 'name', 'country', 'organization', 'organization_id', 'position', 'events', 'first', 'last', 'registered'] },
  );
  return 0;
}
