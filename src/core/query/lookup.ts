import type { Database } from 'better-sqlite3';
import { NotFoundError, UsageError } from '../errors.js';
import { unregisteredId } from '../registry.js';
import { editDistance, nameKey, searchKey, slugify, suggest } from '../text.js';

/*
 * What the user typed in a filter or argument (`--speaker "Mr. Baimenov"`, `--org ASPA`,
 * `hub show aspa-annual-conference`) to the one id it names. Exact ids and registered
 * names go first; then looser matches (accents ignored, honorifics dropped, every typed
 * word found in the name) that must be unambiguous; otherwise "did you mean ...?".
 */

export interface Found {
  id: string;
  name: string;
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'he', 'h e', 'sir', 'madam', 'dame']);

/** The words of a typed name worth matching: accents, case, punctuation and honorifics dropped. */
function queryWords(input: string): string[] {
  return searchKey(input)
    .split(' ')
    .filter((w) => w !== '' && !HONORIFICS.has(w));
}

/** Every typed word is a word of the name, or the initial of one ("A. Baimenov"). */
function wordsMatch(words: string[], name: string): boolean {
  if (words.length === 0) return false;
  const nameWords = searchKey(name).split(' ');
  return words.every((w) => nameWords.some((n) => n === w || (w.length === 1 && n.startsWith(w))));
}

/** Every typed word (of four letters or more) is within about one edit in four of a word of the name. */
function wordsNear(words: string[], name: string): boolean {
  if (words.length === 0 || words.some((w) => w.length < 4)) return false;
  const nameWords = searchKey(name).split(' ');
  return words.every((w) => nameWords.some((n) => editDistance(w, n) <= Math.max(1, Math.floor(Math.max(w.length, n.length) / 4))));
}

interface Candidate {
  id: string;
  name: string;
}

/**
 * Picks the one candidate the input names. `exact` candidates match by key; failing that,
 * the loose word match must point at a single id.
 */
function pickOne(kind: string, input: string, candidates: Candidate[], display: (c: Candidate) => string): Candidate {
  const key = searchKey(input);
  // Nothing to look up is a mistake on the command line, not a missing record.
  if (key === '') throw new UsageError(input.trim() === '' ? `no ${kind} given` : `\`${input}\` has no letters or digits to look up`, hintFor(kind));
  const byKey = unique(candidates.filter((c) => searchKey(c.name) === key));
  if (byKey.length === 1) return byKey[0]!;
  const words = queryWords(input);
  const byWords = byKey.length > 1 ? byKey : unique(candidates.filter((c) => wordsMatch(words, c.name)));
  if (byWords.length === 1) return byWords[0]!;
  if (byWords.length > 1) {
    throw new NotFoundError(`\`${input}\` matches more than one ${kind}`, byWords.slice(0, 5).map(display), `give the ${kind}'s id`);
  }
  const close = suggest(input, candidates.map((c) => c.name));
  // A misspelt surname alone ("Baimenof") is far from every full name, but near one of its words.
  const matches = close.length > 0 ? close.flatMap((name) => candidates.filter((c) => c.name === name)) : candidates.filter((c) => wordsNear(words, c.name));
  const suggestions = unique(matches).slice(0, 3).map(display);
  throw new NotFoundError(`no ${kind} called \`${input}\``, suggestions, hintFor(kind));
}

function hintFor(kind: string): string {
  switch (kind) {
    case 'person':
      return 'give a person id or a name as `hub speakers` lists it';
    case 'organisation':
      return 'give an organisation id, name or acronym as `hub orgs` lists it';
    default:
      return 'give an event id as `hub events` lists it';
  }
}

/** One candidate per id, first spelling kept. */
function unique(candidates: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const c of candidates) if (!seen.has(c.id)) seen.set(c.id, c);
  return [...seen.values()];
}

/**
 * The loose match over every record's name (`recordsSql`) and other names (`namesSql`), read
 * once; the record's own name is what the answer and the suggestions show.
 */
function pickLoosely(db: Database, kind: string, text: string, recordsSql: string, namesSql: string): Found {
  const records = db.prepare(recordsSql).raw().all() as Array<[string, string]>;
  const names = new Map(records);
  const candidates: Candidate[] = [...records, ...(db.prepare(namesSql).raw().all() as Array<[string, string]>)].map(([id, name]) => ({ id, name }));
  const found = pickOne(kind, text, candidates, (c) => `${c.id} (${names.get(c.id) ?? c.name})`);
  return { id: found.id, name: names.get(found.id) ?? found.name };
}

