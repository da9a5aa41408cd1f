import type { Database } from 'better-sqlite3';
import { countryName, type NameLang } from '../countries.js';
import { compareText } from '../text.js';
import { addDateConditions, emptyConditions, whereClause, type DateFilters } from './scope.js';

/*
 * The counting views: how many events and speakers per country, topic and organisation,
 * over the events starting within the dates given. Each is a handful of grouped
 * statements over the events in range; ties sort by name, locale-aware.
 */

export interface CountryCount {
  code: string;
  name: string;
  /** Events the country took part in: hosted, listed among the countries, or through a speaker. */
  events: number;
  hosted: number;
  /** Events it was listed among the represented countries of, or sent a speaker to. */
  represented: number;
  speakers: number;
}

/** A condition on `column` (an event id) keeping the events that start within the dates, if any are given. */
function eventsInRange(filters: DateFilters, column: string): { and: string; params: Record<string, unknown> } {
  const c = emptyConditions();
  addDateConditions(c, filters);
  if (c.where.length === 0) return { and: '', params: {} };
  return { and: ` AND ${column} IN (SELECT e.id FROM events e ${whereClause(c)})`, params: c.params };
}

export function listCountries(db: Database, filters: DateFilters = {}, lang: NameLang = 'en'): CountryCount[] {
  const events = eventsInRange(filters, 'p.event_id');
  const taking = db
    .prepare(
      `SELECT p.country AS code, COUNT(*) AS events, SUM((how & 1) != 0) AS hosted, SUM((how & 6) != 0) AS represented
       FROM event_participation p WHERE 1${events.and} GROUP BY p.country`,
    )
    .all(events.params) as Array<Omit<CountryCount, 'name' | 'speakers'>>;
  const inRange = eventsInRange(filters, 'a.event_id');
  const speakers = new Map(
    db
      .prepare(`SELECT a.represents, COUNT(DISTINCT a.person_id) FROM appearances a WHERE a.represents IS NOT NULL${inRange.and} GROUP BY a.represents`)
      .raw()
      .all(inRange.params) as Array<[string, number]>,
  );
  return taking
    .map((row) => ({ code: row.code, name: countryName(row.code, lang) ?? row.code, events: row.events, hosted: row.hosted, represented: row.represented, speakers: speakers.get(row.code) ?? 0 }))
    .sort((a, b) => b.events - a.events || b.speakers - a.speakers || compareText(a.name, b.name));
}

export interface TopicCount {
  topic: string;
  events: number;
  speakers: number;
  first: string;
  last: string;
}

/*
 * Topics and organisations need distinct counts across two tables (events per topic and the
 * people who spoke at them; events an organisation organised, partnered or sent speakers
 * to). SQLite does those with a temporary B-tree per group; reading the few columns once
 * and counting in Sets measured three to four times faster on 10,000 events.
 */

/** Adds `value` to the set kept under `key`. */
function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export function listTopics(db: Database, filters: DateFilters = {}): TopicCount[] {
  const inRange = eventsInRange(filters, 't.event_id');
  const topicsOf = new Map<string, string[]>();
  const events = new Map<string, Set<string>>();
  const dates = new Map<string, { first: [string, string]; last: [string, string] }>();
  // Rows are folded as they stream in: no array of tens of thousands of rows to build and collect.
  const tagged = db
    .prepare(`SELECT t.event_id, t.topic, e.start, e.start_first FROM event_topics t JOIN events e ON e.id = t.event_id WHERE 1${inRange.and}`)
    .raw()
    .iterate(inRange.params) as IterableIterator<[string, string, string, string]>;
  // One pass for the events of each topic and its first and last dates, kept as written.
  for (const [eventId, topic, start, day] of tagged) {
    const list = topicsOf.get(eventId);
    if (list) list.push(topic);
    else topicsOf.set(eventId, [topic]);
    addTo(events, topic, eventId);
    const d = dates.get(topic);
    if (!d) dates.set(topic, { first: [day, start], last: [day, start] });
    else {
      if (day < d.first[0]) d.first = [day, start];
      if (day > d.last[0]) d.last = [day, start];
    }
  }
  const speakers = new Map<string, Set<string>>();
  const spoke = eventsInRange(filters, 'a.event_id');
  for (const [eventId, personId] of db.prepare(`SELECT a.event_id, a.person_id FROM appearances a WHERE 1${spoke.and}`).raw().iterate(spoke.params) as IterableIterator<[string, string]>) {
    for (const topic of topicsOf.get(eventId) ?? []) addTo(speakers, topic, personId);
  }
  return [...events]
    .map(([topic, ids]) => ({ topic, events: ids.size, speakers: speakers.get(topic)?.size ?? 0, first: dates.get(topic)!.first[1], last: dates.get(topic)!.last[1] }))
    .sort((a, b) => b.events - a.events || compareText(a.topic, b.topic));
}

export interface OrganizationCount {
  id: string;
  name: string;
  acronym: string | null;
  country: string | null;
  kind: string | null;
  /** Events it organised, partnered, or sent a speaker to. */
  events: number;
  organized: number;
  partnered: number;
  speakers: number;
  registered: boolean;
}

export function listOrganizations(db: Database, filters: DateFilters = {}): OrganizationCount[] {
  const events = new Map<string, Set<string>>();
  const organized = new Map<string, Set<string>>();
  const partnered = new Map<string, Set<string>>();
  const speakers = new Map<string, Set<string>>();
  const linked = eventsInRange(filters, 'l.event_id');
  for (const [orgId, relation, eventId] of db.prepare(`SELECT l.organization_id, l.relation, l.event_id FROM event_organizations l WHERE 1${linked.and}`).raw().iterate(linked.params) as IterableIterator<[string, string, string]>) {
    addTo(events, orgId, eventId);
    addTo(relation === 'organizer' ? organized : partnered, orgId, eventId);
  }
  const spoke = eventsInRange(filters, 'a.event_id');
  for (const [orgId, eventId, personId] of db.prepare(`SELECT a.organization_id, a.event_id, a.person_id FROM appearances a WHERE a.organization_id IS NOT NULL${spoke.and}`).raw().iterate(spoke.params) as IterableIterator<[string, string, string]>) {
    addTo(events, orgId, eventId);
    addTo(speakers, orgId, personId);
  }
  if (events.size === 0) return [];
  const orgs = db
    .prepare('SELECT id, name, acronym, country, kind, registered FROM organizations WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...events.keys()])) as Array<{ id: string; name: string; acronym: string | null; country: string | null; kind: string | null; registered: number }>;
  return orgs
    .map((o) => ({
      ...o,
      events: events.get(o.id)!.size,
      organized: organized.get(o.id)?.size ?? 0,
      partnered: partnered.get(o.id)?.size ?? 0,
      speakers: speakers.get(o.id)?.size ?? 0,
      registered: o.registered === 1,
    }))
    .sort((a, b) => b.events - a.events || compareText(a.name, b.name));
}
