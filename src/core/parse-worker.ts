import { parentPort, workerData } from 'node:worker_threads';
import type { ArchiveFile } from './records.js';
import type { WorkerBatch, WorkerTask } from './read-records.js';

/* One worker of a large pass: reads, parses and checks its batches (or works out their
 * canonical form), sending each back as JSON (cheaper to pass between threads than a
 * structured clone of many small objects). Only the modules its task needs are loaded:
 * the first batch of a build waits for them. */
const { batches, task } = workerData as { batches: WorkerBatch[]; task: WorkerTask };

async function taskRunner(): Promise<(file: ArchiveFile, hash: string | null) => unknown> {
  if (task.kind === 'format') {
    const { formatRecordFile } = await import('./format-records.js');
    return (file) => formatRecordFile(task.root, file);
  }
  if (task.kind === 'locate') {
    const { locateInFile } = await import('./locate.js');
    return (file) => locateInFile(file.abs, task.issues[file.path] ?? []);
  }
  const { readRecord } = await import('./load-record.js');
  return (file, hash) => readRecord(file, hash);
}

const run = await taskRunner();
for (const batch of batches) {
  const results = batch.files.map((file, i) => run(file, batch.hashes[i] ?? null));
  parentPort!.postMessage({ index: batch.index, json: JSON.stringify(results) });
}
