import type { Database } from 'better-sqlite3';
import type { EventFilters, EventSort } from '../../core/query/events.js';
import { parseCountryFilter, parseDateFilter, parseYearFilter } from '../../core/query/filters.js';
import { findOrganization, findPerson, findSeries, findTopic } from '../../core/query/lookup.js';
import type { DateFilters } from '../../core/query/scope.js';
import { UsageError } from '../../core/errors.js';

/** The date options every query command shares, as typed. */
export interface DateOptions {
  year?: string;
  from?: string;
  to?: string;
}

export function parseDateOptions(options: DateOptions): DateFilters {
  return {
    ...(options.year !== undefined && { year: parseYearFilter(options.year) }),
    ...(options.from !== undefined && { from: parseDateFilter('--from', options.from).first }),
    ...(options.to !== undefined && { to: parseDateFilter('--to', options.to).last }),
  };
}

export function parseLimit(input: string): number {
  const text = input.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--limit takes a whole number of rows such as 10, not \`${input}\``);
  return Number(text);
}

/** The options that choose events, as typed (`hub events`, `hub export`, `hub report`). */
export interface EventOptions extends DateOptions {
  country?: string;
  hostCountry?: string;
  type?: string;
  topic?: string;
  series?: string;
  speaker?: string;
  org?: string;
  sort?: EventSort;
  limit?: string;
}

/** Everything checkable without the index, checked first: a typo costs no sync. */
export function parseEventOptions(options: EventOptions): EventFilters {
  return {
    ...parseDateOptions(options),
    ...(options.country !== undefined && { country: parseCountryFilter(options.country) }),
    ...(options.hostCountry !== undefined && { hostCountry: parseCountryFilter(options.hostCountry, '--host-country') }),
    ...(options.type !== undefined && { type: options.type }),
    ...(options.sort !== undefined && { sort: options.sort }),
    ...(options.limit !== undefined && { limit: parseLimit(options.limit) }),
  };
}

/** The filters that name things in the archive, looked up in the index. */
export function resolveEventOptions(db: Database, options: EventOptions, filters: EventFilters): EventFilters {
  if (options.topic !== undefined) filters.topic = findTopic(db, options.topic);
  if (options.series !== undefined) filters.series = findSeries(db, options.series);
  if (options.speaker !== undefined) filters.speaker = findPerson(db, options.speaker).id;
  if (options.org !== undefined) filters.org = findOrganization(db, options.org).id;
  return filters;
}

/** The option as typed for an option's property name: `partOf` is `--part-of`. */
export const flagOf = (option: string) => `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
