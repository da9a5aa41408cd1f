import type { Database } from 'better-sqlite3';
import { listEvents, type EventFilters } from '../query/events.js';

/*
 * The rows of exports and reports, for a set of events chosen with the query filters. Each
 * kind is a few set-wise statements over the event ids, assembled in memory, so a year of
 * events costs the same handful of statements as one event.
 */

export interface EventExportRow {
  id: string;
  title: string;
  type: string;
  status: string;
  start: string;
  end: string | null;
  format: string | null;
  venue: string | null;
  city: string | null;
  country: string | null;
  series: string | null;
  part_of: string | null;
  organizers: string[];
  partners: string[];
  topics: string[];
  participants: number | null;
  participants_approximate: boolean;
  countries_count: number | null;
  countries: string[];
  speakers: number;
  sources: string[];
}

export interface AppearanceExportRow {
  event: string;
  title: string;
  start: string;
  person: string;
  name: string;
  honorific: string | null;
  role: string | null;
  position: string | null;
  organization: string | null;
  organization_name: string | null;
  country: string | null;
  registered: boolean;
}

export interface QuoteExportRow {
  event: string;
  title: string;
  start: string;
  person: string;
  speaker: string;
  text: string;
}

/** Event ids for the filters, oldest first: the order reports read in. */
export function selectEventIds(db: Database, filters: EventFilters): string[] {
  return listEvents(db, { ...filters, sort: 'oldest' }).map((e) => e.id);
}

const idsJson = (ids: string[]) => JSON.stringify(ids);
const IN_IDS = 'SELECT value FROM json_each(@ids)';
const IN_KEYS = `SELECT key FROM events WHERE id IN (${IN_IDS})`;

function grouped<T>(rows: Array<[string, T]>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const [key, value] of rows) {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}

export function eventRows(db: Database, ids: string[]): EventExportRow[] {
  const params = { ids: idsJson(ids) };
  const events = db
    .prepare(`SELECT id, title, type, status, start, end, format, venue, city, country, series, part_of, participants, attendance_approximate, countries_count, speakers, topics FROM events WHERE id IN (${IN_IDS})`)
    .all(params) as Array<Record<string, string | number | null>>;
  const byId = new Map(events.map((e) => [e.id as string, e]));
  // A registered organisation by its id; one nobody registered as it was written.
  const orgs = db
    .prepare(
      `SELECT e.id, eo.relation, CASE WHEN o.registered = 1 THEN eo.organization_id ELSE eo.organization END
       FROM event_organizations eo JOIN events e ON e.key = eo.event_key LEFT JOIN organizations o ON o.id = eo.organization_id
       WHERE eo.event_key IN (${IN_KEYS}) ORDER BY eo.event_key, eo.relation, eo.seq`,
    )
    .raw()
    .all(params) as Array<[string, string, string]>;
  const organizers = grouped(orgs.filter((o) => o[1] === 'organizer').map((o) => [o[0], o[2]]));
  const partners = grouped(orgs.filter((o) => o[1] === 'partner').map((o) => [o[0], o[2]]));
  const countries = grouped(db.prepare(`SELECT e.id, c.country FROM event_countries c JOIN events e ON e.key = c.event_key WHERE c.event_key IN (${IN_KEYS}) ORDER BY c.event_key, c.seq`).raw().all(params) as Array<[string, string]>);
  const sources = grouped(db.prepare(`SELECT e.id, COALESCE(s.url, s.title) FROM sources s JOIN events e ON e.key = s.event_key WHERE s.event_key IN (${IN_KEYS}) AND COALESCE(s.url, s.title) IS NOT NULL ORDER BY s.event_key, s.seq`).raw().all(params) as Array<[string, string]>);
  return ids.flatMap((id) => {
    const e = byId.get(id);
    if (!e) return [];
    return [
      {
        id,
        title: e.title as string,
        type: e.type as string,
        status: e.status as string,
        start: e.start as string,
        end: e.end as string | null,
        format: e.format as string | null,
        venue: e.venue as string | null,
        city: e.city as string | null,
        country: e.country as string | null,
        series: e.series as string | null,
        part_of: e.part_of as string | null,
        organizers: organizers.get(id) ?? [],
        partners: partners.get(id) ?? [],
        // Each event's row carries its topics and speaker count (migration 004).
        topics: JSON.parse(e.topics as string) as string[],
        participants: e.participants as number | null,
        participants_approximate: e.attendance_approximate === 1,
        countries_count: e.countries_count as number | null,
        countries: countries.get(id) ?? [],
        speakers: e.speakers as number,
        sources: sources.get(id) ?? [],
      },
    ];
  });
}

