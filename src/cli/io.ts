import { Chalk, type ChalkInstance } from 'chalk';

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
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/**
 * Colour for one stream: off for --no-color and NO_COLOR, forced by FORCE_COLOR, otherwise
 * on only for a terminal that is not "dumb".
 */
export function colorsFor(stream: OutputStream, env: NodeJS.ProcessEnv, noColorFlag: boolean): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env, noColorFlag) });
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
