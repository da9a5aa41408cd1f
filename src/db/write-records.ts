import { parsePartialDate } from '../core/dates.js';
import type { EventData, OrganizationData, PersonData } from '../core/records.js';
import { buildOrganizationRegistry, buildPeopleRegistry, resolveRef, type RefLookup, type RegistryEntry } from '../core/registry.js';
import { compareBinary, nameKey } from '../core/text.js';
import type { Db } from './connection.js';
import type { DerivedRows } from './derived-rows.js';
import { RowBatch, rowByRow, type RowSink } from './row-batch.js';

/** Turns person and organisation refs into ids, with the registries as they stand in the index. */
export interface Resolver {
  person(ref: string): string;
  organization(ref: string): string;
  /** A registered person's country, which a speaker entry without one stands for. */
  personCountry(id: string): string | null;
  isRegisteredPerson(id: string): boolean;
  isRegisteredOrganization(id: string): boolean;
}

/** A resolver over the registries as they stand in the index (resolverFrom puts them in order). */
export function loadResolver(db: Db): Resolver {
  const entries = <D>(table: string) =>
    (db.prepare(`SELECT id, record FROM ${table} WHERE registered = 1`).all() as Array<{ id: string; record: string }>).map((r) => ({
      id: r.id,
      data: JSON.parse(r.record) as D,
    }));
  return resolverFrom(entries<PersonData>('people'), entries<OrganizationData>('organizations'));
}

/**
 * A resolver that looks each ref up in the index's name tables, for a sync that writes a few
 * events: the same answers as loadResolver (a test holds them to it), without reading and
 * keying every registry record first, which took about 30 ms of a one-file sync at 3,000
 * people. A name two records claim goes to the least id, as the registries' first claim does.
 */
export function lookupResolver(db: Db): Resolver {
  const lookup = (sql: string) => {
    const statement = db.prepare(sql).pluck();
    return (value: string) => statement.get(value) as string | null | undefined;
  };
  const countryOf = lookup('SELECT country FROM people WHERE id = ? AND registered = 1');
  const organization = lookup('SELECT 1 FROM organizations WHERE id = ? AND registered = 1');
  const byKey = (sql: string) => {
    const find = lookup(sql);
    return { get: (key: string) => (key === '' ? undefined : (find(key) ?? undefined)) };
  };
  return resolverOver(
    { byId: { has: (id) => countryOf(id) !== undefined }, byKey: byKey('SELECT person_id FROM person_names WHERE key = ? ORDER BY person_id LIMIT 1'), resolved: new Map() },
    { byId: { has: (id) => organization(id) !== undefined }, byKey: byKey('SELECT organization_id FROM organization_names WHERE key = ? ORDER BY organization_id LIMIT 1'), resolved: new Map() },
    (id) => countryOf(id) ?? null,
  );
}

/**
 * A resolver over registry records, taken in order of id as SQLite compares text, since the
 * first id wins a name two records claim (a fresh build passes the records it has just
 * written, in path order, which can differ).
 */
export function resolverFrom(peopleEntries: Array<RegistryEntry<PersonData>>, organizationEntries: Array<RegistryEntry<OrganizationData>>): Resolver {
  const byId = (a: { id: string }, b: { id: string }) => compareBinary(a.id, b.id);
  const people = buildPeopleRegistry([...peopleEntries].sort(byId));
  const organizations = buildOrganizationRegistry([...organizationEntries].sort(byId));
  return resolverOver(people, organizations, (id) => people.byId.get(id)?.country ?? null);
}

function resolverOver(people: RefLookup, organizations: RefLookup, personCountry: (id: string) => string | null): Resolver {
  return {
    person: (ref) => resolveRef(people, ref).id,
    organization: (ref) => resolveRef(organizations, ref).id,
    personCountry,
    isRegisteredPerson: (id) => people.byId.has(id),
    isRegisteredOrganization: (id) => organizations.byId.has(id),
  };
}

/** The people and organisations an event names: whose derived rows a change to it may affect. */
export interface EventRefs {
  people: string[];
  organizations: string[];
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** The columns of an event row, after its key. */
const EVENT_COLUMNS = `id, file, title, type, start, start_first, start_last, end, end_last, year, status, format, venue, city, country,
  part_of, series, theme, participants, countries_count, attendance_approximate, summary, notes, speakers, topics`;

/**
 * Prepared statements that write one record's rows; all run inside the caller's transaction.
 * A fresh build writes the rows that belong to events many to a statement (see RowBatch) and
 * numbers the events itself, 1 up, as SQLite would have: it reads none of them back before
 * `flush`. A sync that changes an index reads rows back as it goes, so it writes them one by one.
 */
export class IndexWriter {
  private readonly s;
  private readonly rows;
  /** The last event key a fresh build gave. */
  private lastKey = 0;

