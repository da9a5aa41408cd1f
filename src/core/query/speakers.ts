import type { Database } from 'better-sqlite3';
import { compareText } from '../text.js';
import { addCondition, addEventsInRange, andClause, emptyConditions, EVENT_AND_SESSIONS, type DateFilters } from './scope.js';

export interface SpeakerFilters extends DateFilters {
  /** The country the speaker represented: the entry's, else their registry country. */
  country?: string;
  topic?: string;
  /** The organisation the speaker represented, as found by `findOrganization`. */
  org?: { id: string; names: string[] };
  role?: string;
  /** An event id: who spoke at it or at any session inside it. */
  event?: string;
}

export interface SpeakerRow {
  id: string;
  name: string;
  country: string | null;
  organization: string | null;
  organization_id: string | null;
  position: string | null;
  events: number;
  first: string;
  last: string;
  registered: boolean;
}

type Row = [
  id: string,
  name: string,
  registered: number,
  country: string | null,
  organization: string | null,
  organizationId: string | null,
  position: string | null,
  events: number,
  first: string,
  last: string,
];

/**
 * People who spoke, one row each: distinct events, first and last appearance, and the
 * country, organisation and position of their latest appearance among those matching.
 * One statement: the matching appearances are grouped per person off the index on
 * (person_id, event_start) (or on (represents, person_id, event_start)); each person's
 * first and last appearance is then one look-up on (person, day), ties on the day broken
 * by event id and position as everywhere else. Grouping in SQLite matters here: handing
 * JavaScript a row per appearance cost more than all the rest (about 80 ms of 55,000).
 */
export function listSpeakers(db: Database, filters: SpeakerFilters = {}): SpeakerRow[] {
  // Filters that go through other tables (dates, topics, sessions, organisations) are worked
  // out once into a small set of appearances: inside each person's look-ups SQLite would
  // build their lists again (150 ms instead of 15 for a topic and a year on 10k events).
  const elsewhere = emptyConditions();
  addEventsInRange(elsewhere, filters, 'a.event_key');
  addCondition(elsewhere, 'a.event_key IN (SELECT event_key FROM event_topics WHERE topic = @topic)', { topic: filters.topic });
  addCondition(elsewhere, `a.event_key IN (${EVENT_AND_SESSIONS})`, { event: filters.event });
  // The entry's organisation, else (when it names none) the registry's, written as id or name.
  addCondition(
    elsewhere,
    `(a.organization_id = @org OR (a.organization_id IS NULL
      AND a.person_id IN (SELECT id FROM people WHERE organization IN (SELECT value FROM json_each(@orgNames)))))`,
    { org: filters.org?.id, orgNames: filters.org && JSON.stringify([filters.org.id, ...filters.org.names]) },
  );
  const c = emptyConditions();
  addCondition(c, 'a.role = @role', { role: filters.role });
  addCondition(c, 'a.represents = @country', { country: filters.country });
  const params = { ...c.params, ...elsewhere.params };
  const matching = andClause(c) + andClause(elsewhere);
  const throughOtherTables = elsewhere.where.length > 0;
  const [source, t, where] = throughOtherTables ? ['matching', 'm', ''] : ['appearances', 'a', matching];
  const edge = (day: string, direction: string, pick: string) =>
    `(SELECT ${pick} FROM ${source} ${t} WHERE ${t}.person_id = g.person_id AND ${t}.event_start = g.${day}${where}
      ORDER BY (SELECT id FROM events WHERE key = ${t}.event_key) ${direction}, ${t}.seq ${direction} LIMIT 1)`;
  const sql = `
    WITH ${throughOtherTables ? `matching AS MATERIALIZED (SELECT a.person_id, a.event_start, a.event_key, a.seq FROM appearances a WHERE 1${matching}),` : ''}
    g AS (
      SELECT ${t}.person_id, count(DISTINCT ${t}.event_key) AS events, min(${t}.event_start) AS lo, max(${t}.event_start) AS hi
      FROM ${source} ${t} WHERE 1${where} GROUP BY ${t}.person_id
    ), k AS MATERIALIZED (
      SELECT g.person_id, g.events,
        ${edge('lo', 'ASC', `${t}.event_key`)} AS first_event,
        ${edge('hi', 'DESC', `${t}.event_key || ' ' || ${t}.seq`)} AS last_key
      FROM g
    ), s AS (
      -- Materialised above so that each look-up runs once a person.
      SELECT k.*, CAST(substr(last_key, 1, instr(last_key, ' ') - 1) AS INTEGER) AS last_event, CAST(substr(last_key, instr(last_key, ' ') + 1) AS INTEGER) AS last_seq FROM k
    )
    SELECT s.person_id, coalesce(p.name, s.person_id), coalesce(p.registered, 0),
      coalesce(l.represents, p.country), coalesce(o.name, l.organization, p.organization), o.id, coalesce(l.position, p.position),
      s.events, fe.start, le.start
    FROM s
    JOIN appearances l ON l.event_key = s.last_event AND l.seq = s.last_seq
    JOIN events fe ON fe.key = s.first_event
    JOIN events le ON le.key = s.last_event
    LEFT JOIN people p ON p.id = s.person_id
    LEFT JOIN organizations o ON o.id = coalesce(l.organization_id, p.organization)`;
  const rows = (db.prepare(sql).raw().all(params) as Row[]).map(
    (r): SpeakerRow => ({
      id: r[0],
      name: r[1],
      country: r[3],
      organization: r[4],
      organization_id: r[5],
      position: r[6],
      events: r[7],
      first: r[8],
      last: r[9],
      registered: r[2] === 1,
    }),
  );
  return rows.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}
