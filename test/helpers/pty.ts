import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/hub.js');

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03', backspace: '\x7f' };

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>78]/g;

/**
 * The built `hub` on a real pseudo-terminal, through util-linux `script`: what a user at a
 * terminal sees (colours and cursor moves stripped) and the keys they press.
 */
export class PtySession {
  private raw = '';
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly exited: Promise<number>;
  private seen = 0;

  constructor(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
    const command = `stty cols 120 rows 40; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
    this.child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', TERM: 'xterm', HOME: options.cwd, ...options.env },
    });
    this.child.stdout.on('data', (chunk: Buffer) => (this.raw += chunk.toString('utf8')));
    this.child.stderr.on('data', (chunk: Buffer) => (this.raw += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code ?? -1)));
  }

  /** Everything shown so far, without escape sequences. */
  get screen(): string {
    return this.raw.replace(ANSI, '');
  }

  /** Waits until `pattern` appears in output not yet waited for, then moves past it. */
  async expect(pattern: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      const rest = this.screen.slice(this.seen);
      const index = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
      if (index !== -1) {
        const length = typeof pattern === 'string' ? pattern.length : (rest.match(pattern)?.[0].length ?? 0);
        this.seen += index + length;
        return;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(pattern)}; the screen ends with:\n${this.screen.slice(-1500)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Types text (character by character, as a person would) or presses keys. */
  async type(text: string): Promise<void> {
    for (const char of text.match(/\x1b\[[A-D]|[^]/gu) ?? []) {
      this.child.stdin.write(char);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /**
   * Answers a prompt: waits for it, types, presses Enter. Before typing, the prompt is let
   * finish drawing: a search prompt's first list may still be loading (country names, the
   * registry), and text typed into it meanwhile can be overtaken by that first answer on a
   * busy machine. After typing, the list is given a longer quiet spell to filter.
   */
  async answer(prompt: string | RegExp, text = ''): Promise<void> {
    await this.expect(prompt);
    if (text !== '') {
      await this.settle();
      await this.type(text);
      await this.settle(250);
    } else {
      await this.settle();
    }
    this.child.stdin.write(KEY.enter);
  }

  /** Waits until the screen has stopped changing: a search list may still be filtering. */
  async settle(quietMs = 120): Promise<void> {
    let length = -1;
    while (length !== this.raw.length) {
      length = this.raw.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  /** Accepts every default (Enter) until `pattern` is on the screen: for questions a test does not care about. */
  async enterUntil(pattern: string, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await this.settle();
      const rest = this.screen.slice(this.seen);
      const index = rest.indexOf(pattern);
      if (index !== -1) {
        this.seen += index + pattern.length;
        return;
      }
      this.seen = this.screen.length;
      this.child.stdin.write(KEY.enter);
    }
    throw new Error(`${pattern} never came; the screen ends with:\n${this.screen.slice(-1500)}`);
  }

  async exit(timeoutMs = 15_000): Promise<number> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
