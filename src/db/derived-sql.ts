/* SQL that derives rows from the events: used by every sync after a change. */

/** The country a speaker entry stands for: its own, else the registered person's. */
export const REPRESENTS_SQL = 'COALESCE(country, (SELECT p.country FROM people p WHERE p.id = appearances.person_id AND p.registered = 1))';

/**
 * Fills `event_participation` from the events, their listed countries and their speakers,
 * for the events `inScope` keeps (a SQL condition on the event id column it is given; all
 * events when absent). Rows of an event's own tables are kept by their event key, looked up
 * from the ids once.
 */
export function participationInsert(inScope?: (eventIdColumn: string) => string): string {
  const events = inScope ? ` AND ${inScope('id')}` : '';
  const rows = inScope ? ` AND event_key IN (SELECT key FROM events WHERE ${inScope('id')})` : '';
  return `INSERT INTO event_participation (country, event_key, how)
SELECT country, event_key, SUM(DISTINCT bit) FROM (
  SELECT country, key AS event_key, 1 AS bit FROM events WHERE country IS NOT NULL${events}
  UNION ALL SELECT country, event_key, 2 FROM event_countries WHERE 1${rows}
  UNION ALL SELECT represents, event_key, 4 FROM appearances WHERE represents IS NOT NULL${rows}
) GROUP BY country, event_key`;
}
