import { parseCountryFilter } from '../../core/query/filters.js';
import { findEvent, findOrganization, findTopic } from '../../core/query/lookup.js';
import { listSpeakers, type SpeakerFilters } from '../../core/query/speakers.js';
import type { Context } from '../context.js';
import { SORTS_NAMES, withSyncedIndex } from '../synced-index.js';
import { parseDateOptions, type DateOptions } from './filter-options.js';

export interface SpeakersOptions extends DateOptions {
  country?: string;
  topic?: string;
  org?: string;
  role?: string;
  event?: string;
}

export async function runSpeakers(ctx: Context, options: SpeakersOptions): Promise<number> {
  const filters: SpeakerFilters = {
    ...parseDateOptions(options),
    ...(options.country !== undefined && { country: parseCountryFilter(options.country) }),
    ...(options.role !== undefined && { role: options.role }),
  };
  await withSyncedIndex(ctx, async (db) => {
    if (options.topic !== undefined) filters.topic = findTopic(db, options.topic);
    if (options.org !== undefined) filters.org = findOrganization(db, options.org);
    if (options.event !== undefined) filters.event = findEvent(db, options.event).id;
    const rows = listSpeakers(db, filters);
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
  }, SORTS_NAMES);
  return 0;
}
