import { existsSync } from 'node:fs';
import { countListedFiles, fingerprintArchive, listArchive, scanArchive, type ArchiveListing } from '../core/archive.js';
import type { WorkerGroup } from '../core/read-records.js';
import type { RecordRead } from '../core/load-record.js';
import type { ArchiveFile, EventData, OrganizationData, PersonData } from '../core/records.js';
import type { RegistryEntry } from '../core/registry.js';
import { buildIndexFile, indexPath, openIndex, removeLeftoverBuilds, type Db } from './connection.js';
import { withArchiveLock, type LockHolder } from './lock.js';
import { fillParticipation, refreshParticipation, refreshUnregisteredOrganizations, refreshUnregisteredPeople, resolveAllRefs } from './resolve-refs.js';
import { DerivedRows } from './derived-rows.js';
import { RowBatch, rowByRow } from './row-batch.js';
import { countFiles, currentReport, newReport, storedFingerprint, type FileCounts, type SyncReport } from './sync-report.js';
import type { SyncOptions } from './sync.js';
import { IndexWriter, loadResolver, lookupResolver, resolverFrom, type EventRefs, type Resolver } from './write-records.js';

/*
 * The writing side of a sync (see syncIndex): taking the lock, comparing the files with the
 * index, parsing what changed and writing it in one transaction.
 */

interface KnownFile {
  path: string;
  kind: string;
  record_id: string;
  size: number;
  mtime_ms: number;
  hash: string | null;
}

/**
 * Brings the index up to date under the archive's lock. `listed` is the listing that showed
 * a change, taken just before: it is used again unless this process had to wait for the lock
 * or an interrupted change was put back (listing 12,000 files costs about 20 ms). A file that
 * changes after the listing is stamped as listed, so the next query sees it as changed.
 */
export function syncChanges(root: string, options: SyncOptions, listed?: ArchiveListing): Promise<{ db: Db; report: SyncReport }> {
  let waited = false;
  const onWait = (holder: LockHolder | undefined) => {
    waited = true;
    options.lock?.onWait?.(holder);
  };
  // Files may change while this process waits for the lock: then it looks again once it holds it.
  return withArchiveLock(root, () => syncLocked(root, options, waited ? undefined : listed), { command: 'hub index', ...options.lock, onWait });
}

async function syncLocked(root: string, options: SyncOptions, given: ArchiveListing | undefined): Promise<{ db: Db; report: SyncReport }> {
  // A change set whose process was killed midway is undone before anything is indexed.
  const { recoverInterruptedChange } = await import('./apply-changes.js');
  const restored = recoverInterruptedChange(root);
  if (restored.length > 0) options.onRecover?.(restored);
  removeLeftoverBuilds(root);
  // A rebuild goes straight to the side file: the old index stays readable until the rename.
  let opened = options.rebuild || !existsSync(indexPath(root)) ? undefined : openIndex(root);
  const listed = restored.length === 0 && given ? given : listArchive(root);
  const print = fingerprintArchive(listed);
  // Another process may have brought the index up to date while this one waited.
  const current = opened && !opened.fresh && print === storedFingerprint(opened.db) ? currentReport(opened.db) : undefined;
  if (opened && current) return { db: opened.db, report: current };
  if (!opened || opened.fresh) {
    opened?.db.close();
    // Every file will be parsed: start the workers now, so they load while the index is prepared.
    const { WorkerGroup, worthWorkers } = await import('../core/read-records.js');
    const workers = worthWorkers(countListedFiles(listed)) ? new WorkerGroup({ kind: 'read' }) : undefined;
    try {
      const scan = scanArchive(root, listed);
      const report = newReport(scan.files.length, true, scan.issues.length);
      await buildIndexFile(root, (db) =>
        inTransaction(db, 'BEGIN', async () => {
          await applyChanges(db, { touched: scan.files, removed: [], known: new Map(), fresh: true }, report, options, workers);
          saveFingerprint(db, print, report);
        }),
      );
      opened = openIndex(root);
      return { db: opened.db, report };
    } finally {
      workers?.close();
    }
  }
  const scan = scanArchive(root, listed);
  const { db } = opened;
  // Compare the stamps, and fetch full rows just for the files that changed.
  const stamps = new Map((db.prepare('SELECT path, size, mtime_ms FROM files').raw().all() as Array<[string, number, number]>).map((r) => [r[0], r]));
  const touched = scan.files.filter((f) => {
    const stamp = stamps.get(f.path);
    return !stamp || stamp[1] !== f.size || stamp[2] !== f.mtimeMs;
  });
  const onDisk = new Set(scan.files.map((f) => f.path));
  const gone = [...stamps.keys()].filter((p) => !onDisk.has(p));
  const known = knownFiles(db, touched.length + gone.length === 0 ? [] : [...touched.map((f) => f.path), ...gone]);
  const removed = gone.map((p) => known.get(p)!);
  const report = newReport(scan.files.length, false, scan.issues.length);
  await inTransaction(db, 'BEGIN IMMEDIATE', async () => {
    if (touched.length > 0 || removed.length > 0) await applyChanges(db, { touched, removed, known, fresh: false }, report, options);
    saveFingerprint(db, print, report);
  });
  return { db, report };
}

