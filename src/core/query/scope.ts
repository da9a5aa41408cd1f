/*
 * SQL fragments every query shares, so `hub events --country KZ` and the KZ row of
 * `hub countries` always count the same events. Values travel as named parameters only.
 */

export interface DateFilters {
  year?: number;
  /** First day of the range, as `YYYY-MM-DD` (a partial `--from` already widened). */
  from?: string;
  /** Last day of the range, as `YYYY-MM-DD`. */
  to?: string;
}

export interface Conditions {
  where: string[];
  params: Record<string, unknown>;
}

export function emptyConditions(): Conditions {
  return { where: [], params: {} };
}

/**
 * Events starting within the dates: a partial start date counts when its range overlaps,
 * so `--from 2023-03` keeps an event dated just `2023-03`.
 */
export function addDateConditions(c: Conditions, filters: DateFilters, e = 'e'): void {
  if (filters.year !== undefined) {
    c.where.push(`${e}.year = @year`);
    c.params.year = filters.year;
  }
  if (filters.from !== undefined) {
    c.where.push(`${e}.start_last >= @from`);
    c.params.from = filters.from;
  }
  if (filters.to !== undefined) {
    c.where.push(`${e}.start_first <= @to`);
    c.params.to = filters.to;
  }
}

export function whereClause(c: Conditions): string {
  return c.where.length > 0 ? `WHERE ${c.where.join(' AND ')}` : '';
}

export function andClause(c: Conditions): string {
  return c.where.map((w) => ` AND ${w}`).join('');
}

/**
 * The speakers who represented a country: the entry's own country, else (for an entry that
 * gives none) the person's registry country. Two indexed look-ups instead of a scan.
 */
export const SPEAKER_APPEARANCES_OF_COUNTRY = `
  SELECT event_id, person_id FROM appearances WHERE country = @country
  UNION ALL
  SELECT event_id, person_id FROM appearances WHERE country IS NULL AND person_id IN (SELECT id FROM people WHERE country = @country)`;

/** Ids of the events a country took part in: as host, as a listed country, or through a speaker. */
export const EVENTS_OF_COUNTRY = `
  SELECT id FROM events WHERE country = @country
  UNION SELECT event_id FROM event_countries WHERE country = @country
  UNION SELECT event_id FROM (${SPEAKER_APPEARANCES_OF_COUNTRY})`;

/** An event and every session inside it, however deep. */
export const EVENT_AND_SESSIONS = `
  WITH RECURSIVE tree(id) AS (SELECT @event UNION SELECT e.id FROM events e JOIN tree ON e.part_of = tree.id)
  SELECT id FROM tree`;
