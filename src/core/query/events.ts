import type { Database } from 'better-sqlite3';
import { compareText } from '../text.js';
import { addDateConditions, emptyConditions, EVENTS_OF_COUNTRY, whereClause, type DateFilters } from './scope.js';

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
 * Events matching every filter given, newest first unless asked otherwise. One statement;
 * each filter is an indexed look-up of event ids.
 */
export function listEvents(db: Database, filters: EventFilters = {}): EventRow[] {
  const c = emptyConditions();
  addDateConditions(c, filters);
  if (filters.country !== undefined) {
    c.where.push(`e.id IN (${EVENTS_OF_COUNTRY})`);
    c.params.country = filters.country;
  }
  if (filters.hostCountry !== undefined) {
    c.where.push('e.country = @hostCountry');
    c.params.hostCountry = filters.hostCountry;
  }
  if (filters.type !== undefined) {
    c.where.push('e.type = @type');
    c.params.type = filters.type;
  }
  if (filters.topic !== undefined) {
    c.where.push('e.id IN (SELECT event_id FROM event_topics WHERE topic = @topic)');
    c.params.topic = filters.topic;
  }
  if (filters.series !== undefined) {
    c.where.push('e.series IN (SELECT value FROM json_each(@series))');
    c.params.series = JSON.stringify(filters.series);
  }
  if (filters.speaker !== undefined) {
    c.where.push('e.id IN (SELECT event_id FROM appearances WHERE person_id = @speaker)');
    c.params.speaker = filters.speaker;
  }
  if (filters.org !== undefined) {
    c.where.push('e.id IN (SELECT event_id FROM event_organizations WHERE organization_id = @org)');
    c.params.org = filters.org;
  }
  const rows = (db
    .prepare(
      `SELECT e.id, e.title, e.type, e.start, e.end, e.format, e.city, e.country,
         (SELECT json_group_array(topic) FROM (SELECT topic FROM event_topics t WHERE t.event_id = e.id ORDER BY t.seq)) AS topics,
         (SELECT COUNT(*) FROM appearances a WHERE a.event_id = e.id) AS speakers,
         e.series, e.part_of, e.status, e.start_first
       FROM events e ${whereClause(c)}`,
    )
    .all(c.params) as Array<Omit<EventRow, 'topics'> & { topics: string; start_first: string }>)
    .map(({ start_first, ...row }) => ({ ...row, topics: JSON.parse(row.topics) as string[], start_first }));
  rows.sort(ORDER[filters.sort ?? 'newest']);
  const limited = filters.limit === undefined ? rows : rows.slice(0, filters.limit);
  return limited.map(({ start_first: _, ...row }) => row);
}

type Sortable = EventRow & { start_first: string };
const byDate = (a: Sortable, b: Sortable) => (a.start_first < b.start_first ? -1 : a.start_first > b.start_first ? 1 : 0);
// Equal keys fall back to a locale-aware title order, which SQLite cannot do, then the id.
const byTitle = (a: Sortable, b: Sortable) => compareText(a.title, b.title) || compareText(a.id, b.id);
const ORDER: Record<EventSort, (a: Sortable, b: Sortable) => number> = {
  newest: (a, b) => byDate(b, a) || byTitle(a, b),
  oldest: (a, b) => byDate(a, b) || byTitle(a, b),
  title: (a, b) => byTitle(a, b) || byDate(b, a),
  speakers: (a, b) => b.speakers - a.speakers || byDate(b, a) || byTitle(a, b),
};
