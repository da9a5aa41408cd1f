import type { NameLang } from '../../core/countries.js';
import { listCountries, listOrganizations, listTopics } from '../../core/query/counts.js';
import type { Context } from '../context.js';
import { SORTS_NAMES, withSyncedIndex } from '../synced-index.js';
import { parseDateOptions, type DateOptions } from './filter-options.js';

export interface CountriesOptions extends DateOptions {
  /** Commander has checked it against the choices. */
  lang?: NameLang;
}

export async function runCountries(ctx: Context, options: CountriesOptions): Promise<number> {
  const filters = parseDateOptions(options);
  await withSyncedIndex(ctx, async (db) => {
    await ctx.writeRows(
      listCountries(db, filters, options.lang),
      [{ key: 'code' }, { key: 'name', shrink: true }, { key: 'events', align: 'right' }, { key: 'hosted', align: 'right' }, { key: 'represented', align: 'right' }, { key: 'speakers', align: 'right' }],
      { empty: 'no countries in the events that match', fields: ['code', 'name', 'events', 'hosted', 'represented', 'speakers'] },
    );
  }, SORTS_NAMES);
  return 0;
}

export async function runTopics(ctx: Context, options: DateOptions): Promise<number> {
  const filters = parseDateOptions(options);
  await withSyncedIndex(ctx, async (db) => {
    await ctx.writeRows(
      listTopics(db, filters),
      [{ key: 'topic', shrink: true }, { key: 'events', align: 'right' }, { key: 'speakers', align: 'right' }, { key: 'first' }, { key: 'last' }],
      { empty: 'no topics in the events that match', fields: ['topic', 'events', 'speakers', 'first', 'last'] },
    );
  }, SORTS_NAMES);
  return 0;
}

export async function runOrgs(ctx: Context, options: DateOptions): Promise<number> {
  const filters = parseDateOptions(options);
  await withSyncedIndex(ctx, async (db) => {
    await ctx.writeRows(
      listOrganizations(db, filters),
      [
        { key: 'name', shrink: true, minWidth: 24 },
        { key: 'acronym', drop: 2 },
        { key: 'country' },
        { key: 'events', align: 'right' },
        { key: 'organized', align: 'right' },
        { key: 'partnered', align: 'right' },
        { key: 'speakers', align: 'right' },
        { key: 'id', shrink: true, drop: 1 },
      ],
      { empty: 'no organisations in the events that match', fields: ['id', 'name', 'acronym', 'country', 'kind', 'events', 'organized', 'partnered', 'speakers', 'registered'] },
    );
  }, SORTS_NAMES);
  return 0;
}
