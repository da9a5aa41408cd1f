import type { ArchiveFile, PathIssue } from './records.js';

/** What a pass does with each file: read it as a record, work out its canonical form, or place problems in it. */
export type WorkerTask = { kind: 'read'; notes?: boolean } | { kind: 'format'; root: string } | { kind: 'locate'; issues: Record<string, PathIssue[]> };

/**
 * The function that does a task to one file, on whichever thread runs the pass (a worker, or
 * the main thread for small ones). Only the modules the task needs are loaded: a worker's
 * first batch waits for them.
 */
export async function runnerFor(task: WorkerTask): Promise<(file: ArchiveFile, knownHash: string | null) => unknown> {
  if (task.kind === 'format') {
    const { formatRecordFile } = await import('./format-records.js');
    return (file) => formatRecordFile(task.root, file);
  }
  if (task.kind === 'locate') {
    const { locateInFile } = await import('./locate.js');
    return (file) => locateInFile(file.abs, task.issues[file.path] ?? []);
  }
  const { readRecord } = await import('./load-record.js');
  const options = { notes: task.notes ?? false };
  return (file, knownHash) => readRecord(file, knownHash, options);
}
