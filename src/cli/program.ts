import { Command, InvalidArgumentError, Option } from 'commander';
import { createRequire } from 'node:module';
import type { PendingArchiveListing } from '../core/archive.js';
import { NAME_LANGS } from '../core/countries.js';
import { UsageError } from '../core/errors.js';
import { suggest } from '../core/text.js';
import { EVENT_FORMATS, EVENT_TYPES, ORG_KINDS, ROLES } from '../core/vocabulary.js';
import { Context, type GlobalOptions } from './context.js';
import type { IO } from './io.js';
import { FORMATS, isFormat } from './formats.js';

const EVENT_SORTS = ['newest', 'oldest', 'title', 'speakers'];

/** A name given as the argument counts as --name. */
function withName(command: Command): Record<string, unknown> {
  const options = command.opts();
  const name = command.args[0];
  if (name !== undefined && options.name !== undefined && options.name !== name) throw new UsageError(`two names given: "${name}" and --name "${String(options.name)}"`, 'give the name once');
  return name === undefined ? options : { ...options, name };
}

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

/**
 * A value from a fixed list, refused in the words every other option uses, with the nearest
 * value when one is close (`--type webinr`: did you mean `webinar`?). `.choices` still lists
 * the values in the help.
 */
function oneOfOption(flags: string, description: string, values: readonly string[]): Option {
  return new Option(flags, description).choices(values).argParser((value) => {
    if (values.includes(value)) return value;
    const [close] = suggest(value, values, 1);
    throw new InvalidArgumentError(`use one of ${values.join(', ')}${close ? ` (did you mean \`${close}\`?)` : ''}`);
  });
}

/**
 * The command line: thin commands, each importing its implementation only when it runs, so
 * `hub speakers` never loads the validator and `hub validate` never loads SQLite. `listing`:
 * the archive's listing, when bin/hub.js started it (see early-listing.ts).
 */
export function buildProgram(io: IO, setExitCode: (code: number) => void, listing?: PendingArchiveListing): Command {
  const program = new Command('hub');
  const context = (command: Command) => new Context(io, command.optsWithGlobals<GlobalOptions>(), listing);
  const run = (load: (ctx: Context, command: Command) => Promise<number>) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    setExitCode(await load(context(command), command));
  };

  program
    .description('Archive manager for the events of the Astana Civil Service Hub: one YAML file per event, validated, indexed and queryable.')
    .version(version(), '--version', 'print the version')
    .option('--archive <dir>', 'the archive folder (default: $HUB_ARCHIVE, or the archive/ found from here upwards)')
    .addOption(
      new Option('--format <format>', `output format: ${FORMATS.join(', ')} (default: table on a terminal, json otherwise)`).argParser((value) => {
        if (isFormat(value) || EVENT_FORMATS.includes(value) || value === 'ics') return value;
        throw new InvalidArgumentError(`use one of ${FORMATS.join(', ')}`);
      }),
    )
    .option('--out <file>', 'write the output to a file (written whole, or not at all)')
    .option('--excel', 'CSV for spreadsheets: byte-order mark and CRLF line ends')
    .option('--delimiter <char>', 'CSV field separator: , (default), ; or tab, for spreadsheets set up to expect it', (value) => {
      const char = value === 'tab' || value === '\\t' ? '\t' : value;
      if (!/^[,;|\t]$/.test(char)) throw new InvalidArgumentError('use , ; | or tab');
      return char;
    })
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
    .command('init')
    .description('create an empty archive: record folders, a .gitignore for the index, a README')
    .argument('[dir]', 'the folder to create it in (default: ./archive)')
    .action(run(async (ctx, command) => (await import('./commands/init.js')).runInit(ctx, command.args[0])));

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const recordOptions = (command: Command, what: string) =>
    command
      .option('--from <file>', `read the ${what} as YAML from FILE, or from standard input with \`-\``)
      .option('--id <id>', 'use this id (the file name) instead of the one made from the record')
      .option('--dry-run', 'show the record and where it would go, and write nothing');

  recordOptions(program.command('add-event').description('record an event: asks for each field on a terminal; --from FILE, --from - or options for scripts'), 'event')
    .option('--title <title>', 'the title, as written')
    .addOption(oneOfOption('--type <type>', 'what kind of event', EVENT_TYPES))
    .option('--start <date>', 'start date: 2025, 2025-03 or 2025-03-14')
    .option('--end <date>', 'end date, for events over several days')
    .option('--venue <venue>', 'where it took place')
    .option('--city <city>', 'the city')
    .option('--country <country>', 'the host country (code or name: KZ, Kazakhstan, Казахстан)')
    .option('--series <series>', 'the series it belongs to, e.g. "ASPA Annual Conference"')
    .option('--part-of <event>', 'the id of the event it is part of')
    .option('--theme <theme>', 'its theme')
    .option('--organizer <org>', 'an organiser (id, name or acronym); repeat for more', collect)
    .option('--partner <org>', 'a partner (id, name or acronym); repeat for more', collect)
    .option('--topic <topic>', 'a topic, e.g. digital-transformation; repeat for more', collect)
    .option('--summary <text>', 'a short summary')
    .option('--register', 'add speakers and organisations missing from the registries to them')
    .addHelpText('after', "\nThe event's own format is given with the global --format: in-person, online or hybrid\n(table, json, csv and ndjson still choose the output).")
    .action(run(async (ctx, command) => (await import('./commands/add.js')).runAdd(ctx, 'event', command.opts())));

  recordOptions(program.command('add-person').description("add a person to the people registry: asks on a terminal; --from FILE or options for scripts"), 'person')
    .argument('[name]', 'the full name (or give --name)')
    .option('--name <name>', 'the full name, as usually written')
    .option('--honorific <title>', 'Mr., Ms., Dr., Prof., H.E. ...')
    .option('--alias <name>', 'another spelling met in sources; repeat for more', collect)
    .option('--country <country>', 'the country they represent (code or name)')
    .option('--organization <org>', 'their organisation (id, name or acronym)')
    .option('--position <position>', 'their current position')
    .option('--link <url>', 'a web page about them; repeat for more', collect)
    .action(run(async (ctx, command) => (await import('./commands/add.js')).runAdd(ctx, 'person', withName(command))));

  recordOptions(program.command('add-org').description('add an organisation to the registry: asks on a terminal; --from FILE or options for scripts'), 'organisation')
    .argument('[name]', 'the full name (or give --name)')
    .option('--name <name>', 'the full name')
    .option('--acronym <acronym>', 'its acronym, e.g. OECD')
    .option('--alias <name>', 'another name met in sources; repeat for more', collect)
    .option('--country <country>', 'its country (code or name); none for international bodies')
    .addOption(oneOfOption('--kind <kind>', 'what kind of organisation', ORG_KINDS))
    .option('--link <url>', 'its web site; repeat for more', collect)
    .action(run(async (ctx, command) => (await import('./commands/add.js')).runAdd(ctx, 'organization', withName(command))));

  program
    .command('fmt')
    .description('rewrite records in canonical form (key order, indentation, the $schema line), keeping comments')
    .argument('[path...]', 'only these files or folders (default: the whole archive)')
    .option('--check', 'change nothing; list the files that are not canonical and exit 1 if there are any')
    .action(run(async (ctx, command) => (await import('./commands/fmt.js')).runFmt(ctx, command.args, command.opts())));

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

  const withDates = (command: Command, what: string) =>
    command
      .option('--year <yyyy>', `${what} starting in this year`)
      .option('--from <date>', `${what} starting on or after this date (2023, 2023-03 or 2023-03-15)`)
      .option('--to <date>', `${what} starting on or before this date`);

  withDates(program.command('events').description('list events, newest first'), 'events')
    .option('--country <country>', 'hosted in, or with participants or speakers from, this country (code or name)')
    .option('--host-country <country>', 'hosted in this country only')
    .addOption(oneOfOption('--type <type>', 'event type', EVENT_TYPES))
    .option('--topic <topic>', 'events with this topic, e.g. digital-transformation')
    .option('--series <series>', 'events of this series, e.g. "ASPA Annual Conference"')
    .option('--speaker <person>', 'events where this person spoke (id, name or alias)')
    .option('--org <organisation>', 'events this organisation organised or partnered (id, name or acronym)')
    .addOption(oneOfOption('--sort <order>', 'order of the rows', EVENT_SORTS).default('newest'))
    .option('--limit <n>', 'at most this many rows')
    .action(run(async (ctx, command) => (await import('./commands/events.js')).runEvents(ctx, command.opts())));

  withDates(program.command('speakers').description('list the people who spoke, one row each'), 'who spoke at events')
    .option('--country <country>', 'speakers representing this country (code or name: KZ, Kazakhstan, Казахстан)')
    .option('--topic <topic>', 'who spoke at events with this topic')
    .option('--org <organisation>', 'speakers representing this organisation (id, name or acronym)')
    .addOption(oneOfOption('--role <role>', 'who spoke in this role', ROLES))
    .option('--event <event>', 'who spoke at this event or at a session inside it')
    .action(run(async (ctx, command) => (await import('./commands/speakers.js')).runSpeakers(ctx, command.opts())));

  program
    .command('show')
    .description('everything about one event, with the sessions inside it')
    .argument('<event>', 'event id (or a unique part of its id or title)')
    .action(run(async (ctx, command) => (await import('./commands/show.js')).runShow(ctx, command.args[0]!)));

  program
    .command('person')
    .description("one person's profile: names, every appearance with role and position at the time, quotes")
    .argument('<person>', 'person id, name or alias (unregistered speakers too)')
    .action(run(async (ctx, command) => (await import('./commands/person.js')).runPerson(ctx, command.args[0]!)));

  withDates(program.command('countries').description('countries with the events they hosted or took part in, and their speakers'), 'count events')
    .addOption(oneOfOption('--lang <lang>', 'language of the country names', NAME_LANGS).default('en'))
    .action(run(async (ctx, command) => (await import('./commands/counts.js')).runCountries(ctx, command.opts())));

  withDates(program.command('topics').description('topics with their events and speakers'), 'count events')
    .action(run(async (ctx, command) => (await import('./commands/counts.js')).runTopics(ctx, command.opts())));

  withDates(program.command('orgs').description('organisations with the events they organised, partnered or sent speakers to'), 'count events')
    .action(run(async (ctx, command) => (await import('./commands/counts.js')).runOrgs(ctx, command.opts())));

  withDates(program.command('search').description('full-text search over titles, themes, summaries and quotes, best matches first'), 'matches in events')
    .argument('<text...>', 'words to find (all must appear; case and accents do not matter), or a "quoted phrase"')
    .option('--country <country>', 'only events hosted in, or with participants from, this country')
    .option('--limit <n>', 'at most this many results (default 100)')
    .action(run(async (ctx, command) => (await import('./commands/search.js')).runSearch(ctx, command.args, command.opts())));

  const eventFilters = (command: Command) =>
    withDates(command, 'events')
      .option('--country <country>', 'events hosted in, or with participants or speakers from, this country')
      .option('--host-country <country>', 'events hosted in this country')
      .addOption(oneOfOption('--type <type>', 'event type', EVENT_TYPES))
      .option('--topic <topic>', 'events with this topic')
      .option('--series <series>', 'events of this series')
      .option('--speaker <person>', 'events where this person spoke')
      .option('--org <organisation>', 'events this organisation organised or partnered');

  eventFilters(program.command('export').description('every row of one kind, for spreadsheets and programs: CSV (default), JSON, NDJSON; events also as iCalendar (--format ics)'))
    .argument('<kind>', 'events, speakers, appearances, countries, topics, orgs or quotes')
    .option('--columns <list>', 'these columns, in this order, comma-separated (default: all)')
    .action(run(async (ctx, command) => (await import('./commands/export.js')).runExport(ctx, command.args[0]!, command.opts())));

  program
    .command('lint')
    .description('data-quality findings: the same person under two spellings, mixed-script names, unregistered repeat speakers, organisations written by name, suspicious values')
    .option('--strict', 'exit 1 when there is any finding (for CI)')
    .action(run(async (ctx, command) => (await import('./commands/lint.js')).runLint(ctx, command.opts())));

  const people = program.command('people').description('fix who is who across the archive');
  people
    .command('merge')
    .description("fold DROP into KEEP in every record: DROP's names become KEEP's aliases, DROP's registry file goes, all files or none")
    .argument('<keep>', 'the person id to keep (as `hub speakers` shows it)')
    .argument('<drop>', 'the person id to fold into it')
    .option('--dry-run', 'show the changes as a diff and write nothing')
    .action(run(async (ctx, command) => (await import('./commands/people.js')).runPeopleMerge(ctx, command.args[0]!, command.args[1]!, command.opts())));
  people
    .command('distinct')
    .description('record that A and B are two different people, so `hub lint` stops pairing them')
    .argument('<a>', 'a person id')
    .argument('<b>', 'another person id')
    .option('--dry-run', 'show the changes as a diff and write nothing')
    .action(run(async (ctx, command) => (await import('./commands/people.js')).runPeopleDistinct(ctx, command.args[0]!, command.args[1]!, command.opts())));

  const report = program.command('report').description('reports for the annual review');
  report
    .command('annual')
    .description('the annual-review set: events, appearances, speakers, countries, topics and organisations as CSV, summary.md and report.html with charts')
    .option('--year <yyyy>', 'the year to report on')
    .option('--compare <yyyy>', 'set the figures beside those of another year')
    .addHelpText('after', '\nThe global --out DIR names the folder to write (default: ./report-YYYY); --excel and --delimiter shape the CSV files.')
    .action(run(async (ctx, command) => (await import('./commands/report.js')).runReportAnnual(ctx, command.opts())));

  return program;
}
