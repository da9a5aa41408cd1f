import path from 'node:path';
import type { ArchiveFile, EventData, OrganizationData, PersonData, RecordKind } from '../core/records.js';
import type { LoadedArchive } from '../core/validate.js';
import type { Db } from './connection.js';

/*
 * What the cross-record rules need to check one new record, read from an up-to-date index
 * instead of parsing every file: each event's id, title, dates and part_of, and the registries
 * whole. The rules themselves are the ones `hub validate` runs. On 10,000 events this takes a
 * few hundred milliseconds where reading the files takes seconds.
 */
export function loadArchiveFromIndex(db: Db, root: string): LoadedArchive {
  const fileRows = db.prepare('SELECT path, kind, record_id, size, mtime_ms FROM files').raw().all() as Array<[string, RecordKind, string, number, number]>;
  const files = new Map<string, ArchiveFile>();
  for (const [p, kind, id, size, mtimeMs] of fileRows) {
    const folder = kind === 'event' ? p.split('/')[1] : undefined;
    files.set(p, { kind, id, path: p, abs: path.join(root, p), size, mtimeMs, ...(folder ? { folder } : {}) });
  }
  const loaded: LoadedArchive = { events: [], people: [], organizations: [], issues: [], paths: fileRows.map((r) => r[0]) };
  for (const [id, file, title, type, start, end, partOf] of db.prepare('SELECT id, file, title, type, start, end, part_of FROM events').raw().all() as Array<[string, string, string, string, string, string | null, string | null]>) {
    const data = { title, type, start: /^\d{4}$/.test(start) ? Number(start) : start, ...(end ? { end } : {}), ...(partOf ? { part_of: partOf } : {}) } as EventData;
    const f = files.get(file);
    if (f) loaded.events.push({ kind: 'event', id, file: f, data });
  }
  for (const [id, file, record] of db.prepare('SELECT id, file, record FROM people WHERE registered = 1').raw().all() as Array<[string, string, string]>) {
    const f = files.get(file);
    if (f) loaded.people.push({ kind: 'person', id, file: f, data: JSON.parse(record) as PersonData });
  }
  for (const [id, file, record] of db.prepare('SELECT id, file, record FROM organizations WHERE registered = 1').raw().all() as Array<[string, string, string]>) {
    const f = files.get(file);
    if (f) loaded.organizations.push({ kind: 'organization', id, file: f, data: JSON.parse(record) as OrganizationData });
  }
  return loaded;
}
