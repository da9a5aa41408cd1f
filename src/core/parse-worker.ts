import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerBatch } from './read-records.js';
import { runnerFor, type WorkerTask } from './task-runner.js';

/* One worker of a large pass: reads, parses and checks its batches (or works out their
 * canonical form), sending each back as JSON (cheaper to pass between threads than a
 * structured clone of many small objects). */
const { batches, task } = workerData as { batches: WorkerBatch[]; task: WorkerTask };
const run = await runnerFor(task);
for (const batch of batches) {
  const results = batch.files.map((file, i) => run(file, batch.hashes[i] ?? null));
  parentPort!.postMessage({ index: batch.index, json: JSON.stringify(results) });
}
