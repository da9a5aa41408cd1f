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

function eventsInRange(filters: DateFilters) {
  const c = emptyConditions();
  addDateConditions(c, filters);
  return { cte: `ev AS (SELECT e.id, e.country FROM events e ${whereClause(c)})`, params: c.params };
}

export function listCountries(db: Database, filters: DateFilters = {}, lang: NameLang = 'en'): CountryCount[] {
  const { cte, params } = eventsInRange(filters);
  const taking = db
    .prepare(
      `WITH ${cte},
       part(code, event_id, hosted) AS (
         SELECT country, id, 1 FROM ev WHERE country IS NOT NULL
         UNION ALL SELECT c.country, c.event_id, 0 FROM event_countries c JOIN ev ON ev.id = c.event_id
         UNION ALL SELECT COALESCE(a.country, p.country), a.event_id, 0
           FROM appearances a JOIN ev ON ev.id = a.event_id LEFT JOIN people p ON p.id = a.person_id
           WHERE COALESCE(a.country, p.country) IS NOT NULL)
       SELECT code, COUNT(DISTINCT event_id) AS events,
              COUNT(DISTINCT CASE WHEN hosted = 1 THEN event_id END) AS hosted,
              COUNT(DISTINCT CASE WHEN hosted = 0 THEN event_id END) AS represented
       FROM part GROUP BY code`,
    )
    .all(params) as Array<Omit<CountryCount, 'name' | 'speakers'>>;
  const speakers = new Map(
    db
      .prepare(
        `WITH ${cte}
         SELECT COALESCE(a.country, p.country) AS code, COUNT(DISTINCT a.person_id) AS speakers
         FROM appearances a JOIN ev ON ev.id = a.event_id LEFT JOIN people p ON p.id = a.person_id
         WHERE COALESCE(a.country, p.country) IS NOT NULL GROUP BY 1`,
      )
      .raw()
      .all(params) as Array<[string, number]>,
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

export function listTopics(db: Database, filters: DateFilters = {}): TopicCount[] {
  const { cte, params } = eventsInRange(filters);
  const tagged = db
    .prepare(`WITH ${cte} SELECT t.topic, e.start, e.start_first FROM event_topics t JOIN ev ON ev.id = t.event_id JOIN events e ON e.id = t.event_id`)
    .raw()
    .all(params) as Array<[string, string, string]>;
  const speakers = new Map(
    db
      .prepare(`WITH ${cte} SELECT t.topic, COUNT(DISTINCT a.person_id) FROM event_topics t JOIN ev ON ev.id = t.event_id JOIN appearances a ON a.event_id = t.event_id GROUP BY t.topic`)
      .raw()
      .all(params) as Array<[string, number]>,
  );
  // One pass for counts and the first and last dates, keeping each date as written.
  const topics = new Map<string, { events: number; first: [string, string]; last: [string, string] }>();
  for (const [topic, start, day] of tagged) {
    const t = topics.get(topic);
    if (!t) {
      topics.set(topic, { events: 1, first: [day, start], last: [day, start] });
      continue;
    }
    t.events++;
    if (day < t.first[0]) t.first = [day, start];
    if (day > t.last[0]) t.last = [day, start];
  }
  return [...topics]
    .map(([topic, t]) => ({ topic, events: t.events, speakers: speakers.get(topic) ?? 0, first: t.first[1], last: t.last[1] }))
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
  const { cte, params } = eventsInRange(filters);
  const counts = db
    .prepare(
      `WITH ${cte},
       part(org, event_id, relation, person_id) AS (
         SELECT l.organization_id, l.event_id, l.relation, NULL FROM event_organizations l JOIN ev ON ev.id = l.event_id
         UNION ALL SELECT a.organization_id, a.event_id, 'speaker', a.person_id FROM appearances a JOIN ev ON ev.id = a.event_id WHERE a.organization_id IS NOT NULL)
       SELECT o.id, o.name, o.acronym, o.country, o.kind, o.registered,
              COUNT(DISTINCT part.event_id) AS events,
              COUNT(DISTINCT CASE WHEN relation = 'organizer' THEN part.event_id END) AS organized,
              COUNT(DISTINCT CASE WHEN relation = 'partner' THEN part.event_id END) AS partnered,
              COUNT(DISTINCT part.person_id) AS speakers
       FROM part JOIN organizations o ON o.id = part.org
       GROUP BY o.id`,
    )
    .all(params) as Array<Omit<OrganizationCount, 'registered'> & { registered: number }>;
  return counts
    .map((r) => ({ ...r, registered: r.registered === 1 }))
    .sort((a, b) => b.events - a.events || compareText(a.name, b.name));
}
