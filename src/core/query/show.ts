import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../errors.js';
import { checkBytes } from '../load-record.js';

export interface SessionRef {
  id: string;
  title: string;
  start: string;
}

export interface SpeakerName {
  /** The person the entry resolved to, and the name to show for them. */
  person_id: string;
  name: string;
}

export interface EventDetails {
  id: string;
  file: string;
  /** The record exactly as its YAML file says (the file is the truth, not the index). */
  record: Record<string, unknown>;
  /** Events whose `part_of` is this one, oldest first. */
  sessions: SessionRef[];
  /** The event this one is part of, when it is in the archive. */
  parent: SessionRef | undefined;
  /** For each speaker entry, in order: who it is. */
  speakers: SpeakerName[];
  /** Display names for the refs the record writes (ids or names), as the registries know them. */
  names: { people: Record<string, string>; organizations: Record<string, string> };
}

/** Everything about one event: its record, read from its file, and what the index knows around it. */
export function showEvent(db: Database, root: string, id: string): EventDetails {
  const row = db.prepare('SELECT key, file, part_of FROM events WHERE id = ?').get(id) as { key: number; file: string; part_of: string | null } | undefined;
  if (!row) throw new DataError(`no event \`${id}\` in the index`, 'run `hub events` to list the events');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(root, row.file));
  } catch (error) {
    throw new DataError(`cannot read ${row.file}: ${(error as Error).message}`, 'run the command again; if the file was removed, run `hub index`');
  }
  const read = checkBytes('event', row.file, bytes);
  if (!read.valid || typeof read.data !== 'object' || read.data === null) {
    throw new DataError(`${row.file} changed and no longer validates`, 'run `hub validate` to see what is wrong');
  }
  const sessions = db.prepare('SELECT id, title, start FROM events WHERE part_of = ? ORDER BY start_first, id').all(id) as SessionRef[];
  const parent = row.part_of === null ? undefined : (db.prepare('SELECT id, title, start FROM events WHERE id = ?').get(row.part_of) as SessionRef | undefined);
  const speakers = db
    .prepare('SELECT a.person_id, COALESCE(p.name, a.name, a.person_ref) AS name FROM appearances a LEFT JOIN people p ON p.id = a.person_id WHERE a.event_key = ? ORDER BY a.seq')
    .all(row.key) as SpeakerName[];
  const pairs = (sql: string) => Object.fromEntries(db.prepare(sql).raw().all({ key: row.key }) as Array<[string, string]>);
  const names = {
    organizations: pairs(`SELECT x.organization, o.name FROM (
        SELECT organization, organization_id FROM event_organizations WHERE event_key = @key
        UNION SELECT organization, organization_id FROM appearances WHERE event_key = @key AND organization IS NOT NULL
        UNION SELECT organization, organization_id FROM presentations WHERE event_key = @key AND organization IS NOT NULL
      ) x JOIN organizations o ON o.id = x.organization_id`),
    people: pairs(`SELECT q.speaker, p.name FROM quotes q JOIN people p ON p.id = q.person_id WHERE q.event_key = @key
      UNION SELECT pr.speaker, p.name FROM presentations pr JOIN people p ON p.id = pr.person_id WHERE pr.event_key = @key`),
  };
  return { id, file: row.file, record: read.data as Record<string, unknown>, sessions, parent, speakers, names };
}

/** The contract's JSON for `hub show`: the record's keys plus `id` and `sessions`. */
export function eventDetailsObject(details: EventDetails): Record<string, unknown> {
  return { id: details.id, ...details.record, sessions: details.sessions.map((s) => s.id), file: details.file };
}
