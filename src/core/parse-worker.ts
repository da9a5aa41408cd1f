import { parentPort, workerData } from 'node:worker_threads';
import { formatRecordFile } from './format-records.js';
import { readRecord } from './load-record.js';
import { locateInFile } from './locate.js';
import type { WorkerBatch, WorkerTask } from './read-records.js';

/* One worker of a large pass: reads, parses and checks its batches (or works out their
 * canonical form), sending each back as JSON (cheaper to pass between threads than a
 * structured clone of many small objects). */
const { batches, task } = workerData as { batches: WorkerBatch[]; task: WorkerTask };
for (const batch of batches) {
  const results = batch.files.map((file, i) =>
    task.kind === 'format' ? formatRecordFile(task.root, file) : task.kind === 'locate' ? locateInFile(file.abs, task.issues[file.path] ?? []) : readRecord(file, batch.hashes[i]),
  );
  parentPort!.postMessage({ index: batch.index, json: JSON.stringify(results) });
}
