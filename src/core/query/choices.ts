import type { Db } from '../../db/connection.js';
import { searchKey } from '../text.js';

/*
 * What the interactive recorder offers to pick from: people and organisations with every
 * name they go by, each person's last appearance (to prefill a speaker), topics by use,
 * series and events.
 */

export interface PersonChoice {
  id: string;
  name: string;
  names: string[];
  registered: boolean;
  /** Honorific, position, organisation and country: at the person's latest appearance, else from the registry. */
  last: { honorific?: string; position?: string; organization?: string; country?: string };
}

export interface OrganizationChoice {
  id: string;
  name: string;
  acronym?: string;
  names: string[];
  registered: boolean;
}

export interface RecordingChoices {
  people: PersonChoice[];
  organizations: OrganizationChoice[];
  /** Most used first. */
  topics: string[];
  series: string[];
  /** Newest first. */
  events: Array<{ id: string; title: string; start: string }>;
}

/** The keys that have a value. */
const present = (object: Record<string, string | null>): PersonChoice['last'] => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null)) as PersonChoice['last'];

export function loadRecordingChoices(db: Db): RecordingChoices {
  const people = new Map<string, PersonChoice>();
  const rows = db.prepare('SELECT id, name, honorific, position, organization, country, registered FROM people ORDER BY name').all() as Array<{
    id: string; name: string; honorific: string | null; position: string | null; organization: string | null; country: string | null; registered: number;
  }>;
  for (const r of rows) {
    people.set(r.id, { id: r.id, name: r.name, names: [r.name], registered: r.registered === 1, last: present({ honorific: r.honorific, position: r.position, organization: r.organization, country: r.country }) });
  }
  for (const n of db.prepare('SELECT person_id, name FROM person_names').all() as Array<{ person_id: string; name: string }>) {
    const person = people.get(n.person_id);
    if (person && !person.names.includes(n.name)) person.names.push(n.name);
  }
  const seen = new Set<string>();
  const appearances = db
    .prepare(`SELECT a.person_id, a.honorific, a.position, COALESCE(a.organization_id, a.organization) AS organization, a.country
      FROM appearances a JOIN events e ON e.key = a.event_key ORDER BY e.start_last DESC, e.id DESC, a.seq`)
    .all() as Array<{ person_id: string; honorific: string | null; position: string | null; organization: string | null; country: string | null }>;
  for (const a of appearances) {
    if (seen.has(a.person_id)) continue;
    seen.add(a.person_id);
    const person = people.get(a.person_id);
    if (person) person.last = { ...person.last, ...present({ honorific: a.honorific, position: a.position, organization: a.organization, country: a.country }) };
  }

  const organizations = new Map<string, OrganizationChoice>();
  for (const o of db.prepare('SELECT id, name, acronym, registered FROM organizations ORDER BY name').all() as Array<{ id: string; name: string; acronym: string | null; registered: number }>) {
    organizations.set(o.id, { id: o.id, name: o.name, ...(o.acronym ? { acronym: o.acronym } : {}), names: [o.name, ...(o.acronym ? [o.acronym] : [])], registered: o.registered === 1 });
  }
  for (const n of db.prepare('SELECT organization_id, name FROM organization_names').all() as Array<{ organization_id: string; name: string }>) {
    const org = organizations.get(n.organization_id);
    if (org && !org.names.includes(n.name)) org.names.push(n.name);
  }

  const topics = (db.prepare('SELECT topic FROM event_topics GROUP BY topic ORDER BY COUNT(*) DESC, topic').pluck().all() as string[]);
  const series = (db.prepare('SELECT DISTINCT series FROM events WHERE series IS NOT NULL ORDER BY series').pluck().all() as string[]);
  const events = db.prepare('SELECT id, title, start FROM events ORDER BY start_last DESC, id').all() as RecordingChoices['events'];
  return { people: [...people.values()], organizations: [...organizations.values()], topics, series, events };
}

/**
 * The items one of whose names (or id) holds every word typed, case and accents ignored;
 * those with a name starting with the text first. An empty input matches everything.
 */
export function matchChoices<T>(input: string, items: T[], namesOf: (item: T) => string[], limit = 8): T[] {
  const words = searchKey(input).split(' ').filter(Boolean);
  if (words.length === 0) return items.slice(0, limit);
  const whole = words.join(' ');
  const scored: Array<{ item: T; score: number }> = [];
  for (const item of items) {
    const keys = namesOf(item).map(searchKey);
    if (!keys.some((key) => words.every((w) => key.includes(w)))) continue;
    scored.push({ item, score: keys.some((key) => key.startsWith(whole)) ? 0 : keys.some((key) => key.split(' ').some((part) => part.startsWith(words[0]!))) ? 1 : 2 });
  }
  return scored.sort((a, b) => a.score - b.score).slice(0, limit).map((s) => s.item);
}
