import { fingerprintArchive, startListingArchive, type PendingArchiveListing } from '../core/archive.js';
import { openCurrentIndex, type Db } from './connection.js';
import type { LockOptions } from './lock.js';
import { currentReport, storedFingerprint, type SyncReport } from './sync-report.js';

export type { SyncReport } from './sync-report.js';

export interface SyncOptions {
  /** Throw the index away and build it from the YAML files. */
  rebuild?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** How to wait for the archive's lock when another process is writing. */
  lock?: LockOptions;
  /** Told the files put back after an interrupted change (see recoverInterruptedChange). */
  onRecover?: (files: string[]) => void;
  /** A listing of this archive started earlier (see startListingArchive), to use instead of making one. */
  listing?: PendingArchiveListing;
  /**
   * Work the command will do anyway once it has the index, done while the addon's thread
   * finishes the listing: the main thread would otherwise only wait there.
   */
  whileListing?: () => void;
}

/**
 * Brings the index up to date with the YAML files. A file whose size and modification time
 * are unchanged is not opened; one whose bytes hash the same is not parsed; everything that
 * changes is written in one transaction, so a query never sees half a sync. An index built
 * from nothing is written to a side file and swapped in whole. Only a sync with something to
 * write takes the archive's lock, so readers never wait for each other.
 */
export async function syncIndex(root: string, options: SyncOptions = {}): Promise<{ db: Db; report: SyncReport }> {
  // The listing runs on the addon's threads while the index is opened. One started for
  // another archive (a guess that missed, see early-listing.ts) is not this one's.
  const pending = options.listing?.root === root ? options.listing : startListingArchive(root);
  const current = options.rebuild ? undefined : openCurrentIndex(root);
  options.whileListing?.();
  const listed = pending.wait();
  if (current) {
    // Every query passes here. When no file's name, size or time changed, one hash says so,
    // straight from the listing: no per-file objects are made.
    const report = fingerprintArchive(listed) === storedFingerprint(current) ? currentReport(current) : undefined;
    if (report) return { db: current, report };
    current.close();
  }
  // Something changed, or a rebuild: the writing side loads only now (a query on an unchanged
  // archive never needs it). It takes this listing unless it had to wait for the lock.
  const { syncChanges } = await import('./sync-changes.js');
  return syncChanges(root, options, listed);
}
