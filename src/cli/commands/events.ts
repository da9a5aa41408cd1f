import { listEvents, type EventFilters, type EventSort } from '../../core/query/events.js';
import { parseCountryFilter } from '../../core/query/filters.js';
import { findOrganization, findPerson, findSeries, findTopic } from '../../core/query/lookup.js';
import type { Context } from '../context.js';
import { withSyncedIndex } from '../synced-index.js';
import { parseDateOptions, parseLimit, type DateOptions } from './filter-options.js';

export interface EventsOptions extends DateOptions {
  country?: string;
  hostCountry?: string;
  type?: string;
  topic?: string;
  series?: string;
  speaker?: string;
  org?: string;
  sort?: EventSort;
  limit?: string;
}

export async function runEvents(ctx: Context, options: EventsOptions): Promise<number> {
  // Everything checkable without the index is checked first: a typo costs no sync.
  const filters: EventFilters = {
    ...parseDateOptions(options),
    ...(options.country !== undefined && { country: parseCountryFilter(options.country) }),
    ...(options.hostCountry !== undefined && { hostCountry: parseCountryFilter(options.hostCountry) }),
    ...(options.type !== undefined && { type: options.type }),
    ...(options.sort !== undefined && { sort: options.sort }),
    ...(options.limit !== undefined && { limit: parseLimit(options.limit) }),
  };
  await withSyncedIndex(ctx, async (db) => {
    if (options.topic !== undefined) filters.topic = findTopic(db, options.topic);
    if (options.series !== undefined) filters.series = findSeries(db, options.series);
    if (options.speaker !== undefined) filters.speaker = findPerson(db, options.speaker).id;
    if (options.org !== undefined) filters.org = findOrganization(db, options.org).id;
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
  });
  return 0;
}
