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
const WORKER_COUNT = Math.min(availableParallelism(), 4);
/*
 * A worker keeps little alive between files (each result is text at once), so a young
 * generation smaller than V8's default (which grew to 32 MB of semi-spaces per worker) costs
 * few extra collections and saves fresh memory: with 24 MB, a full 10k build faulted in about
 * 6,000 fewer pages and peaked about 35 MB lower, in the same time within the noise.
 */
const WORKER_YOUNG_GENERATION_MB = 24;

export type RecordHandler = (file: ArchiveFile, read: RecordRead) => void;

export interface WorkerBatch {
  index: number;
  files: ArchiveFile[];
  hashes: Array<string | null>;
}

/** Calls `handle` for every file, in order, with its read; parses in parallel when it pays. */
export async function streamRecords(
  files: ArchiveFile[],
  hashOf: (file: ArchiveFile) => string | null,
  handle: RecordHandler,
  workers?: WorkerGroup,
): Promise<void> {
  await mapInOrder(files, { kind: 'read' }, hashOf, handle, workers);
}

/** True when a pass over this many files is worth worker threads. */
export function worthWorkers(count: number): boolean {
  // Workers run the compiled code; under a TypeScript test runner there is none to start.
  return count >= PARALLEL_THRESHOLD && WORKER_COUNT >= 2 && import.meta.url.endsWith('.js');
}

/**
 * Worker threads started for a task before its files are known. A worker takes about 90 ms
 * to start and load its parser; started as soon as the listing shows a large pass is coming,
 * that overlaps with the work this thread does before the pass (reading the layout,
 * preparing the index), instead of following it.
 */
export class WorkerGroup {
  private readonly workers: Worker[];
  /** A worker that failed while loading, before it had work: run() reports it. */
  private failure: unknown;

  constructor(readonly task: WorkerTask) {
    this.workers = Array.from({ length: WORKER_COUNT }, () => {
      const worker = new Worker(WORKER_URL, { workerData: { task }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      worker.once('error', (error) => (this.failure ??= error));
      return worker;
    });
  }

  /** Hands each worker its share of the batches; `onBatch` gets every result batch as it arrives. */
  run<R>(batches: WorkerBatch[], onBatch: (index: number, results: R[]) => void): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const count = this.workers.length;
    return Promise.all(
      this.workers.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            let failed = false;
            worker.on('message', (message: { index: number; json: string[] }) => {
              try {
                onBatch(message.index, message.json.map((text) => JSON.parse(text) as R));
              } catch (error) {
                failed = true;
                void worker.terminate();
                reject(error);
              }
            });
            worker.once('error', reject);
            worker.once('exit', (code) => (code === 0 || failed ? resolve() : reject(new Error(`a parsing worker stopped with exit code ${code}`))));
            worker.postMessage(batches.filter((b) => b.index % count === w));
          }),
      ),
    ).then(() => undefined);
  }

  /**
   * Stops the workers: those never given work (the pass turned out small), and any still
   * running when the pass failed. After a pass that ended well they have all exited already.
   */
  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }
}

/**
 * Runs a task on every file, handing each result to `handle` in file order: on worker
 * threads for large batches, on this thread for small ones (see runnerFor: the parser
 * loads only on the threads that parse, so workers start sooner). `started` are workers
 * already started for this task; they are used, or stopped when the pass is small.
 */
export async function mapInOrder<R>(
  files: ArchiveFile[],
  task: WorkerTask,
  hashOf: (file: ArchiveFile) => string | null,
  handle: (file: ArchiveFile, result: R) => void,
  started?: WorkerGroup,
): Promise<void> {
  if (!worthWorkers(files.length)) {
    started?.close();
    const run = await runnerFor(task);
    for (const file of files) handle(file, run(file, hashOf(file)) as R);
    return;
  }
  const workers = started ?? new WorkerGroup(task);
  const batches: WorkerBatch[] = [];
  // The first batches are small, so this thread has something to do sooner.
  for (let i = 0; i < files.length; ) {
    const size = batches.length < WORKER_COUNT * 2 ? FIRST_BATCH_SIZE : BATCH_SIZE;
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
  try {
    await workers.run<R>(batches, (index, results) => {
      arrived.set(index, results);
      drain();
    });
  } finally {
    workers.close();
  }
  drain();
  if (next !== batches.length) throw new Error('parsing workers ended before every file was read');
}
