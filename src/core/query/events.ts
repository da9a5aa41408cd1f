import type { Database } from 'better-sqlite3';
import { compareText } from '../text.js';
import { addCondition, addDateConditions, emptyConditions, EVENTS_OF_COUNTRY, whereClause, type DateFilters } from './scope.js';

export interface EventFilters extends DateFilters {
  /** Host country, a listed represented country, or a speaker's country. */
  country?: string;
  hostCountry?: string;
  type?: string;
  topic?: string;
  /** Spellings of one series (see `findSeries`). */
  series?: string[];
  /** A person id: events where they spoke. */
  speaker?: string;
  /** An organisation id: events it organised or partnered. */
  org?: string;
  sort?: EventSort;
  limit?: number;
}

export const EVENT_SORTS = ['newest', 'oldest', 'title', 'speakers'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

export interface EventRow {
  id: string;
  title: string;
  type: string;
  start: string;
  end: string | null;
  format: string | null;
  city: string | null;
  country: string | null;
  topics: string[];
  speakers: number;
  series: string | null;
  part_of: string | null;
  status: string;
}

/**
 * Events matching every filter given, newest first unless asked otherwise. One statement
 * (speaker counts and topics are kept on the event's row); each filter is an indexed
 * look-up of event ids.
 */
export function listEvents(db: Database, filters: EventFilters = {}): EventRow[] {
  const c = emptyConditions();
  addDateConditions(c, filters);
  addCondition(c, `e.key IN (${EVENTS_OF_COUNTRY})`, { country: filters.country });
  addCondition(c, 'e.country = @hostCountry', { hostCountry: filters.hostCountry });
  addCondition(c, 'e.type = @type', { type: filters.type });
  addCondition(c, 'e.key IN (SELECT event_key FROM event_topics WHERE topic = @topic)', { topic: filters.topic });
  addCondition(c, 'e.series IN (SELECT value FROM json_each(@series))', { series: filters.series && JSON.stringify(filters.series) });
  addCondition(c, 'e.key IN (SELECT event_key FROM appearances WHERE person_id = @speaker)', { speaker: filters.speaker });
  addCondition(c, 'e.key IN (SELECT event_key FROM event_organizations WHERE organization_id = @org)', { org: filters.org });
  const sort = filters.sort ?? 'newest';
  const byDateOnly = sort === 'newest' || sort === 'oldest';
  const statement = db
    .prepare(
      `SELECT e.id, e.title, e.type, e.start, e.end, e.format, e.city, e.country, e.series, e.part_of, e.status, e.start_first, e.speakers, e.topics
       FROM events e ${whereClause(c)}
       ${byDateOnly ? `ORDER BY e.start_first ${sort === 'newest' ? 'DESC' : 'ASC'}` : ''}`,
    )
    .raw();
  let rows: Raw[];
  if (byDateOnly && filters.limit !== undefined) {
    // In date order, the first `limit` rows and any that tie with the last are all that can
    // be shown: stop reading there instead of loading every match.
    rows = [];
    for (const row of statement.iterate(c.params) as IterableIterator<Raw>) {
      if (rows.length >= filters.limit && row[AT.startFirst] !== rows[rows.length - 1]![AT.startFirst]) break;
      rows.push(row);
    }
  } else {
    rows = statement.all(c.params) as Raw[];
  }
  rows.sort(ORDER[sort]);
  // Objects only for the rows shown: a row of 10,000 costs its allocation and its topics' parse.
  return (filters.limit === undefined ? rows : rows.slice(0, filters.limit)).map(
    ([id, title, type, start, end, format, city, country, series, part_of, status, , speakers, topics]) => ({
      id, title, type, start, end, format, city, country, topics: JSON.parse(topics) as string[], speakers, series, part_of, status,
    }),
  );
}

/** A row of listEvents' statement, in its column order. */
type Raw = [string, string, string, string, string | null, string | null, string | null, string | null, string | null, string | null, string, string, number, string];
/** Where the columns the orderings read sit in a Raw row. */
const AT = { id: 0, title: 1, startFirst: 11, speakers: 12 } as const;
const byDate = (a: Raw, b: Raw) => (a[AT.startFirst] < b[AT.startFirst] ? -1 : a[AT.startFirst] > b[AT.startFirst] ? 1 : 0);
// Equal keys fall back to a locale-aware title order, which SQLite cannot do, then the id.
const byTitle = (a: Raw, b: Raw) => compareText(a[AT.title], b[AT.title]) || compareText(a[AT.id], b[AT.id]);
const ORDER: Record<EventSort, (a: Raw, b: Raw) => number> = {
  newest: (a, b) => byDate(b, a) || byTitle(a, b),
  oldest: (a, b) => byDate(a, b) || byTitle(a, b),
  title: (a, b) => byTitle(a, b) || byDate(b, a),
  speakers: (a, b) => b[AT.speakers] - a[AT.speakers] || byDate(b, a) || byTitle(a, b),
};
