import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerBatch } from './read-records.js';
import { runnerFor, type WorkerTask } from './task-runner.js';

/* One worker of a large pass: reads, parses and checks batches (or works out their canonical
 * form), sending each back as JSON (cheaper to pass between threads than a structured clone of
 * many small objects). It loads what its task needs as soon as it starts, so it can be started
 * while the files are still being listed. Every batch comes in one message; the worker takes
 * the next one nobody has taken from a counter it shares with the other threads of the pass
 * (the main thread among them), so a thread that is slowed down simply takes fewer. */
const { task, claims } = workerData as { task: WorkerTask; claims: Int32Array };
// No top-level await: the worker also runs bundled as CommonJS (scripts/bundle.js). The
// batches wait in the port until the listener is attached; a failure to load reaches the
// pass as the worker's error.
void runnerFor(task).then((run) => parentPort!.once('message', (batches: WorkerBatch[]) => {
  for (let index = Atomics.add(claims, 0, 1); index < batches.length; index = Atomics.add(claims, 0, 1)) {
    const batch = batches[index]!;
    // Each result becomes text as soon as it is made: a batch's parsed records are then never
    // alive together, so the young-generation collections have one string per file to copy
    // instead of thousands of small objects. The texts go as they are, not joined: a joined
    // batch (about 1.5 MB) is a large object on both sides, fresh memory every time, which
    // was a quarter of a full build's page faults (76,000 → 56,000 without it).
    const json = batch.files.map((file, i) => JSON.stringify(run(file, batch.hashes[i] ?? null) ?? null));
    parentPort!.postMessage({ index, json });
  }
}));