const show = (c: Candidate) => (c.name === c.id ? c.id : `${c.id} (${c.name})`);

/** Where a registry's records and their other names live in the index. */
interface RegistryTables {
  kind: 'person' | 'organisation';
  records: 'people' | 'organizations';
  names: 'person_names' | 'organization_names';
  recordId: 'person_id' | 'organization_id';
}

const PEOPLE: RegistryTables = { kind: 'person', records: 'people', names: 'person_names', recordId: 'person_id' };
const ORGANIZATIONS: RegistryTables = { kind: 'organisation', records: 'organizations', names: 'organization_names', recordId: 'organization_id' };

/** A record by id, by a registered name (or alias, or acronym), by the name of an unregistered one, or loosely. */
function findInRegistry(db: Database, t: RegistryTables, input: string): Found {
  const text = input.trim();
  const byId = db.prepare(`SELECT id, name FROM ${t.records} WHERE id = ?`).get(text) as Found | undefined;
  if (byId) return byId;
  const byName = db.prepare(`SELECT r.id, r.name FROM ${t.names} n JOIN ${t.records} r ON r.id = n.${t.recordId} WHERE n.key = ?`).all(nameKey(text)) as Found[];
  if (byName.length === 1) return byName[0]!;
  const unregistered = db.prepare(`SELECT id, name FROM ${t.records} WHERE id = ? AND registered = 0`).get(unregisteredId(text)) as Found | undefined;
  if (unregistered) return unregistered;
  return pickLoosely(db, t.kind, text, `SELECT id, name FROM ${t.records}`, `SELECT ${t.recordId}, name FROM ${t.names}`);
}

/** A person by id, registered name or alias, or the name of an unregistered speaker. */
export function findPerson(db: Database, input: string): Found {
  return findInRegistry(db, PEOPLE, input);
}

/** An organisation by id, name, acronym or alias, registered or not, with every name it goes by. */
export function findOrganization(db: Database, input: string): Found & { names: string[] } {
  const found = findInRegistry(db, ORGANIZATIONS, input);
  const names = db.prepare('SELECT name FROM organization_names WHERE organization_id = ? UNION SELECT name FROM organizations WHERE id = ?').pluck().all(found.id, found.id) as string[];
  return { ...found, names };
}

/** An event by id; failing that, by a unique match on its title or a part of its id. */
export function findEvent(db: Database, input: string): Found {
  const text = input.trim();
  const byId = db.prepare('SELECT id, title AS name FROM events WHERE id = ?').get(text) as Found | undefined;
  if (byId) return byId;
  const events = db.prepare('SELECT id, title AS name FROM events').all() as Candidate[];
  const slug = slugify(text);
  const byIdPart = slug.length >= 3 ? events.filter((e) => e.id.includes(slug)) : [];
  if (byIdPart.length === 1) return byIdPart[0]!;
  const candidates = [...events, ...events.map((e) => ({ id: e.id, name: e.id }))];
  return pickOne('event', text, byIdPart.length > 1 ? byIdPart : candidates, show);
}

/** A topic slug as typed ("Digital Transformation" is `digital-transformation`), known to the archive. */
export function findTopic(db: Database, input: string): string {
  const slug = slugify(input);
  if (db.prepare('SELECT 1 FROM event_topics WHERE topic = ? LIMIT 1').get(slug)) return slug;
  const topics = db.prepare('SELECT DISTINCT topic FROM event_topics').pluck().all() as string[];
  throw new NotFoundError(`no event has the topic \`${input}\``, suggest(input, topics), 'run `hub topics` to see the topics in use');
}

/** The spellings of a series as the records write it, matched without regard to case or accents. */
export function findSeries(db: Database, input: string): string[] {
  const all = db.prepare('SELECT DISTINCT series FROM events WHERE series IS NOT NULL').pluck().all() as string[];
  const key = searchKey(input);
  const matches = all.filter((s) => searchKey(s) === key);
  if (matches.length > 0) return matches;
  throw new NotFoundError(`no event belongs to the series \`${input}\``, suggest(input, all), 'give the series name as the records write it');
}
