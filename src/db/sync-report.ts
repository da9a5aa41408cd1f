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
  rebuilt: boolean;
}

export function newReport(files: number, rebuilt: boolean): SyncReport {
  return { files, added: 0, updated: 0, removed: 0, parsed: [], notIndexed: 0, rebuilt };
}

/** The fingerprint of the files the index was last brought up to date with. */
export function storedFingerprint(db: Db): string | undefined {
  return db.prepare("SELECT value FROM meta WHERE key = 'fingerprint'").pluck().get() as string | undefined;
}

export interface FileCounts {
  files: number;
  notIndexed: number;
}

export function countFiles(db: Db): FileCounts {
  return db.prepare('SELECT COUNT(*) AS files, (SELECT COUNT(*) FROM files WHERE indexed = 0) AS notIndexed FROM files').get() as FileCounts;
}

/** The report of a sync that found the index current: every record file on disk is in `files`. */
export function currentReport(db: Db): SyncReport {
  const saved = db.prepare("SELECT value FROM meta WHERE key = 'file_counts'").pluck().get() as string | undefined;
  // An index written before the counts were saved counts its files.
  const { files, notIndexed } = saved ? (JSON.parse(saved) as FileCounts) : countFiles(db);
  return { ...newReport(files, false), notIndexed };
}
