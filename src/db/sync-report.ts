import type { Db } from './connection.js';

export interface SyncReport {
  files: number;
  added: number;
  updated: number;
  removed: number;
  /** Files whose content was read and parsed in this sync. */
  parsed: string[];
  /** Record files that are not in the index because they have problems (see `hub validate`). */
  notIndexed: number;
  /** Files (or folders) in the record folders that a name or place keeps out of the archive: `Some_Body.yaml`, `x.yml`, `events/x.yaml`. */
  misplaced: number;
  rebuilt: boolean;
}

export function newReport(files: number, rebuilt: boolean, misplaced = 0): SyncReport {
  return { files, added: 0, updated: 0, removed: 0, parsed: [], notIndexed: 0, misplaced, rebuilt };
}

/** The fingerprint of the files the index was last brought up to date with. */
export function storedFingerprint(db: Db): string | undefined {
  return db.prepare("SELECT value FROM meta WHERE key = 'fingerprint'").pluck().get() as string | undefined;
}

export interface FileCounts {
  files: number;
  notIndexed: number;
  /** Absent from counts saved before it was. */
  misplaced?: number;
}

export function countFiles(db: Db): FileCounts {
  return db.prepare('SELECT COUNT(*) AS files, (SELECT COUNT(*) FROM files WHERE indexed = 0) AS notIndexed FROM files').get() as FileCounts;
}

/**
 * The report of a sync that found the index current: every record file on disk is in
 * `files`. Undefined when the index holds no counts, or counts saved before misplaced files
 * were counted: the sync then looks at the files once (parsing none) and saves them.
 */
export function currentReport(db: Db): SyncReport | undefined {
  const saved = db.prepare("SELECT value FROM meta WHERE key = 'file_counts'").pluck().get() as string | undefined;
  const counts = saved === undefined ? undefined : (JSON.parse(saved) as FileCounts);
  if (counts?.misplaced === undefined) return undefined;
  return { ...newReport(counts.files, false, counts.misplaced), notIndexed: counts.notIndexed };
}
