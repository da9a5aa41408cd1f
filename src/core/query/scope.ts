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

/** Ids of the events a country took part in: as host, as a listed country, or through a speaker. */
export const EVENTS_OF_COUNTRY = 'SELECT event_id FROM event_participation WHERE country = @country';

/** An event and every session inside it, however deep. */
export const EVENT_AND_SESSIONS = `
  WITH RECURSIVE tree(id) AS (SELECT @event UNION SELECT e.id FROM events e JOIN tree ON e.part_of = tree.id)
  SELECT id FROM tree`;
