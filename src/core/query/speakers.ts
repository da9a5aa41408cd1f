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

interface PersonInfo {
  id: string;
  name: string;
  registered: number;
  country: string | null;
  organization: string | null;
  position: string | null;
}

/** What the latest (or earliest) matching appearance of a person says. */
type Detail = [eventId: string, seq: number, start: string, country: string | null, organizationId: string | null, organization: string | null, position: string | null];
const START = 2;
const COUNTRY = 3;
const ORG_ID = 4;
const ORG = 5;
const POSITION = 6;

/**
 * People who spoke, one row each: distinct events, first and last appearance, and the
 * country, organisation and position of their latest appearance among those matching.
 * Four indexed statements: the matching appearances in date order, folded per person as
 * they stream in; the first and last of each; then the people and organisations they name.
 */
export function listSpeakers(db: Database, filters: SpeakerFilters = {}): SpeakerRow[] {
  const c = emptyConditions();
  addEventsInRange(c, filters, 'a.event_id');
  addCondition(c, 'a.event_id IN (SELECT event_id FROM event_topics WHERE topic = @topic)', { topic: filters.topic });
  addCondition(c, 'a.role = @role', { role: filters.role });
  addCondition(c, `a.event_id IN (${EVENT_AND_SESSIONS})`, { event: filters.event });
  // The entry's organisation, else (when it names none) the registry's, written as id or name.
  addCondition(
    c,
    `(a.organization_id = @org OR (a.organization_id IS NULL
      AND a.person_id IN (SELECT id FROM people WHERE organization IN (SELECT value FROM json_each(@orgNames)))))`,
    { org: filters.org?.id, orgNames: filters.org && JSON.stringify([filters.org.id, ...filters.org.names]) },
  );
  addCondition(c, 'a.represents = @country', { country: filters.country });
  // In this order the index on (person_id, event_start), or on (represents, person_id,
  // event_start), hands each person's appearances over oldest first, ties broken by event
  // id and position as everywhere else: no sorting, and no join to the events.
  const sql = `SELECT a.person_id, a.event_id, a.seq FROM appearances a WHERE 1${andClause(c)} ORDER BY a.person_id, a.event_start, a.event_id, a.seq`;
  const spans = foldPerPerson(db.prepare(sql).raw().iterate(c.params) as IterableIterator<[string, string, number]>);
  if (spans.size === 0) return [];

  const details = new Map(
    (db
      .prepare(`SELECT a.event_id, a.seq, e.start, a.represents, a.organization_id, a.organization, a.position
        FROM json_each(?) j JOIN appearances a ON a.event_id = j.value ->> 0 AND a.seq = j.value ->> 1 JOIN events e ON e.id = a.event_id`)
      .raw()
      .all(JSON.stringify([...spans.values()].flatMap((s) => [s.first, s.last]))) as Detail[]).map((d) => [`${d[0]}\0${d[1]}`, d]),
  );
  const detail = (key: [string, number]) => details.get(`${key[0]}\0${key[1]}`)!;
  const people = new Map(
    (db.prepare('SELECT id, name, registered, country, organization, position FROM people WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...spans.keys()])) as PersonInfo[]).map((p) => [p.id, p]),
  );
  const orgRefs = new Set<string>();
  for (const [id, span] of spans) {
    const last = detail(span.last);
    if (last[ORG_ID]) orgRefs.add(last[ORG_ID]);
    const registryOrg = people.get(id)?.organization;
    if (registryOrg) orgRefs.add(registryOrg);
  }
  const orgNames = new Map(
    (db.prepare('SELECT id, name FROM organizations WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify([...orgRefs])) as Array<[string, string]>),
  );

  const rows: SpeakerRow[] = [];
  for (const [id, span] of spans) {
    const person = people.get(id);
    const last = detail(span.last);
    const orgId = last[ORG_ID] ?? person?.organization ?? null;
    rows.push({
      id,
      name: person?.name ?? id,
      country: last[COUNTRY] ?? person?.country ?? null,
      organization: (orgId && orgNames.get(orgId)) ?? last[ORG] ?? person?.organization ?? null,
      organization_id: orgId && orgNames.has(orgId) ? orgId : null,
      position: last[POSITION] ?? person?.position ?? null,
      events: span.events,
      first: detail(span.first)[START],
      last: last[START],
      registered: person?.registered === 1,
    });
  }
  return rows.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

interface Span {
  first: [eventId: string, seq: number];
  last: [eventId: string, seq: number];
  events: number;
}

/**
 * Each person's earliest and latest appearance and their number of distinct events, from
 * rows ordered by person, then date, event and position: a person's rows are consecutive,
 * and so are their rows at one event.
 */
function foldPerPerson(rows: Iterable<[personId: string, eventId: string, seq: number]>): Map<string, Span> {
  const spans = new Map<string, Span>();
  let span: Span | undefined;
  let person: string | undefined;
  let event: string | undefined;
  for (const [personId, eventId, seq] of rows) {
    if (personId !== person) {
      person = personId;
      event = eventId;
      span = { first: [eventId, seq], last: [eventId, seq], events: 1 };
      spans.set(personId, span);
      continue;
    }
    if (eventId !== event) {
      event = eventId;
      span!.events++;
    }
    span!.last = [eventId, seq];
  }
  return spans;
}
