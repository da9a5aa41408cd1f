import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RecordRead } from './load-record.js';
import type { ArchiveFile } from './records.js';
import { runnerFor, type WorkerTask } from './task-runner.js';

/*
 * Reading and parsing is most of the cost of a full validation and half of a full index
 * build. Large passes are split into batches that worker threads parse while the main thread
 * uses what they have already parsed; unless what it does with them is heavy work of its own
 * (see PassOptions), when it has nothing to use it parses the next batch itself. Results are
 * handled in file order, so nothing depends on which thread was faster. Small passes stay on
 * the main thread, where starting workers costs more than it saves.
 */
const PARALLEL_THRESHOLD = Number(process.env.HUB_PARALLEL_THRESHOLD ?? 1500);
// For tests: `0` leaves every batch of a parallel pass to the workers, whose results cross threads as JSON.
const MAIN_THREAD_PARSES = process.env.HUB_MAIN_THREAD_PARSES !== '0';
const BATCH_SIZE = 200;
const FIRST_BATCH_SIZE = 40;
// Beside this module: the compiled one in dist/core, or the bundle in dist/bundle (scripts/bundle.js).
const WORKER_URL = new URL(import.meta.url.endsWith('.cjs') ? './parse-worker.cjs' : './parse-worker.js', import.meta.url);
/*
 * One worker per core beyond the first: the main thread has the other, whether it parses
 * when it waits or writes an index. On two cores, one worker built the 10k index faster than
 * two did, with less CPU: one isolate fewer to start and compile for.
 */
const WORKER_COUNT = Math.min(availableParallelism() - 1, 3);
/*
 * A worker keeps little alive between files (each result is text at once), so a young
 * generation smaller than V8's default (which grew to 32 MB of semi-spaces per worker) costs
 * few extra collections and saves fresh memory: with 24 MB, a full 10k build faulted in about
 * 6,000 fewer pages and peaked about 35 MB lower, in the same time within the noise.
 */
const WORKER_YOUNG_GENERATION_MB = 24;

export type RecordHandler = (file: ArchiveFile, read: RecordRead) => void;

export interface PassOptions {
  /**
   * False when what the main thread does with each result is heavy work of its own (a full
   * index build writes every row): it then leaves every batch to the workers and never loads
   * the parser. A main thread that parsed while it waited made V8 optimise the parser on both
   * threads, and compiling is work for the same two cores: the 10k build took 1510 against
   * 1440 ms (median of 15 alternating runs), with 120 ms more CPU.
   */
  parseHere?: boolean;
  /**
   * Indexes of files that must begin a batch: where what the main thread does changes, so
   * the files before arrive on their own and it can prepare while the next are parsed.
   */
  breaks?: number[];
}

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
  options: PassOptions = {},
): Promise<void> {
  await mapInOrder(files, { kind: 'read' }, hashOf, handle, workers, options);
}

/** True when a pass over this many files is worth worker threads. */
export function worthWorkers(count: number): boolean {
  // Workers run the compiled code; under a TypeScript test runner there is none to start.
  return count >= PARALLEL_THRESHOLD && WORKER_COUNT >= 1 && /\.c?js$/.test(import.meta.url);
}

/**
 * Worker threads started for a task before its files are known. A worker takes about 90 ms
 * to start and load its parser; started as soon as the listing shows a large pass is coming,
 * that overlaps with the work this thread does before the pass (reading the layout,
 * preparing the index), instead of following it.
 */
export class WorkerGroup {
  private readonly workers: Worker[];
  /** The next batch nobody has taken: the workers and this thread take batches off it. */
  private readonly claims = new Int32Array(new SharedArrayBuffer(4));
  /** A worker that failed while loading, before it had work: run() reports it. */
  private failure: unknown;

  constructor(readonly task: WorkerTask) {
    this.workers = Array.from({ length: WORKER_COUNT }, () => {
      const worker = new Worker(WORKER_URL, {
        workerData: { task, claims: this.claims },
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      worker.once('error', (error) => (this.failure ??= error));
      return worker;
    });
  }

  /** Takes the next batch for this thread to do itself, or undefined when all are taken. */
  claim(count: number): number | undefined {
    const index = Atomics.add(this.claims, 0, 1);
    return index < count ? index : undefined;
  }

  /**
   * Hands the workers the batches; `onBatch` gets every result batch a worker sends as it
   * arrives. Settles when every worker has run out of batches.
   */
  run<R>(batches: WorkerBatch[], onBatch: (index: number, results: R[]) => void): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return Promise.all(
      this.workers.map(
        (worker) =>
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
            worker.postMessage(batches);
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
 * threads and this one for large batches, on this thread alone for small ones (see
 * runnerFor: the parser loads only on the threads that parse, so workers start sooner).
 * `started` are workers already started for this task; they are used, or stopped when the
 * pass is small.
 */
export async function mapInOrder<R>(
  files: ArchiveFile[],
  task: WorkerTask,
  hashOf: (file: ArchiveFile) => string | null,
  handle: (file: ArchiveFile, result: R) => void,
  started?: WorkerGroup,
  options: PassOptions = {},
): Promise<void> {
  if (!worthWorkers(files.length)) {
    started?.close();
    const run = await runnerFor(task);
    for (const file of files) handle(file, run(file, hashOf(file)) as R);
    return;
  }
  const workers = started ?? new WorkerGroup(task);
  const batches: WorkerBatch[] = [];
  const breaks = (options.breaks ?? []).filter((b) => b > 0).sort((a, b) => a - b);
  // The first batches are small, so every thread has something to hand over sooner.
  for (let i = 0; i < files.length; ) {
    const size = batches.length < (WORKER_COUNT + 1) * 2 ? FIRST_BATCH_SIZE : BATCH_SIZE;
    const nextBreak = breaks.find((b) => b > i) ?? files.length;
    const slice = files.slice(i, Math.min(i + size, nextBreak));
    batches.push({ index: batches.length, files: slice, hashes: slice.map(hashOf) });
    i += slice.length;
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
  let wake = () => {};
  let ended: { error?: unknown } | undefined;
  try {
    const workersDone = workers
      .run<R>(batches, (index, results) => {
        arrived.set(index, results);
        drain();
        wake();
      })
      .then(
        () => (ended = {}),
        (error: unknown) => (ended = { error }),
      )
      .finally(() => wake());
    const run = MAIN_THREAD_PARSES && options.parseHere !== false ? await runnerFor(task) : undefined;
    // This thread uses every result it can; when the next one is still being parsed, it
    // parses a batch nobody has taken (if it parses at all), and waits only when none is left.
    for (drain(); next < batches.length; drain()) {
      if (ended?.error !== undefined) throw ended.error;
      const mine = run ? workers.claim(batches.length) : undefined;
      if (run && mine !== undefined) {
        const batch = batches[mine]!;
        arrived.set(mine, batch.files.map((file, i) => run(file, batch.hashes[i] ?? null) as R));
        // Let the workers' results in before taking another batch.
        await new Promise((resolve) => setImmediate(resolve));
      } else if (ended) {
        break;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
    await workersDone;
    if (ended?.error !== undefined) throw ended.error;
  } finally {
    workers.close();
  }
  drain();
  if (next !== batches.length) throw new Error('parsing workers ended before every file was read');
}
