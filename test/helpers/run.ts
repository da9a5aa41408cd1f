import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { IO } from '../../src/cli/io.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process with captured streams (not a terminal, no colour). */
export async function runHub(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; tty?: boolean; stderrTty?: boolean; columns?: number; stdin?: string } = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: IO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false, columns: options.columns ?? 100 },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrTty ?? false },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export async function runJson<T = unknown>(args: string[], options: Parameters<typeof runHub>[1] = {}): Promise<T> {
  const result = await runHub([...args, '--format', 'json'], options);
  if (result.code !== 0) throw new Error(`hub ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
