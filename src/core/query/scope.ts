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
/** Adds `sql` with its named parameters, unless a parameter's value was not given. */
export function addCondition(c: Conditions, sql: string, params: Record<string, unknown>): void {
  if (Object.values(params).some((v) => v === undefined)) return;
  c.where.push(sql);
  Object.assign(c.params, params);
}

export function addDateConditions(c: Conditions, filters: DateFilters, e = 'e'): void {
  addCondition(c, `${e}.year = @year`, { year: filters.year });
  addCondition(c, `${e}.start_last >= @from`, { from: filters.from });
  addCondition(c, `${e}.start_first <= @to`, { to: filters.to });
}

/** Keeps the rows whose `column` (an event key) names an event starting within the dates, if any are given. */
export function addEventsInRange(c: Conditions, filters: DateFilters, column: string): void {
  const range = emptyConditions();
  addDateConditions(range, filters);
  if (range.where.length === 0) return;
  c.where.push(`${column} IN (SELECT e.key FROM events e ${whereClause(range)})`);
  Object.assign(c.params, range.params);
}

export function whereClause(c: Conditions): string {
  return c.where.length > 0 ? `WHERE ${c.where.join(' AND ')}` : '';
}

export function andClause(c: Conditions): string {
  return c.where.map((w) => ` AND ${w}`).join('');
}

/** Keys of the events a country took part in: as host, as a listed country, or through a speaker. */
export const EVENTS_OF_COUNTRY = 'SELECT event_key FROM event_participation WHERE country = @country';

/** The keys of an event (given by id) and of every session inside it, however deep. */
export const EVENT_AND_SESSIONS = `
  WITH RECURSIVE tree(id) AS (SELECT @event UNION SELECT e.id FROM events e JOIN tree ON e.part_of = tree.id)
  SELECT e.key FROM events e JOIN tree ON e.id = tree.id`;
