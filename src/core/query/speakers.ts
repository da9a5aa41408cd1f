import type { Database } from 'better-sqlite3';
import { compareText } from '../text.js';
import { addCondition, addDateConditions, andClause, emptyConditions, EVENT_AND_SESSIONS, type DateFilters } from './scope.js';

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

/**
 * One appearance as SQLite hands it over: an array, in the column order of APPEARANCE. Arrays
 * read as the rows stream in cost about a third less than an object per row (55,000 rows
 * for the whole bench archive).
 */
type AppearanceRow = [person_id: string, event_id: string, seq: number, start: string, start_first: string, country: string | null, organization_id: string | null, organization: string | null, position: string | null];
const PERSON = 0;
const EVENT = 1;
const SEQ = 2;
const START = 3;
const START_FIRST = 4;
const COUNTRY = 5;
const ORG_ID = 6;
const ORG = 7;
const POSITION = 8;

interface PersonInfo {
  id: string;
  name: string;
  registered: number;
  country: string | null;
  organization: string | null;
  position: string | null;
}

const APPEARANCE = 'SELECT a.person_id, a.event_id, a.seq, e.start, e.start_first, a.represents AS country, a.organization_id, a.organization, a.position FROM appearances a JOIN events e ON e.id = a.event_id';

/**
 * People who spoke, one row each: distinct events, first and last appearance, and the
 * country, organisation and position of their latest appearance among those matching.
 * Three indexed statements: the matching appearances, then the people and organisations
 * they name; folding appearances per person is one pass in memory.
 */
export function listSpeakers(db: Database, filters: SpeakerFilters = {}): SpeakerRow[] {
  const c = emptyConditions();
  addDateConditions(c, filters);
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
  const sql = `${APPEARANCE} WHERE 1${andClause(c)}`;
  const params = c.params;
  const spans = foldPerPerson(db.prepare(sql).raw().iterate(params) as IterableIterator<AppearanceRow>);
  if (spans.size === 0) return [];

  const people = new Map(
    (db.prepare('SELECT id, name, registered, country, organization, position FROM people WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...spans.keys()])) as PersonInfo[]).map((p) => [p.id, p]),
  );
  const orgRefs = new Set<string>();
  for (const [id, span] of spans) {
    if (span.last[ORG_ID]) orgRefs.add(span.last[ORG_ID]);
    const registryOrg = people.get(id)?.organization;
    if (registryOrg) orgRefs.add(registryOrg);
  }
  const orgNames = new Map(
    (db.prepare('SELECT id, name FROM organizations WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify([...orgRefs])) as Array<[string, string]>),
  );

  const rows: SpeakerRow[] = [];
  for (const [id, { first, last, events }] of spans) {
    const person = people.get(id);
    const orgId = last[ORG_ID] ?? person?.organization ?? null;
    rows.push({
      id,
      name: person?.name ?? id,
      country: last[COUNTRY] ?? person?.country ?? null,
      organization: (orgId && orgNames.get(orgId)) ?? last[ORG] ?? person?.organization ?? null,
      organization_id: orgId && orgNames.has(orgId) ? orgId : null,
      position: last[POSITION] ?? person?.position ?? null,
      events: events.size,
      first: first[START],
      last: last[START],
      registered: person?.registered === 1,
    });
  }
  return rows.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

interface Span {
  first: AppearanceRow;
  last: AppearanceRow;
  events: Set<string>;
}

const earlier = (a: AppearanceRow, b: AppearanceRow) =>
  a[START_FIRST] !== b[START_FIRST] ? a[START_FIRST] < b[START_FIRST] : a[EVENT] !== b[EVENT] ? a[EVENT] < b[EVENT] : a[SEQ] < b[SEQ];

/** Each person's earliest and latest appearance, and their distinct events, folded as the rows stream in. */
function foldPerPerson(rows: Iterable<AppearanceRow>): Map<string, Span> {
  const spans = new Map<string, Span>();
  for (const row of rows) {
    const span = spans.get(row[PERSON]);
    if (!span) {
      spans.set(row[PERSON], { first: row, last: row, events: new Set([row[EVENT]]) });
      continue;
    }
    span.events.add(row[EVENT]);
    if (earlier(row, span.first)) span.first = row;
    if (earlier(span.last, row)) span.last = row;
  }
  return spans;
}
