import type { Database } from 'better-sqlite3';
import type { PersonData } from '../records.js';
import { nameKey } from '../text.js';

export interface Appearance {
  event: string;
  title: string;
  start: string;
  role: string | null;
  honorific: string | null;
  position: string | null;
  organization: string | null;
  organization_id: string | null;
  country: string | null;
  /** The name as the event wrote it, when it wrote one. */
  written_as: string | null;
}

export interface PersonQuote {
  event: string;
  title: string;
  start: string;
  text: string;
}

export interface PersonPresentation {
  event: string;
  start: string;
  title: string;
  url: string | null;
  file: string | null;
}

export interface PersonProfile {
  id: string;
  name: string;
  honorific: string | null;
  aliases: string[];
  /** Other spellings the events use that are neither the name nor an alias. */
  spellings: string[];
  country: string | null;
  organization: string | null;
  organization_id: string | null;
  position: string | null;
  links: string[];
  registered: boolean;
  events: number;
  /** Newest first. */
  appearances: Appearance[];
  quotes: PersonQuote[];
  presentations: PersonPresentation[];
}

interface PersonRow {
  id: string;
  name: string;
  honorific: string | null;
  country: string | null;
  organization: string | null;
  position: string | null;
  registered: number;
  record: string | null;
}

/** One person's profile: registry facts and every appearance with what they held at the time. */
export function getPerson(db: Database, id: string): PersonProfile | undefined {
  const person = db.prepare('SELECT id, name, honorific, country, organization, position, registered, record FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  if (!person) return undefined;
  const data = person.record === null ? undefined : (JSON.parse(person.record) as PersonData);
  const appearances = db
    .prepare(
      `SELECT e.id AS event, e.title, e.start, a.role, a.honorific, a.position,
         COALESCE(o.name, a.organization) AS organization, o.id AS organization_id, a.country, a.name AS written_as
       FROM appearances a JOIN events e ON e.key = a.event_key LEFT JOIN organizations o ON o.id = a.organization_id
       WHERE a.person_id = ? ORDER BY e.start_first DESC, e.id, a.seq`,
    )
    .all(id) as Appearance[];
  const quotes = db
    .prepare('SELECT e.id AS event, e.title, e.start, q.text FROM quotes q JOIN events e ON e.key = q.event_key WHERE q.person_id = ? ORDER BY e.start_first DESC, e.id, q.seq')
    .all(id) as PersonQuote[];
  const presentations = db
    .prepare('SELECT e.id AS event, e.start, p.title, p.url, p.file FROM presentations p JOIN events e ON e.key = p.event_key WHERE p.person_id = ? ORDER BY e.start_first DESC, e.id, p.seq')
    .all(id) as PersonPresentation[];
  const organization = person.organization === null ? undefined : (db.prepare('SELECT id, name FROM organizations WHERE id = ?').get(person.organization) as { id: string; name: string } | undefined);
  const aliases = data?.aliases ?? [];
  const known = new Set([person.name, ...aliases].map(nameKey));
  const spellings = [...new Set(appearances.map((a) => a.written_as).filter((n): n is string => n !== null && !known.has(nameKey(n))))];
  const latest = appearances[0];
  return {
    id: person.id,
    name: person.name,
    honorific: person.honorific ?? latest?.honorific ?? null,
    aliases,
    spellings,
    country: person.registered === 1 ? person.country : (latest?.country ?? null),
    organization: organization?.name ?? person.organization ?? latest?.organization ?? null,
    organization_id: organization?.id ?? (person.registered === 1 ? null : (latest?.organization_id ?? null)),
    position: person.position ?? latest?.position ?? null,
    links: data?.links ?? [],
    registered: person.registered === 1,
    events: new Set(appearances.map((a) => a.event)).size,
    appearances,
    quotes,
    presentations,
  };
}
