import { Command, Option } from 'commander';
import { createRequire } from 'node:module';
import { Context, type GlobalOptions } from './context.js';
import type { IO } from './io.js';
import { FORMATS } from './formats.js';

const EVENT_TYPES = ['conference', 'panel-session', 'plenary-session', 'assembly', 'webinar', 'roundtable', 'workshop', 'seminar', 'training', 'meeting', 'summit', 'forum', 'study-visit', 'other'];

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

/**
 * The command line: thin commands, each importing its implementation only when it runs, so
 * `hub speakers` never loads the validator and `hub validate` never loads SQLite.
 */
export function buildProgram(io: IO, setExitCode: (code: number) => void): Command {
  const program = new Command('hub');
  const context = (command: Command) => new Context(io, command.optsWithGlobals<GlobalOptions>());
  const run = (load: (ctx: Context, command: Command) => Promise<number>) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    setExitCode(await load(context(command), command));
  };

  program
    .description('Archive manager for the events of the Astana Civil Service Hub: one YAML file per event, validated, indexed and queryable.')
    .version(version(), '--version', 'print the version')
    .option('--archive <dir>', 'the archive folder (default: $HUB_ARCHIVE, or the archive/ found from here upwards)')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(FORMATS))
    .option('--out <file>', 'write the output to a file (written whole, or not at all)')
    .option('--excel', 'CSV for spreadsheets: byte-order mark and CRLF line ends')
    .option('--no-color', 'no colours (also NO_COLOR=1)')
    .option('--quiet', 'no messages on stderr, only data and errors')
    .option('--debug', 'show stack traces for unexpected errors')
    .showHelpAfterError('(run `hub --help` for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();

  program
    .command('validate')
    .description('check records against the schemas and across records; every problem as file:line:col  message')
    .argument('[path...]', 'only report on these files or folders (the whole archive is still read)')
    .action(run(async (ctx, command) => (await import('./commands/validate.js')).runValidate(ctx, command.args)));

  program
    .command('index')
    .description('bring the index up to date (queries do this themselves, incrementally)')
    .option('--rebuild', 'throw the index away and build it again from the YAML files')
    .action(run(async (ctx, command) => (await import('./commands/index-cmd.js')).runIndex(ctx, command.opts())));

  program
    .command('events')
    .description('list events, newest first')
    .option('--year <yyyy>', 'events starting in this year')
    .option('--from <date>', 'events starting on or after this date (2023, 2023-03 or 2023-03-15)')
    .option('--to <date>', 'events starting on or before this date')
    .option('--country <country>', 'hosted in, or with participants from, this country (code or name)')
    .option('--host-country <country>', 'hosted in this country only')
    .addOption(new Option('--type <type>', 'event type').choices(EVENT_TYPES))
    .option('--topic <topic>', 'events with this topic')
    .option('--series <series>', 'events of this series, e.g. "ASPA Annual Conference"')
    .action(run(async (ctx, command) => (await import('./commands/events.js')).runEvents(ctx, command.opts())));

  program
    .command('speakers')
    .description('list the people who spoke, one row each')
    .option('--country <country>', 'speakers representing this country (code or name: KZ, Kazakhstan, Казахстан)')
    .option('--year <yyyy>', 'who spoke at events starting in this year')
    .option('--from <date>', 'who spoke at events starting on or after this date')
    .option('--to <date>', 'who spoke at events starting on or before this date')
    .action(run(async (ctx, command) => (await import('./commands/speakers.js')).runSpeakers(ctx, command.opts())));

  return program;
}
