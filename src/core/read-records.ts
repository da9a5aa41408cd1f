import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RecordRead } from './load-record.js';
import type { ArchiveFile } from './records.js';
import { runnerFor, type WorkerTask } from './task-runner.js';

/*
 * Reading and parsing is most of the cost of a full validation and half of a full index
 * build. Large batches are parsed by worker threads while the main thread uses what they have
 * already parsed; results are handled in file order, so nothing depends on which thread was
 * faster. Small batches stay on the main thread, where starting workers costs more than it saves.
 */
const PARALLEL_THRESHOLD = Number(process.env.HUB_PARALLEL_THRESHOLD ?? 1500);
const BATCH_SIZE = 200;
const FIRST_BATCH_SIZE = 40;
const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

export type RecordHandler = (file: ArchiveFile, read: RecordRead) => void;

export interface WorkerBatch {
  index: number;
  files: ArchiveFile[];
  hashes: Array<string | null>;
}

/** Calls `handle` for every file, in order, with its read; parses in parallel when it pays. */
export async function streamRecords(files: ArchiveFile[], hashOf: (file: ArchiveFile) => string | null, handle: RecordHandler): Promise<void> {
  await mapInOrder(files, { kind: 'read' }, hashOf, handle);
}

/**
 * Runs a task on every file, handing each result to `handle` in file order: on worker
 * threads for large batches, on this thread for small ones (see runnerFor: the parser
 * loads only on the threads that parse, so workers start sooner).
 */
export async function mapInOrder<R>(
  files: ArchiveFile[],
  task: WorkerTask,
  hashOf: (file: ArchiveFile) => string | null,
  handle: (file: ArchiveFile, result: R) => void,
): Promise<void> {
  const workers = Math.min(availableParallelism(), 4);
  // Workers run the compiled code; under a TypeScript test runner there is none to start.
  if (files.length < PARALLEL_THRESHOLD || workers < 2 || !import.meta.url.endsWith('.js')) {
    const run = await runnerFor(task);
    for (const file of files) handle(file, run(file, hashOf(file)) as R);
    return;
  }
  const batches: WorkerBatch[] = [];
  // The first batches are small, so this thread has something to do sooner.
  for (let i = 0; i < files.length; ) {
    const size = batches.length < workers * 2 ? FIRST_BATCH_SIZE : BATCH_SIZE;
    const slice = files.slice(i, i + size);
    batches.push({ index: batches.length, files: slice, hashes: slice.map(hashOf) });
    i += size;
  }
  const arrived = new Map<number, R[]>();
  let next = 0;
  const drain = () => {
    for (let reads = arrived.get(next); reads; reads = arrived.get(next)) {
      arrived.delete(next);
      const batch = batches[next]!;
      batch.files.forEach((file, i) => handle(file, reads[i]!));
      next++;
    }
  };
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const mine = batches.filter((b) => b.index % workers === w);
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(WORKER_URL, { workerData: { batches: mine, task } });
        let failed = false;
        worker.on('message', (message: { index: number; json: string }) => {
          arrived.set(message.index, JSON.parse(message.json) as R[]);
          try {
            drain();
          } catch (error) {
            failed = true;
            void worker.terminate();
            reject(error);
          }
        });
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 || failed ? resolve() : reject(new Error(`a parsing worker stopped with exit code ${code}`))));
      });
    }),
  );
  drain();
  if (next !== batches.length) throw new Error('parsing workers ended before every file was read');
}
