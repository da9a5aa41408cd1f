import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { renderRecord, schemaModeline } from '../../core/canonical.js';
import { resolveCountry } from '../../core/countries.js';
import { MAX_RECORD_BYTES } from '../../core/guards.js';
import { DataError, UsageError } from '../../core/errors.js';
import { planRecord, type FieldValue, type Plan, type PlanOptions, type RecordInput } from '../../core/new-records.js';
import type { RecordKind } from '../../core/records.js';
import type { LoadedArchive } from '../../core/validate.js';
import { EVENT_FORMATS } from '../../core/vocabulary.js';
import type { Context } from '../context.js';
import { writeIssues } from '../issue-report.js';
import { withSyncedIndex } from '../synced-index.js';
import { flagOf } from './filter-options.js';

export interface AddOptions {
  from?: string;
  id?: string;
  register?: boolean;
  dryRun?: boolean;
  [option: string]: unknown;
}

/** Which option sets which key, per kind; repeatable options fill lists. */
interface FieldOption {
  option: string;
  path: string[];
  list?: boolean;
  country?: boolean;
  year?: boolean;
}

export const EVENT_FIELDS: FieldOption[] = [
  { option: 'title', path: ['title'] },
  { option: 'type', path: ['type'] },
  { option: 'start', path: ['start'], year: true },
  { option: 'end', path: ['end'], year: true },
  { option: 'venue', path: ['location', 'venue'] },
  { option: 'city', path: ['location', 'city'] },
  { option: 'country', path: ['location', 'country'], country: true },
  { option: 'partOf', path: ['part_of'] },
  { option: 'series', path: ['series'] },
  { option: 'theme', path: ['theme'] },
  { option: 'organizer', path: ['organizers'], list: true },
  { option: 'partner', path: ['partners'], list: true },
  { option: 'topic', path: ['topics'], list: true },
  { option: 'summary', path: ['summary'] },
];

export const PERSON_FIELDS: FieldOption[] = [
  { option: 'name', path: ['name'] },
  { option: 'honorific', path: ['honorific'] },
  { option: 'alias', path: ['aliases'], list: true },
  { option: 'country', path: ['country'], country: true },
  { option: 'organization', path: ['organization'] },
  { option: 'position', path: ['position'] },
  { option: 'link', path: ['links'], list: true },
];

export const ORGANIZATION_FIELDS: FieldOption[] = [
  { option: 'name', path: ['name'] },
  { option: 'acronym', path: ['acronym'] },
  { option: 'alias', path: ['aliases'], list: true },
  { option: 'country', path: ['country'], country: true },
  { option: 'kind', path: ['kind'] },
  { option: 'link', path: ['links'], list: true },
];

const FIELDS: Record<RecordKind, FieldOption[]> = { event: EVENT_FIELDS, person: PERSON_FIELDS, organization: ORGANIZATION_FIELDS };
const COMMANDS: Record<RecordKind, string> = { event: 'hub add-event', person: 'hub add-person', organization: 'hub add-org' };

/** `hub add-event`, `hub add-person`, `hub add-org`: prompts on a terminal, else from --from and options. */
export async function runAdd(ctx: Context, kind: RecordKind, options: AddOptions): Promise<number> {
  if (kind === 'event' && typeof ctx.options.format === 'string' && EVENT_FORMATS.includes(ctx.options.format)) {
    options.eventFormat = ctx.options.format;
    delete ctx.options.format;
  }
  const fields = fieldsFrom(kind, options);
  if (options.from === undefined && fields.length === 0) {
    if (ctx.io.stdin.isTTY !== true || ctx.io.stderr.isTTY !== true) {
      const example = kind === 'event' ? '--title "..." --type webinar --start 2025-03-14' : '--name "..."';
      throw new UsageError(`nothing to record: give --from FILE, --from - (YAML on stdin), or the fields as options (${example})`, `on a terminal, ${COMMANDS[kind]} asks for each field`);
    }
    const { runInteractiveAdd } = await import('../prompts/add-interactive.js');
    return runInteractiveAdd(ctx, kind, options);
  }
  const input: RecordInput = { kind, fields, ...(options.id === undefined ? {} : { id: options.id }) };
  if (options.from !== undefined) {
    input.bytes = await readSource(ctx, options.from);
    input.label = options.from === '-' ? '<stdin>' : options.from;
  }
  const planOptions: PlanOptions = options.register ? { register: () => true } : {};
  const archive = await archiveForChecks(ctx);
  const plan = await planRecord(ctx.root(), input, planOptions, archive);
  return finishAdd(ctx, plan, options);
}

