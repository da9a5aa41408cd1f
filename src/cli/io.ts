import type { ChalkInstance } from 'chalk';

/** The streams and environment a command runs with: the process's, or a test's. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface IO {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIO(): IO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Made on first use: only `hub add-*` reads standard input, and creating its stream cost
    // every command about 2 ms.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

let ChalkClass: (typeof import('chalk'))['Chalk'] | undefined;

/**
 * Loads chalk when some stream will be coloured: piped output, the common case for scripts,
 * does without it (about 10 ms of start-up).
 */
export async function prepareColors(io: IO, noColorFlag: boolean): Promise<void> {
  if (ChalkClass || ![io.stdout, io.stderr].some((stream) => colorLevel(stream, io.env, noColorFlag) > 0)) return;
  ChalkClass = (await import('chalk')).Chalk;
}

/** Text as it is, whatever style is asked for: `plain.bold.red(x)` is `x`, and its level is 0. */
const plain: ChalkInstance = new Proxy((...text: unknown[]) => text.join(' '), { get: (_, key) => (key === 'level' ? 0 : plain) }) as unknown as ChalkInstance;

/**
 * Colour for one stream: off for --no-color and NO_COLOR, forced by FORCE_COLOR, otherwise
 * on only for a terminal that is not "dumb".
 */
export function colorsFor(stream: OutputStream, env: NodeJS.ProcessEnv, noColorFlag: boolean): ChalkInstance {
  const level = colorLevel(stream, env, noColorFlag);
  return level === 0 || !ChalkClass ? plain : new ChalkClass({ level });
}

export function colorLevel(stream: OutputStream, env: NodeJS.ProcessEnv, noColorFlag: boolean): 0 | 1 | 2 | 3 {
  if (noColorFlag) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return /-256(color)?$/i.test(env.TERM ?? '') ? 2 : 1;
}
