import type { Database } from 'better-sqlite3';
import { countryName, type NameLang } from '../countries.js';
import { compareText } from '../text.js';
import { addDateConditions, addEventsInRange, andClause, emptyConditions, whereClause, type DateFilters } from './scope.js';

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

/** A condition on `column` (an event key) keeping the events that start within the dates, if any are given. */
function eventsInRange(filters: DateFilters, column: string): { and: string; params: Record<string, unknown> } {
  const c = emptyConditions();
  addEventsInRange(c, filters, column);
  return { and: andClause(c), params: c.params };
}

export function listCountries(db: Database, filters: DateFilters = {}, lang: NameLang = 'en'): CountryCount[] {
  const events = eventsInRange(filters, 'p.event_key');
  const taking = db
    .prepare(
      `SELECT p.country AS code, COUNT(*) AS events, SUM((how & 1) != 0) AS hosted, SUM((how & 6) != 0) AS represented
       FROM event_participation p WHERE 1${events.and} GROUP BY p.country`,
    )
    .all(events.params) as Array<Omit<CountryCount, 'name' | 'speakers'>>;
  const inRange = eventsInRange(filters, 'a.event_key');
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
 * Per-topic speaker counts are distinct people across two tables. SQLite does that with a
 * temporary B-tree per group; reading the two columns once and counting in memory measured
 * about twice as fast on 10,000 events. Each person id becomes a small number once, so the
 * sets hash numbers rather than the same strings again for every topic.
 */
export function listTopics(db: Database, filters: DateFilters = {}): TopicCount[] {
  const c = emptyConditions();
  addDateConditions(c, filters);
  const topicsOf = new Map<number, TopicTally[]>();
  const tallies = new Map<string, TopicTally>();
  // Topics are kept on each event's row: one pass for the events of each topic and its first
  // and last dates, kept as written.
  for (const [eventKey, start, day, topics] of db.prepare(`SELECT e.key, e.start, e.start_first, e.topics FROM events e ${whereClause(c)}`).raw().iterate(c.params) as IterableIterator<[number, string, string, string]>) {
    if (topics === '[]') continue;
    const list: TopicTally[] = [];
    for (const topic of new Set(JSON.parse(topics) as string[])) {
      let tally = tallies.get(topic);
      if (!tally) tallies.set(topic, (tally = { topic, events: 0, speakers: new Set(), first: [day, start], last: [day, start] }));
      tally.events++;
      // Ties on the day (2012-01 and 2012-01-01 share their first day) go by the date as
      // written, so the answer never depends on the order rows come out of the index.
      if (day < tally.first[0] || (day === tally.first[0] && start < tally.first[1])) tally.first = [day, start];
      if (day > tally.last[0] || (day === tally.last[0] && start > tally.last[1])) tally.last = [day, start];
      list.push(tally);
    }
    topicsOf.set(eventKey, list);
  }
  const people = new Map<string, number>();
  const spoke = eventsInRange(filters, 'a.event_key');
  // Each event's speakers come as one row, grouped in key order: half the time of handing
  // JavaScript a row per appearance (about 20 against 45 ms for 55,000).
  const speakersByEvent = db.prepare(`SELECT a.event_key, json_group_array(a.person_id) FROM appearances a WHERE 1${spoke.and} GROUP BY a.event_key`);
  for (const [eventKey, speakers] of speakersByEvent.raw().all(spoke.params) as Array<[number, string]>) {
    const topics = topicsOf.get(eventKey);
    if (!topics) continue;
    for (const personId of JSON.parse(speakers) as string[]) {
      let person = people.get(personId);
      if (person === undefined) people.set(personId, (person = people.size));
      for (const tally of topics) tally.speakers.add(person);
    }
  }
  return [...tallies.values()]
    .map((t) => ({ topic: t.topic, events: t.events, speakers: t.speakers.size, first: t.first[1], last: t.last[1] }))
    .sort((a, b) => b.events - a.events || compareText(a.topic, b.topic));
}

interface TopicTally {
  topic: string;
  events: number;
  speakers: Set<number>;
  first: [day: string, start: string];
  last: [day: string, start: string];
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

/**
 * Three grouped statements, each read in index order: the events an organisation organised
 * or partnered, its speakers (on the index of appearances by organisation and person), and
 * every event it took part in either way.
 */
export function listOrganizations(db: Database, filters: DateFilters = {}): OrganizationCount[] {
  const linked = eventsInRange(filters, 'l.event_key');
  const spoke = eventsInRange(filters, 'a.event_key');
  const roles = new Map(
    (
      db
        .prepare(
          `SELECT l.organization_id, COUNT(DISTINCT l.event_key) FILTER (WHERE l.relation = 'organizer'), COUNT(DISTINCT l.event_key) FILTER (WHERE l.relation = 'partner')
           FROM event_organizations l WHERE 1${linked.and} GROUP BY l.organization_id`,
        )
        .raw()
        .all(linked.params) as Array<[string, number, number]>
    ).map((r) => [r[0], r]),
  );
  const speakers = new Map(
    db
      .prepare(`SELECT a.organization_id, COUNT(DISTINCT a.person_id) FROM appearances a WHERE a.organization_id IS NOT NULL${spoke.and} GROUP BY a.organization_id`)
      .raw()
      .all(spoke.params) as Array<[string, number]>,
  );
  const events = new Map(
    db
      .prepare(
        `SELECT organization_id, COUNT(DISTINCT event_key) FROM (
           SELECT l.organization_id, l.event_key FROM event_organizations l WHERE 1${linked.and}
           UNION ALL SELECT a.organization_id, a.event_key FROM appearances a WHERE a.organization_id IS NOT NULL${spoke.and}
         ) GROUP BY organization_id`,
      )
      .raw()
      .all({ ...linked.params, ...spoke.params }) as Array<[string, number]>,
  );
  if (events.size === 0) return [];
  const orgs = db
    .prepare('SELECT id, name, acronym, country, kind, registered FROM organizations WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...events.keys()])) as Array<{ id: string; name: string; acronym: string | null; country: string | null; kind: string | null; registered: number }>;
  return orgs
    .map((o) => ({
      ...o,
      events: events.get(o.id)!,
      organized: roles.get(o.id)?.[1] ?? 0,
      partnered: roles.get(o.id)?.[2] ?? 0,
      speakers: speakers.get(o.id) ?? 0,
      registered: o.registered === 1,
    }))
    .sort((a, b) => b.events - a.events || compareText(a.name, b.name));
}
