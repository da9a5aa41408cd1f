import { parseCountryFilter } from '../../core/query/filters.js';
import { MARK_END, MARK_START, searchArchive, type SearchFilters } from '../../core/query/search.js';
import type { Context } from '../context.js';
import { withSyncedIndex } from '../synced-index.js';
import { parseDateOptions, parseLimit, type DateOptions } from './filter-options.js';

export interface SearchOptions extends DateOptions {
  country?: string;
  limit?: string;
}

/** Enough to read; `--limit` asks for more. */
const DEFAULT_LIMIT = 100;
const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`, 'g');
/** A marked match; truncation may have cut its end mark. */
const MARKED = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}?`, 'g');

export async function runSearch(ctx: Context, words: string[], options: SearchOptions): Promise<number> {
  const filters: SearchFilters = {
    ...parseDateOptions(options),
    ...(options.country !== undefined && { country: parseCountryFilter(options.country) }),
  };
  // The best matches are what a reader wants; one more than shown says whether there are others.
  const limit = options.limit === undefined ? DEFAULT_LIMIT : parseLimit(options.limit);
  filters.limit = limit + 1;
  const text = words.join(' ');
  await withSyncedIndex(ctx, async (db) => {
    const found = searchArchive(db, text, filters);
    const hits = found.slice(0, limit);
    if (found.length > limit) ctx.info(`showing the best ${limit} matches; --limit N shows more`);
    // Programs get matches as **Markdown emphasis**; a table keeps the marks (they take no
    // width) until the cell is fitted, then shows them in colour, or not at all.
    const table = ctx.format() === 'table';
    const rows = table ? hits : hits.map((hit) => ({ ...hit, snippet: hit.snippet.replace(MARKS, '**') }));
    const highlight = (cell: string) => (ctx.out.level > 0 ? cell.replace(MARKED, (_, m: string) => ctx.out.bold.yellow(m)) : cell).replace(MARKS, '');
    await ctx.writeRows(
      rows,
      [
        { key: 'start' },
        { key: 'kind' },
        { key: 'title', shrink: true, minWidth: 20 },
        { key: 'snippet', shrink: true, minWidth: 30, style: highlight },
        { key: 'speaker', shrink: true, drop: 2 },
        { key: 'event', shrink: true, drop: 1 },
      ],
      { empty: `nothing matches \`${text}\``, fields: ['kind', 'event', 'title', 'start', 'snippet', 'speaker', 'rank'] },
    );
  });
  return 0;
}
