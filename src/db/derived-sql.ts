/* SQL that derives rows from the events: used by migrations and by every sync after a change. */

/** The country a speaker entry stands for: its own, else the registered person's. */
export const REPRESENTS_SQL = 'COALESCE(country, (SELECT p.country FROM people p WHERE p.id = appearances.person_id AND p.registered = 1))';

/**
 * Fills `event_participation` from the events, their listed countries and their speakers,
 * for the events `inScope` keeps (a SQL condition on the event id column it is given; all
 * events by default). The condition sits in each branch, where SQLite can use the key.
 */
export function participationInsert(inScope: (eventIdColumn: string) => string = () => '1'): string {
  return `INSERT INTO event_participation (country, event_id, how)
SELECT country, event_id, SUM(DISTINCT bit) FROM (
  SELECT country, id AS event_id, 1 AS bit FROM events WHERE country IS NOT NULL AND ${inScope('id')}
  UNION ALL SELECT country, event_id, 2 FROM event_countries WHERE ${inScope('event_id')}
  UNION ALL SELECT represents, event_id, 4 FROM appearances WHERE represents IS NOT NULL AND ${inScope('event_id')}
) GROUP BY country, event_id`;
}
