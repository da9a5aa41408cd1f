import { findArchive, startListingArchive, type PendingArchiveListing } from '../core/archive.js';

/*
 * Every query begins by listing the archive's record folders with each file's size and time
 * (about 20 ms for 12,000 files here, nearly all of it stat calls). bin/hub.js starts that
 * listing on the native addon's threads before it loads the program, whose loading (about 30
 * ms: compiling the bundle, commander) then hides it: `hub speakers --country KZ` on 10,000
 * events went from 168 to 154 ms in a noisy spell, 138 to 132 in a quiet one. This module is
 * bundled on its own (dist/bundle/early.cjs) so that starting costs about a millisecond.
 *
 * The command line is only glanced at here; commander reads it properly later. A wrong guess
 * costs a listing nobody uses: the sync takes this one only for the archive it was made for
 * (see syncIndex), and lists again otherwise.
 */

/** The commands that begin by syncing the index (or, `index --rebuild`, by building it). */
export const LISTING_COMMANDS = new Set(['events', 'speakers', 'show', 'person', 'countries', 'topics', 'orgs', 'search', 'export', 'report', 'index']);

/** The global options that take a value: the word after one is not the command. */
const VALUE_OPTIONS = new Set(['--archive', '--format', '--out', '--delimiter']);

/** Starts listing the archive a query is about to sync, when the command line says it is one; else undefined. */
export function startEarlyListing(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): PendingArchiveListing | undefined {
  let command: string | undefined;
  let archive: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--help' || arg === '-h') return undefined;
    if (arg.startsWith('--archive=')) archive = arg.slice('--archive='.length);
    else if (VALUE_OPTIONS.has(arg)) {
      if (arg === '--archive') archive = argv[i + 1];
      i++;
    } else if (command === undefined && !arg.startsWith('-')) command = arg;
  }
  if (command === undefined || !LISTING_COMMANDS.has(command)) return undefined;
  try {
    return startListingArchive(findArchive({ archive, env, cwd }));
  } catch {
    // No archive there: the command says so in its own words.
    return undefined;
  }
}
