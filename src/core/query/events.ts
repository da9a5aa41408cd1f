import type { Database } from 'better-sqlite3';
import { compareText } from '../text.js';

export interface EventFilters {
  year?: number;
  from?: string;
  to?: string;
  /** Host country or a represented country. */
  country?: string;
  hostCountry?: string;
  type?: string;
  topic?: string;
  series?: string;
}

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
}

/** Events matching every filter given, newest first. One indexed statement. */
export function listEvents(db: Database, filters: EventFilters = {}): EventRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.year !== undefined) {
    where.push('e.year = @year');
    params.year = filters.year;
  }
  if (filters.from !== undefined) {
    where.push('e.start_last >= @from');
    params.from = filters.from;
  }
  if (filters.to !== undefined) {
    where.push('e.start_first <= @to');
    params.to = filters.to;
  }
  if (filters.country !== undefined) {
    where.push('(e.country = @country OR EXISTS (SELECT 1 FROM event_countries c WHERE c.event_id = e.id AND c.country = @country))');
    params.country = filters.country;
  }
  if (filters.hostCountry !== undefined) {
    where.push('e.country = @hostCountry');
    params.hostCountry = filters.hostCountry;
  }
  if (filters.type !== undefined) {
    where.push('e.type = @type');
    params.type = filters.type;
  }
  if (filters.topic !== undefined) {
    where.push('EXISTS (SELECT 1 FROM event_topics t WHERE t.event_id = e.id AND t.topic = @topic)');
    params.topic = filters.topic;
  }
  if (filters.series !== undefined) {
    where.push('e.series = @series');
    params.series = filters.series;
  }
  const rows = db
    .prepare(
      `SELECT e.id, e.title, e.type, e.start, e.end, e.format, e.city, e.country,
         (SELECT json_group_array(topic) FROM (SELECT topic FROM event_topics t WHERE t.event_id = e.id ORDER BY t.seq)) AS topics,
         (SELECT COUNT(*) FROM appearances a WHERE a.event_id = e.id) AS speakers,
         e.series, e.part_of, e.start_first
       FROM events e
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY e.start_first DESC`,
    )
    .all(params) as Array<Omit<EventRow, 'topics'> & { topics: string; start_first: string }>;
  // SQL orders by date; equal dates fall back to a locale-aware title order, which SQLite cannot do.
  rows.sort((a, b) => (a.start_first === b.start_first ? compareText(a.title, b.title) : a.start_first < b.start_first ? 1 : -1));
  return rows.map(({ start_first: _, ...row }) => ({ ...row, topics: JSON.parse(row.topics) as string[] }));
}