  /**
   * @param derived given for a fresh build: participation and the unregistered people and
   * organisations are worked out as the events are written (see DerivedRows).
   */
  constructor(db: Db, private readonly derived?: DerivedRows) {
    const p = (sql: string) => db.prepare(sql);
    const sink = (insert: string, columns: number): RowSink => (derived ? new RowBatch(db, insert, columns) : rowByRow(db, insert, columns));
    this.rows = {
      // 26 columns: 32 rows would be 832 values, well within SQLite's limit of 32,766.
      freshEvent: derived ? new RowBatch(db, `INSERT INTO events (key, ${EVENT_COLUMNS}) VALUES`, 26) : undefined,
      appearance: sink('INSERT INTO appearances (event_key, seq, person_id, person_ref, name, honorific, position, organization, organization_id, country, role, represents, event_start) VALUES', 13),
      topic: sink('INSERT INTO event_topics (event_key, seq, topic) VALUES', 3),
      country: sink('INSERT INTO event_countries (event_key, seq, country) VALUES', 3),
      organization: sink('INSERT INTO event_organizations (event_key, relation, seq, organization, organization_id) VALUES', 5),
      quote: sink('INSERT INTO quotes (event_key, seq, speaker, person_id, text) VALUES', 5),
      presentation: sink('INSERT INTO presentations (event_key, seq, title, speaker, person_id, organization, organization_id, country, url, file) VALUES', 10),
      source: sink('INSERT INTO sources (event_key, seq, url, title, published) VALUES', 5),
      doc: sink('INSERT INTO search_docs (event_key, kind, seq, title, body) VALUES', 5),
    };
    this.s = {
      event: p(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (${Array(25).fill('?').join(', ')})`),
      dropUnregisteredPerson: p('DELETE FROM people WHERE id = ? AND registered = 0'),
      dropUnregisteredOrganization: p('DELETE FROM organizations WHERE id = ? AND registered = 0'),
      person: p(`INSERT INTO people (id, file, name, honorific, country, organization, position, registered, record)
        VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`),
      personName: p('INSERT OR IGNORE INTO person_names (key, person_id, name, is_alias) VALUES (?, ?, ?, ?)'),
      org: p(`INSERT INTO organizations (id, file, name, acronym, country, kind, registered, record) VALUES (?, ?, ?, ?, ?, ?, 1, ?)`),
      orgName: p('INSERT OR IGNORE INTO organization_names (key, organization_id, name) VALUES (?, ?, ?)'),
      deleteEvents: p('DELETE FROM events WHERE file = ?'),
      peopleOfFile: p('SELECT DISTINCT person_id FROM appearances WHERE event_key IN (SELECT key FROM events WHERE file = ?)'),
      organizationsOfFile: p(`SELECT organization_id FROM event_organizations WHERE event_key IN (SELECT key FROM events WHERE file = @file)
        UNION SELECT organization_id FROM appearances WHERE organization_id IS NOT NULL AND event_key IN (SELECT key FROM events WHERE file = @file)
        UNION SELECT organization_id FROM presentations WHERE organization_id IS NOT NULL AND event_key IN (SELECT key FROM events WHERE file = @file)`),
      deletePeople: p('DELETE FROM people WHERE file = ?'),
      deletePersonNames: p('DELETE FROM person_names WHERE person_id = ?'),
      deleteOrgs: p('DELETE FROM organizations WHERE file = ?'),
      deleteOrgNames: p('DELETE FROM organization_names WHERE organization_id = ?'),
      eventOwner: p('SELECT file FROM events WHERE id = ?'),
    };
  }

  /** Writes the rows still held for a statement of many (a fresh build's). */
  flush(): void {
    for (const rows of Object.values(this.rows)) rows?.flush();
  }

  /** The file that already holds an event id, if any. */
  eventFile(id: string): string | undefined {
    return (this.s.eventOwner.get(id) as { file: string } | undefined)?.file;
  }

  /** Removes what one file put in the index; returns the people and organisations its events named. */
  removeFile(kind: string, file: string, recordId: string): EventRefs {
    if (kind === 'event') {
      const refs = {
        people: this.s.peopleOfFile.pluck().all(file) as string[],
        organizations: this.s.organizationsOfFile.pluck().all({ file }) as string[],
      };
      this.s.deleteEvents.run(file);
      return refs;
    }
    if (kind === 'person') {
      this.s.deletePeople.run(file);
      this.s.deletePersonNames.run(recordId);
    } else {
      this.s.deleteOrgs.run(file);
      this.s.deleteOrgNames.run(recordId);
    }
    return { people: [], organizations: [] };
  }

  insertPerson(id: string, file: string, data: PersonData): void {
    // A speaker known only by name may have had this id until now: the registry record replaces it.
    this.s.dropUnregisteredPerson.run(id);
    this.s.person.run(id, file, data.name, orNull(data.honorific), orNull(data.country), orNull(data.organization), orNull(data.position), JSON.stringify(data));
    this.s.personName.run(nameKey(data.name), id, data.name, 0);
    for (const alias of data.aliases ?? []) this.s.personName.run(nameKey(alias), id, alias, 1);
  }

  insertOrganization(id: string, file: string, data: OrganizationData): void {
    this.s.dropUnregisteredOrganization.run(id);
    this.s.org.run(id, file, data.name, orNull(data.acronym), orNull(data.country), orNull(data.kind), JSON.stringify(data));
    for (const name of [data.name, ...(data.acronym ? [data.acronym] : []), ...(data.aliases ?? [])]) {
      this.s.orgName.run(nameKey(name), id, name);
    }
  }

  /** Writes an event and its rows; returns the ids of the people and organisations it names. */
  insertEvent(id: string, file: string, data: EventData, resolve: Resolver): EventRefs {
    const start = parsePartialDate(data.start)!;
    const end = data.end === undefined ? undefined : parsePartialDate(data.end);
    const attendance = data.attendance;
    const row = [
      id, file, data.title, data.type, start.text, start.first, start.last, orNull(end?.text), orNull(end?.last), start.year,
      data.status ?? 'held', orNull(data.format), orNull(data.location?.venue), orNull(data.location?.city), orNull(data.location?.country),
      orNull(data.part_of), orNull(data.series), orNull(data.theme), orNull(attendance?.participants), orNull(attendance?.countries),
      attendance?.approximate === undefined ? null : Number(attendance.approximate), orNull(data.summary), orNull(data.notes),
      data.speakers?.length ?? 0, JSON.stringify(data.topics ?? []),
    ];
    // The key the event's rows refer to it by (see migration 007).
    let key: number;
    if (this.rows.freshEvent) {
      key = ++this.lastKey;
      this.rows.freshEvent.add(key, ...row);
    } else {
      key = Number(this.s.event.run(row).lastInsertRowid);
    }
    const eventStart = Number(start.first.replaceAll('-', ''));
    const refs: EventRefs = { people: [], organizations: [] };
    const derived = this.derived;
    // Which countries took part, and how (see participationInsert): worked out only for a fresh build.
    const taking = new Map<string, number>();
    const takePart = (country: string | null | undefined, how: number) => {
      if (derived && country != null) taking.set(country, (taking.get(country) ?? 0) | how);
    };
    const organization = (ref: string) => {
      const orgId = resolve.organization(ref);
      refs.organizations.push(orgId);
      if (derived && !resolve.isRegisteredOrganization(orgId)) derived.addUnregisteredOrganization(orgId, ref);
      return orgId;
    };
    takePart(data.location?.country, 1);
    (data.speakers ?? []).forEach((s, seq) => {
      const personId = s.person ?? resolve.person(s.name!);
      refs.people.push(personId);
      const org = s.organization;
      const represents = s.country ?? resolve.personCountry(personId);
      this.rows.appearance.add(key, seq, personId, orNull(s.person), orNull(s.name), orNull(s.honorific), orNull(s.position),
        orNull(org), org === undefined ? null : organization(org), orNull(s.country), orNull(s.role), represents, eventStart);
      takePart(represents, 4);
      if (derived && !resolve.isRegisteredPerson(personId)) {
        derived.addUnregisteredAppearance({
          personId, eventId: id, eventStart, seq, name: s.name ?? s.person ?? null, honorific: orNull(s.honorific),
          country: orNull(s.country), organization: orNull(org), position: orNull(s.position),
        });
      }
    });
    (data.topics ?? []).forEach((topic, seq) => this.rows.topic.add(key, seq, topic));
    (data.countries ?? []).forEach((country, seq) => {
      this.rows.country.add(key, seq, country);
      takePart(country, 2);
    });
    (data.organizers ?? []).forEach((ref, seq) => this.rows.organization.add(key, 'organizer', seq, ref, organization(ref)));
    (data.partners ?? []).forEach((ref, seq) => this.rows.organization.add(key, 'partner', seq, ref, organization(ref)));
    (data.quotes ?? []).forEach((q, seq) => this.rows.quote.add(key, seq, q.speaker, resolve.person(q.speaker), q.text));
    (data.presentations ?? []).forEach((p, seq) =>
      this.rows.presentation.add(key, seq, p.title, orNull(p.speaker), p.speaker === undefined ? null : resolve.person(p.speaker),
        orNull(p.organization), p.organization === undefined ? null : organization(p.organization), orNull(p.country), orNull(p.url), orNull(p.file)),
    );
    (data.sources ?? []).forEach((src, seq) =>
      this.rows.source.add(key, seq, orNull(src.url), orNull(src.title), src.published === undefined ? null : String(src.published)),
    );
    const body = [data.theme, data.series, data.summary].filter((v): v is string => typeof v === 'string').join('\n');
    this.rows.doc.add(key, 'event', 0, data.title, body);
    (data.quotes ?? []).forEach((q, seq) => this.rows.doc.add(key, 'quote', seq, '', q.text));
    derived?.addParticipation(key, taking);
    return refs;
  }
}