/**
 * Records the fingerprint of the files just indexed, with how many there are and how many
 * were left out: every later query on an unchanged archive reports those counts, and reading
 * them here costs less than counting the files table each time (about 9 ms at 12,000 files).
 */
function saveFingerprint(db: Db, print: string, report: SyncReport): void {
  const counts: FileCounts = { ...countFiles(db), misplaced: report.misplaced };
  report.notIndexed = counts.notIndexed;
  const save = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  save.run('fingerprint', print);
  save.run('file_counts', JSON.stringify(counts));
}

/** One transaction around asynchronous work (parsing workers report back between writes). */
async function inTransaction(db: Db, begin: 'BEGIN' | 'BEGIN IMMEDIATE', work: () => Promise<void>): Promise<void> {
  db.exec(begin);
  try {
    await work();
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function knownFiles(db: Db, paths: string[]): Map<string, KnownFile> {
  if (paths.length === 0) return new Map();
  const rows = db
    .prepare('SELECT path, kind, record_id, size, mtime_ms, hash FROM files WHERE path IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(paths)) as KnownFile[];
  return new Map(rows.map((f) => [f.path, f]));
}

interface ChangePlan {
  touched: ArchiveFile[];
  removed: KnownFile[];
  known: Map<string, KnownFile>;
  /** The index was empty: every event is resolved against the final registries as it is written. */
  fresh: boolean;
}

/** Applies a plan inside the caller's transaction: registries first, since events resolve against them. */
async function applyChanges(db: Db, plan: ChangePlan, report: SyncReport, options: SyncOptions, workers?: WorkerGroup): Promise<void> {
  // The parsers and validators load only when there is something to parse.
  const { streamRecords } = await import('../core/read-records.js');
  const changes = new ChangeWriter(db, plan.known, report, plan.fresh);
  for (const file of plan.removed) changes.remove(file);
  const hashOf = (file: ArchiveFile) => plan.known.get(file.path)?.hash ?? null;
  const total = plan.touched.length;
  let done = 0;
  const registries = plan.touched.filter((f) => f.kind !== 'event');
  const handle = (file: ArchiveFile, read: RecordRead) => {
    changes.apply(file, read);
    done++;
    if (done === registries.length) changes.registriesWritten();
    if (options.onProgress && (done % 200 === 0 || done === total)) options.onProgress(done, total);
  };
  // One pass, registries first: results arrive in this order, so every registry record is
  // written before the first event resolves against them, and one set of workers serves both.
  // This thread writes every row: the workers, if any, parse (see PassOptions). The last
  // registry records come in a batch of their own, so this thread prepares the resolver
  // while the first events are parsed rather than after.
  await streamRecords([...registries, ...plan.touched.filter((f) => f.kind === 'event')], hashOf, handle, workers, {
    parseHere: false,
    breaks: [registries.length],
  });
  changes.finish();
}

/**
 * What only a build from nothing keeps: the rows it derives as it writes (see DerivedRows),
 * and the registry records as written, which its events resolve against.
 */
interface FreshBuild {
  derived: DerivedRows;
  people: Array<RegistryEntry<PersonData>>;
  organizations: Array<RegistryEntry<OrganizationData>>;
}

/** The writes of one sync, and what they imply for derived rows. */
class ChangeWriter {
  private readonly writer: IndexWriter;
  private readonly build: FreshBuild | undefined;
  private readonly upsertFile;
  private readonly touchFile;
  private readonly deleteFile;
  private readonly affectedPeople = new Set<string>();
  private readonly affectedOrganizations = new Set<string>();
  private registryChanged = false;
  private resolver: Resolver | undefined;
  private readonly eventIds = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly known: Map<string, KnownFile>,
    private readonly report: SyncReport,
    fresh: boolean,
  ) {
    this.build = fresh ? { derived: new DerivedRows(db), people: [], organizations: [] } : undefined;
    this.writer = new IndexWriter(db, this.build?.derived);
    const fileColumns = 'INSERT INTO files (path, kind, record_id, size, mtime_ms, hash, indexed, problems) VALUES';
    // A fresh build meets each path once: plain inserts, many to a statement.
    this.upsertFile = fresh
      ? new RowBatch(db, fileColumns, 8)
      : rowByRow(db, fileColumns, 8, `ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, record_id = excluded.record_id, size = excluded.size,
        mtime_ms = excluded.mtime_ms, hash = excluded.hash, indexed = excluded.indexed, problems = excluded.problems`);
    this.touchFile = db.prepare('UPDATE files SET size = ?, mtime_ms = ? WHERE path = ?');
    this.deleteFile = db.prepare('DELETE FROM files WHERE path = ?');
  }

  remove(file: KnownFile): void {
    this.forget(file);
    this.deleteFile.run(file.path);
    this.report.removed++;
  }

  apply(file: ArchiveFile, read: RecordRead): void {
    if (read.unchanged) {
      this.touchFile.run(file.size, file.mtimeMs, file.path);
      return;
    }
    const previous = this.known.get(file.path);
    if (previous) {
      this.forget(previous);
      this.report.updated++;
    } else {
      this.report.added++;
    }
    if (file.kind !== 'event') this.registryChanged = true;
    this.report.parsed.push(file.path);
    const indexed = read.valid && this.insert(file, read.data);
    const problems = read.issues.length + (read.valid && !indexed ? 1 : 0);
    this.upsertFile.add(file.path, file.kind, file.id, file.size, file.mtimeMs, read.hash ?? null, indexed ? 1 : 0, problems);
  }

  finish(): void {
    // A fresh build worked its derived rows out while writing the events.
    this.writer.flush();
    this.upsertFile.flush();
    if (this.build) {
      this.build.derived.finish();
      return;
    }
    // Which countries took part: in every event after a registry change (a speaker's country
    // may come from the registry), else in the events written now.
    if (this.registryChanged) {
      resolveAllRefs(this.db, loadResolver(this.db));
      refreshParticipation(this.db);
      refreshUnregisteredPeople(this.db);
      refreshUnregisteredOrganizations(this.db);
    } else {
      fillParticipation(this.db, this.eventIds);
      refreshUnregisteredPeople(this.db, this.affectedPeople);
      refreshUnregisteredOrganizations(this.db, this.affectedOrganizations);
    }
  }

  /**
   * Every registry record of this sync is written: a fresh build keys the registries for its
   * events now (about 40 ms at 3,000 people), while the first events are still being parsed.
   */
  registriesWritten(): void {
    if (this.build) this.eventResolver();
  }

  /** What events resolve against: the registries just written (a fresh build), or look-ups in the index. */
  private eventResolver(): Resolver {
    return (this.resolver ??= this.build ? resolverFrom(this.build.people, this.build.organizations) : lookupResolver(this.db));
  }

  private note(refs: EventRefs): void {
    for (const id of refs.people) this.affectedPeople.add(id);
    for (const id of refs.organizations) this.affectedOrganizations.add(id);
  }

  private forget(file: KnownFile): void {
    this.note(this.writer.removeFile(file.kind, file.path, file.record_id));
    if (file.kind !== 'event') this.registryChanged = true;
  }

  private insert(file: ArchiveFile, data: unknown): boolean {
    if (file.kind === 'person') {
      this.writer.insertPerson(file.id, file.path, data as PersonData);
      this.build?.people.push({ id: file.id, data: data as PersonData });
      return true;
    }
    if (file.kind === 'organization') {
      this.writer.insertOrganization(file.id, file.path, data as OrganizationData);
      this.build?.organizations.push({ id: file.id, data: data as OrganizationData });
      return true;
    }
    // The same id in two year folders: the first in path order is indexed, validate reports the other.
    if (this.eventIds.has(file.id) || (!this.build && this.writer.eventFile(file.id) !== undefined)) return false;
    this.eventIds.add(file.id);
    const refs = this.writer.insertEvent(file.id, file.path, data as EventData, this.eventResolver());
    // Only a change to an index that already had rows refreshes the rows its people and organisations affect.
    if (!this.build) this.note(refs);
    return true;
  }
}
