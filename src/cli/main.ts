import { CommanderError } from 'commander';
import type { PendingArchiveListing } from '../core/archive.js';
import { HubError } from '../core/errors.js';
import { colorsFor, prepareColors, processIO, type IO } from './io.js';
import { buildProgram } from './program.js';

/**
 * Runs the command line and returns the exit code: 0 success, 1 a data problem, 2 a usage
 * error. The only place that decides exit codes; nothing below it exits or prints errors.
 * `listing`: the archive's listing, when bin/hub.js started it (see early-listing.ts).
 */
export async function main(argv: string[], io: IO = processIO(), listing?: PendingArchiveListing): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    listing,
  );
  const debug = argv.includes('--debug');
  await prepareColors(io, argv.includes('--no-color'));
  const colors = colorsFor(io.stderr, io.env, argv.includes('--no-color'));
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof HubError) {
      io.stderr.write(`${colors.red('error:')} ${error.message}\n`);
      if (error.hint) io.stderr.write(`${colors.dim(`hint: ${error.hint}`)}\n`);
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    const indexError = INDEX_ERRORS.find((known) => known.codes.test(String((error as { code?: unknown } | null)?.code ?? '')));
    if (indexError) {
      // The index holds nothing the YAML files do not: what is wrong with it is never a dead end.
      io.stderr.write(`${colors.red('error:')} ${indexError.says} (${message})\n`);
      io.stderr.write(`${colors.dim(`hint: ${indexError.hint}`)}\n`);
      if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
      return 1;
    }
    io.stderr.write(`${colors.red('error:')} unexpected failure: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write(`${colors.dim('run again with --debug for details, and report it if it persists')}\n`);
    return 1;
  }
}

/** What hub says of an index SQLite cannot use, by SQLite's error code. */
const INDEX_ERRORS = [
  {
    // A crash or a full disk can leave pages of the file unreadable.
    codes: /^SQLITE_(CORRUPT|NOTADB)/,
    says: "the index in the archive's .hub folder is damaged",
    hint: 'it holds nothing the YAML files do not: run `hub index --rebuild` to build it again',
  },
  {
    // A folder in its place, no permission, a read-only mount.
    codes: /^SQLITE_(CANTOPEN|READONLY|PERM)/,
    says: "cannot open or write the index in the archive's .hub folder",
    hint: '.hub/index.sqlite must be a file this user can read and write; it holds nothing the YAML files do not, so it can be deleted and the command run again',
  },
];
