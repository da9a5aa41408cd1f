import { scanArchive } from '../core/archive.js';
import { readRecord, type RecordRead } from '../core/load-record.js';
import type { ArchiveFile, EventData, OrganizationData, PersonData } from '../core/records.js';
import { openIndex, type Db } from './connection.js';
import { refreshUnregisteredOrganizations, refreshUnregisteredPeople, resolveAllRefs } from './resolve-refs.js';
import { IndexWriter, loadResolver } from './write-records.js';

export interface SyncOptions {
  /** Throw the index away and build it from the YAML files. */
  rebuild?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface SyncReport {
  files: number;
  added: number;
  updated: number;
  removed: number;
  /** Files whose content was read and parsed in this sync. */
  parsed: string[];
  /** Record files that are not in the index because they have problems (see `hub validate`). */
  notIndexed: number;
  rebuilt: boolean;
}

interface KnownFile {
  path: string;
  kind: string;
  record_id: string;
  size: number;
  mtime_ms: number;
  hash: string | null;
  indexed: number;
}

const KIND_ORDER: Record<string, number> = { person: 0, organization: 1, event: 2 };

/**
 * Brings the index up to date with the YAML files. A file whose size and modification time
 * are unchanged is not opened; one whose bytes hash the same is not parsed; everything that
 * changes is written in one transaction, so a query never sees half a sync.
 */
export function syncIndex(root: string, options: SyncOptions = {}): { db: Db; report: SyncReport } {
  const { db, fresh } = openIndex(root, options.rebuild ? { rebuild: true } : {});
  const scan = scanArchive(root);
  const known = new Map((db.prepare('SELECT path, kind, record_id, size, mtime_ms, hash, indexed FROM files').all() as KnownFile[]).map((f) => [f.path, f]));
  const onDisk = new Set(scan.files.map((f) => f.path));
  const touched = scan.files.filter((f) => {
    const k = known.get(f.path);
    return !k || k.size !== f.size || k.mtime_ms !== f.mtimeMs;
  });
  const removed = [...known.values()].filter((k) => !onDisk.has(k.path));
  const report: SyncReport = { files: scan.files.length, added: 0, updated: 0, removed: removed.length, parsed: [], notIndexed: 0, rebuilt: fresh };

  if (touched.length > 0 || removed.length > 0) {
    // Parsing is the slow part: do it before taking the write lock.
    const reads = new Map<string, RecordRead>();
    touched.forEach((file, i) => {
      reads.set(file.path, readRecord(file, known.get(file.path)?.hash));
      if (options.onProgress && (i % 200 === 0 || i === touched.length - 1)) options.onProgress(i + 1, touched.length);
    });
    db.transaction(() => applyChanges(db, touched, removed, known, reads, report)).immediate();
  }
  report.notIndexed = (db.prepare('SELECT COUNT(*) AS n FROM files WHERE indexed = 0').get() as { n: number }).n;
  return { db, report };
}

function applyChanges(
  db: Db,
  touched: ArchiveFile[],
  removed: KnownFile[],
  known: Map<string, KnownFile>,
  reads: Map<string, RecordRead>,
  report: SyncReport,
): void {
  const writer = new IndexWriter(db);
  const upsertFile = db.prepare(`INSERT INTO files (path, kind, record_id, size, mtime_ms, hash, indexed, problems)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, record_id = excluded.record_id, size = excluded.size,
      mtime_ms = excluded.mtime_ms, hash = excluded.hash, indexed = excluded.indexed, problems = excluded.problems`);
  const touchFile = db.prepare('UPDATE files SET size = ?, mtime_ms = ? WHERE path = ?');
  const deleteFile = db.prepare('DELETE FROM files WHERE path = ?');
  const affectedPeople = new Set<string>();
  let registryChanged = false;

  for (const file of removed) {
    writer.removeFile(file.kind, file.path, file.record_id).forEach((id) => affectedPeople.add(id));
    deleteFile.run(file.path);
    if (file.kind !== 'event') registryChanged = true;
  }

  const changed: Array<{ file: ArchiveFile; read: RecordRead }> = [];
  for (const file of touched) {
    const read = reads.get(file.path)!;
    if (read.unchanged) {
      touchFile.run(file.size, file.mtimeMs, file.path);
      continue;
    }
    const previous = known.get(file.path);
    if (previous) {
      writer.removeFile(previous.kind, previous.path, previous.record_id).forEach((id) => affectedPeople.add(id));
      report.updated++;
    } else {
      report.added++;
    }
    if (file.kind !== 'event') registryChanged = true;
    changed.push({ file, read });
  }
  changed.sort((a, b) => KIND_ORDER[a.file.kind]! - KIND_ORDER[b.file.kind]!);

  let resolver: ReturnType<typeof loadResolver> | undefined;
  for (const { file, read } of changed) {
    report.parsed.push(file.path);
    let indexed = false;
    let problems = read.issues.length;
    if (read.valid) {
      if (file.kind === 'person') {
        writer.insertPerson(file.id, file.path, read.data as PersonData);
        indexed = true;
      } else if (file.kind === 'organization') {
        writer.insertOrganization(file.id, file.path, read.data as OrganizationData);
        indexed = true;
      } else if (writer.eventFile(file.id) === undefined) {
        resolver ??= loadResolver(db);
        writer.insertEvent(file.id, file.path, read.data as EventData, resolver).forEach((id) => affectedPeople.add(id));
        indexed = true;
      } else {
        problems++; // the same id in two year folders: only the first is indexed
      }
    }
    upsertFile.run(file.path, file.kind, file.id, file.size, file.mtimeMs, read.hash ?? null, indexed ? 1 : 0, problems);
  }

  if (registryChanged) {
    resolveAllRefs(db, loadResolver(db));
    refreshUnregisteredPeople(db);
  } else {
    refreshUnregisteredPeople(db, affectedPeople);
  }
  refreshUnregisteredOrganizations(db);
}