/** Shows problems, or the records (dry run), or writes them and says where. */
export async function finishAdd(ctx: Context, plan: Plan, options: { dryRun?: boolean }): Promise<number> {
  const root = ctx.root();
  const errors = plan.issues.filter((i) => i.severity === 'error');
  if (plan.issues.length > 0) await writeIssues(ctx, plan.issues, 'messages');
  if (errors.length > 0 || plan.records.length === 0) {
    ctx.info(ctx.err.red(`✗ nothing written: ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix first`));
    return 1;
  }
  for (const note of plan.notes) ctx.info(note);
  const format = ctx.requestedFormat();
  if (options.dryRun) {
    const shown = plan.records.map((r) => ({ kind: r.kind, id: r.id, path: r.path, text: renderRecord(r.kind, r.data, schemaModeline(root, r.kind, path.join(root, r.path))) }));
    if (format === 'json') ctx.writeData(`${JSON.stringify(shown, null, 2)}\n`);
    else if (format === 'ndjson') ctx.writeData(shown.map((r) => `${JSON.stringify(r)}\n`).join(''));
    else ctx.writeData(shown.map((r) => `# ${r.path}\n${r.text}`).join('\n'));
    ctx.info(`dry run: nothing written (${shown.map((r) => r.path).join(', ')} would be)`);
    return 0;
  }
  const { saveRecords } = await import('../../db/save-records.js');
  const result = await saveRecords(root, plan, { lock: ctx.lockOptions(COMMANDS[plan.records.at(-1)!.kind]) });
  for (const note of result.notes) ctx.info(note);
  const primary = result.saved.at(-1)!;
  const registered = result.saved.slice(0, -1).filter((r) => r.written);
  if (format === 'json' || format === 'ndjson') {
    const object = { id: primary.id, path: primary.path, registered: registered.map(({ kind, id, path: p }) => ({ kind, id, path: p })) };
    ctx.writeData(`${JSON.stringify(object, null, format === 'json' ? 2 : undefined)}\n`);
  } else {
    ctx.writeData(`${ctx.displayPath(path.join(root, primary.path))}\n`);
  }
  for (const r of registered) ctx.info(`registered ${r.kind === 'person' ? 'a new person' : 'a new organisation'}: ${ctx.displayPath(path.join(root, r.path))}`);
  ctx.info(ctx.err.green(`✓ recorded ${primary.id}; the index is up to date`));
  if (result.report.notIndexed > 0) ctx.warn(`${result.report.notIndexed} other record file(s) have problems and are left out of the index: run \`hub validate\``);
  return 0;
}

/** The archive as the cross-record checks need it, from the index brought up to date. */
export async function archiveForChecks(ctx: Context): Promise<LoadedArchive> {
  const { loadArchiveFromIndex } = await import('../../db/archive-from-index.js');
  return withSyncedIndex(ctx, (db) => loadArchiveFromIndex(db, ctx.root()));
}

function fieldsFrom(kind: RecordKind, options: AddOptions): FieldValue[] {
  const fields: FieldValue[] = [];
  for (const field of FIELDS[kind]) {
    const raw = options[field.option];
    if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) continue;
    const value = field.list ? (raw as string[]).map((v) => convert(field, v)) : convert(field, raw as string);
    fields.push({ path: field.path, value, option: flagOf(field.option) });
  }
  if (typeof options.eventFormat === 'string') fields.push({ path: ['format'], value: options.eventFormat, option: '--format' });
  return fields;
}

function convert(field: FieldOption, value: string): unknown {
  // A year alone is written as a number (`start: 2020`), as in the records written by hand.
  if (field.year && /^\d{4}$/.test(value)) return Number(value);
  if (field.country) return resolveCountry(value) ?? value;
  return value;
}

async function readSource(ctx: Context, from: string): Promise<Uint8Array> {
  // One byte past the limit is enough for the size check to refuse it: a huge input is never held whole.
  const limit = MAX_RECORD_BYTES + 1;
  if (from === '-') {
    if (ctx.io.stdin.isTTY) throw new UsageError('--from - reads the record from standard input, but that is a terminal', 'pipe a file in (hub add-event --from - < event.yaml), or give --from FILE');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of ctx.io.stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(bytes);
      size += bytes.length;
      if (size >= limit) break;
    }
    return Buffer.concat(chunks).subarray(0, limit);
  }
  try {
    const fd = openSync(path.resolve(ctx.io.cwd, from), 'r');
    try {
      const buffer = Buffer.alloc(Math.min(limit, Math.max(0, fstatSync(fd).size) || limit));
      const read = readSync(fd, buffer, 0, buffer.length, 0);
      return buffer.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError(`cannot read ${from}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`, 'check the path; --from - reads standard input');
  }
}