/** One row per speaker per event, in event order then speaking order. */
export function appearanceRows(db: Database, ids: string[]): AppearanceExportRow[] {
  const rows = db
    .prepare(
      `SELECT e.id AS event, e.title, e.start, a.person_id AS person, COALESCE(a.name, p.name, a.person_ref, a.person_id) AS name,
         COALESCE(a.honorific, CASE WHEN p.registered = 1 THEN p.honorific END) AS honorific, a.role, a.position,
         CASE WHEN o.registered = 1 THEN a.organization_id ELSE a.organization END AS organization, o.name AS organization_name, a.represents AS country, COALESCE(p.registered, 0) AS registered
       FROM appearances a JOIN events e ON e.key = a.event_key
       LEFT JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.organization_id
       WHERE a.event_key IN (${IN_KEYS}) ORDER BY a.event_key, a.seq`,
    )
    .all({ ids: idsJson(ids) }) as Array<AppearanceExportRow & { registered: number | boolean }>;
  return orderByEvents(ids, rows.map((r) => ({ ...r, registered: Number(r.registered) === 1 })));
}

export function quoteRows(db: Database, ids: string[]): QuoteExportRow[] {
  const rows = db
    .prepare(
      `SELECT e.id AS event, e.title, e.start, q.person_id AS person, COALESCE(p.name, q.speaker) AS speaker, q.text
       FROM quotes q JOIN events e ON e.key = q.event_key LEFT JOIN people p ON p.id = q.person_id
       WHERE q.event_key IN (${IN_KEYS}) ORDER BY q.event_key, q.seq`,
    )
    .all({ ids: idsJson(ids) }) as QuoteExportRow[];
  return orderByEvents(ids, rows);
}

function orderByEvents<T extends { event: string }>(ids: string[], rows: T[]): T[] {
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.map((row, i) => ({ row, i })).sort((a, b) => order.get(a.row.event)! - order.get(b.row.event)! || a.i - b.i).map(({ row }) => row);
}

export interface SpeakerExportRow {
  id: string;
  name: string;
  country: string | null;
  organization: string | null;
  position: string | null;
  events: number;
  appearances: number;
  roles: string[];
  first: string;
  last: string;
  /** `new`: no appearance before these events; `returning`: spoke at an earlier event in the archive. */
  status: 'new' | 'returning';
  registered: boolean;
}

/** People who spoke at the events, one row each, with whether they had spoken before them. */
export function speakerRows(db: Database, ids: string[], appearances: AppearanceExportRow[] = appearanceRows(db, ids)): SpeakerExportRow[] {
  if (appearances.length === 0) return [];
  const firstStart = db.prepare(`SELECT MIN(start_first) FROM events WHERE id IN (${IN_IDS})`).pluck().get({ ids: idsJson(ids) }) as string;
  const people = [...new Set(appearances.map((a) => a.person))];
  const earlier = new Set(
    db
      .prepare(`SELECT DISTINCT a.person_id FROM appearances a JOIN events e ON e.key = a.event_key WHERE a.person_id IN (SELECT value FROM json_each(@people)) AND e.start_last < @first`)
      .pluck()
      .all({ people: JSON.stringify(people), first: firstStart }) as string[],
  );
  const byPerson = new Map<string, SpeakerExportRow & { eventSet: Set<string> }>();
  for (const a of appearances) {
    let row = byPerson.get(a.person);
    if (!row) {
      row = { id: a.person, name: a.name, country: null, organization: null, position: null, events: 0, appearances: 0, roles: [], first: a.start, last: a.start, status: earlier.has(a.person) ? 'returning' : 'new', registered: a.registered, eventSet: new Set() };
      byPerson.set(a.person, row);
    }
    row.eventSet.add(a.event);
    row.appearances++;
    if (a.role && !row.roles.includes(a.role)) row.roles.push(a.role);
    // Appearances come oldest first: the last one read is the latest.
    row.last = a.start;
    row.country = a.country ?? row.country;
    row.organization = a.organization ?? a.organization_name ?? row.organization;
    row.position = a.position ?? row.position;
  }
  return [...byPerson.values()].map(({ eventSet, ...row }) => ({ ...row, events: eventSet.size }));
}
