import type { Database } from 'better-sqlite3';
import { compareText } from '../text.js';

export interface SpeakerFilters {
  /** The country the speaker represented (or, when the entry gives none, their registry country). */
  country?: string;
  year?: number;
  from?: string;
  to?: string;
}

export interface SpeakerRow {
  id: string;
  name: string;
  country: string | null;
  organization: string | null;
  organization_id: string | null;
  position: string | null;
  events: number;
  first: string;
  last: string;
  registered: boolean;
}

/**
 * People who spoke, one row each: distinct events, first and last appearance, and the
 * country, organisation and position of their latest appearance among those matching.
 */
export function listSpeakers(db: Database, filters: SpeakerFilters = {}): SpeakerRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.country !== undefined) {
    where.push('COALESCE(a.country, p.country) = @country');
    params.country = filters.country;
  }
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
  const rows = db
    .prepare(
      `WITH matching AS (
         SELECT a.person_id, a.event_id, a.seq, e.start, e.start_first,
                COALESCE(a.country, p.country) AS country,
                COALESCE(a.organization_id, p.organization) AS organization_id,
                COALESCE(a.position, p.position) AS position
         FROM appearances a
         JOIN events e ON e.id = a.event_id
         JOIN people p ON p.id = a.person_id
         ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ),
       ranked AS (
         SELECT m.*,
                ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY start_first DESC, event_id DESC, seq) AS latest,
                ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY start_first ASC, event_id ASC, seq) AS earliest
         FROM matching m
       ),
       counts AS (SELECT person_id, COUNT(DISTINCT event_id) AS events FROM matching GROUP BY person_id)
       SELECT r.person_id AS id, p.name, r.country, COALESCE(o.name, r.organization_id) AS organization, o.id AS organization_id,
              r.position, c.events, f.start AS first, r.start AS last, p.registered
       FROM ranked r
       JOIN ranked f ON f.person_id = r.person_id AND f.earliest = 1
       JOIN counts c ON c.person_id = r.person_id
       JOIN people p ON p.id = r.person_id
       LEFT JOIN organizations o ON o.id = r.organization_id
       WHERE r.latest = 1`,
    )
    .all(params) as Array<Omit<SpeakerRow, 'registered'> & { registered: number }>;
  return rows
    .map((row) => ({ ...row, registered: row.registered === 1 }))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}
