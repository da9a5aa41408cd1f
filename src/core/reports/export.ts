import type { Database } from 'better-sqlite3';
import { listCountries, listOrganizations, listTopics } from '../query/counts.js';
import type { EventFilters } from '../query/events.js';
import type { DateFilters } from '../query/scope.js';
import { appearanceRows, eventRows, quoteRows, selectEventIds, speakerRows } from './rows.js';

export const EXPORT_KINDS = ['events', 'speakers', 'appearances', 'countries', 'topics', 'orgs', 'quotes'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The columns of each export, in order: what CSV writes and `--columns` chooses from. */
export const EXPORT_FIELDS: Record<ExportKind, string[]> = {
  events: ['id', 'title', 'type', 'status', 'start', 'end', 'format', 'venue', 'city', 'country', 'series', 'part_of', 'organizers', 'partners', 'topics', 'participants', 'participants_approximate', 'countries_count', 'countries', 'speakers', 'sources'],
  appearances: ['event', 'title', 'start', 'person', 'name', 'honorific', 'role', 'position', 'organization', 'organization_name', 'country', 'registered'],
  speakers: ['id', 'name', 'country', 'organization', 'position', 'events', 'appearances', 'roles', 'first', 'last', 'status', 'registered'],
  countries: ['code', 'name', 'events', 'hosted', 'represented', 'speakers'],
  topics: ['topic', 'events', 'speakers', 'first', 'last'],
  orgs: ['id', 'name', 'acronym', 'country', 'kind', 'events', 'organized', 'partnered', 'speakers', 'registered'],
  quotes: ['event', 'title', 'start', 'person', 'speaker', 'text'],
};

/** Kinds counted over a period: only the date filters apply to them. */
export const DATE_ONLY_KINDS: ReadonlySet<ExportKind> = new Set(['countries', 'topics', 'orgs']);

/** The rows of one export kind for the events the filters choose. */
export function exportRows(db: Database, kind: ExportKind, filters: EventFilters): object[] {
  const dates: DateFilters = { ...(filters.year !== undefined && { year: filters.year }), ...(filters.from !== undefined && { from: filters.from }), ...(filters.to !== undefined && { to: filters.to }) };
  switch (kind) {
    case 'countries':
      return listCountries(db, dates);
    case 'topics':
      return listTopics(db, dates);
    case 'orgs':
      return listOrganizations(db, dates);
    default:
  }
  const ids = selectEventIds(db, filters);
  switch (kind) {
    case 'events':
      return eventRows(db, ids);
    case 'appearances':
      return appearanceRows(db, ids);
    case 'speakers':
      return speakerRows(db, ids);
    case 'quotes':
      return quoteRows(db, ids);
  }
}
