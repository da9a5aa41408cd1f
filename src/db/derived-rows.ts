import { compareBinary } from '../core/text.js';
import type { Db } from './connection.js';
import { RowBatch } from './row-batch.js';

/** What an appearance of a person nobody registered says about them. */
export interface UnregisteredAppearance {
  personId: string;
  eventId: string;
  /** The event's first possible day as yyyymmdd. */
  eventStart: number;
  seq: number;
  name: string | null;
  honorific: string | null;
  country: string | null;
  organization: string | null;
  position: string | null;
}

/**
 * The rows a fresh build derives from its events, worked out while the events are written:
 * participation as each event is written, and the people and organisations nobody registered
 * once all are. These are the same rows that `fillParticipation` and the `refreshUnregistered*`
 * statements in resolve-refs.ts derive in SQL after a change (a test holds the two to the same
 * answer); computing them on the way saves a pass over every appearance at the end of a build,
 * where only one core works.
 */
export class DerivedRows {
  private readonly participation;
  private readonly people = new Map<string, UnregisteredAppearance>();
  private readonly organizations = new Map<string, string>();

  constructor(private readonly db: Db) {
    this.participation = new RowBatch(db, 'INSERT INTO event_participation (event_key, country, how) VALUES', 3);
  }

  /** Which countries took part in an event, with how (bits: 1 hosted, 2 listed, 4 sent a speaker). */
  addParticipation(eventKey: number, countries: Map<string, number>): void {
    for (const [country, how] of countries) this.participation.add(eventKey, country, how);
  }

  /** An unregistered person is described by their most recent appearance (the first entry of the latest event). */
  addUnregisteredAppearance(appearance: UnregisteredAppearance): void {
    const current = this.people.get(appearance.personId);
    if (current === undefined || isMoreRecent(appearance, current)) this.people.set(appearance.personId, appearance);
  }

  /** An unregistered organisation takes the least of the spellings that name it (SQLite's MIN). */
  addUnregisteredOrganization(id: string, ref: string): void {
    const current = this.organizations.get(id);
    if (current === undefined || compareBinary(ref, current) < 0) this.organizations.set(id, ref);
  }

  /** Writes the people and organisations nobody registered. */
  finish(): void {
    this.participation.flush();
    const person = this.db.prepare('INSERT INTO people (id, name, honorific, country, organization, position, registered) VALUES (?, ?, ?, ?, ?, ?, 0)');
    for (const a of this.people.values()) person.run(a.personId, a.name, a.honorific, a.country, a.organization, a.position);
    const organization = this.db.prepare('INSERT INTO organizations (id, name, registered) VALUES (?, ?, 0)');
    for (const [id, name] of this.organizations) organization.run(id, name);
  }
}

/** The order of `ROW_NUMBER() OVER (ORDER BY a.event_start DESC, e.id DESC, a.seq)` in refreshUnregisteredPeople. */
function isMoreRecent(a: UnregisteredAppearance, b: UnregisteredAppearance): boolean {
  if (a.eventStart !== b.eventStart) return a.eventStart > b.eventStart;
  const byEvent = compareBinary(a.eventId, b.eventId);
  return byEvent !== 0 ? byEvent > 0 : a.seq < b.seq;
}
