import { parentPort, workerData } from 'node:worker_threads';
import { readRecord } from './load-record.js';
import type { WorkerBatch } from './read-records.js';

/* One worker of a large pass: reads, parses and checks its batches, sending each back as JSON
 * (cheaper to pass between threads than a structured clone of many small objects). */
for (const batch of (workerData as { batches: WorkerBatch[] }).batches) {
  const reads = batch.files.map((file, i) => readRecord(file, batch.hashes[i]));
  parentPort!.postMessage({ index: batch.index, json: JSON.stringify(reads) });
}
