import path from 'node:path';
import { parsePartialDate } from './dates.js';
import { checkSize } from './guards.js';
import { commentCutWarnings } from './comment-cuts.js';
import { parseBytes } from './load-record.js';
import { checkId, eventIdFor, firstFreeId, registryIdFor } from './ids.js';
import { organizationsOf, peopleOf, registerNames } from './register-names.js';
import { locateIssues } from './locate.js';
import { isObject, KIND_FOLDERS, type Issue, type PathIssue, type PathSegment, type RecordKind } from './records.js';
import { checkSchema } from './schema.js';
import { nameKey } from './text.js';
import { checkChanges, loadArchive, type LoadedArchive } from './validate.js';

/*
 * Planning a new record: the same checks `hub validate` makes, run on the record before it
 * exists, with problems pointing into what the user gave (the file, stdin, or the option that
 * set a value). Nothing here writes: the plan is written under the archive's lock, where ids
 * are checked again against what other writers did meanwhile.
 */

/** A value set by a command-line option, such as `--start 2024-04-12`. */
export interface FieldValue {
  path: PathSegment[];
  value: unknown;
  option: string;
}

export interface RecordInput {
  kind: RecordKind;
  /** YAML given by the user, and the name its problems are reported under (`event.yaml`, `<stdin>`). */
  bytes?: Uint8Array;
  label?: string;
  /** Data built by the interactive session. */
  data?: Record<string, unknown>;
  /** Values from options; they take precedence over the YAML. */
  fields?: FieldValue[];
  /** The id asked for; otherwise one is made from the date and title, or the name. */
  id?: string;
}

export interface PlanOptions {
  /** Whether a name missing from its registry is added to it as a new record. */
  register?: (kind: 'person' | 'organization', name: string) => boolean;
}

export interface PlannedRecord {
  kind: RecordKind;
  id: string;
  /** Inside the archive, with forward slashes. */
  path: string;
  data: Record<string, unknown>;
  /** The user chose the id: a collision is an error, never a new suffix. */
  fixedId: boolean;
}

export interface Plan {
  /** New registry records first, then the record asked for (last). */
  records: PlannedRecord[];
  issues: Issue[];
  /** Worth saying: an id that was taken, names left out of the registries. */
  notes: string[];
}

const COMMAND_LINE = '(command line)';


export function recordPath(kind: RecordKind, id: string, data: Record<string, unknown>): string {
  if (kind !== 'event') return `${KIND_FOLDERS[kind]}/${id}.yaml`;
  const start = parsePartialDate(data.start);
  return `${KIND_FOLDERS.event}/${start ? start.year : id.slice(0, 4)}/${id}.yaml`;
}

/** Reads the input, applies options, registers what may be registered, picks ids and checks it all. */
export async function planRecord(root: string, input: RecordInput, options: PlanOptions = {}, archive?: LoadedArchive): Promise<Plan> {
  const label = input.label ?? COMMAND_LINE;
  let text: string | undefined;
  let data: unknown = input.data ?? {};
  if (input.bytes) {
    const read = readInput(input.bytes, label);
    if (!read.ok) return { records: [], issues: [read.issue], notes: [] };
    text = read.text;
    data = read.data ?? {};
  }
  const fields = input.fields ?? [];
  if (!isObject(data)) {
    const issues = checkSchema(input.kind, label, data);
    return { records: [], issues: locate(issues, text, label, fields), notes: [] };
  }
  const record = structuredClone(data);
  for (const field of fields) setIn(record, field.path, field.value);

  const loaded = archive ?? (await loadArchive(root));
  const notes: string[] = [];
  const issues: PathIssue[] = [];
  const planned: PlannedRecord[] = [];
  if (input.kind === 'event') planned.push(...registerNames(record, loaded, options, notes));

  // A value a glued `#` cut short would be written so: say it before it is.
  const early: Issue[] = text === undefined ? [] : commentCutWarnings(label, text, data);
  const main = chooseId(input, record, loaded, notes, early);
  const primaryPath = main ? recordPath(input.kind, main, record) : `${KIND_FOLDERS[input.kind]}/(new).yaml`;
  planned.push({ kind: input.kind, id: main ?? '', path: primaryPath, data: record, fixedId: input.id !== undefined });

  // Every planned record is checked as if it were already in the archive.
  for (const issue of checkChanges(root, loaded, planned)) {
    const primaryRule = issue.file === primaryPath && (issue.rule === 'event-id' || issue.rule === 'event-folder');
    // Without an id there is no file name to check; with a chosen one, the fix is to the option.
    if (primaryRule && main === undefined) continue;
    if (primaryRule && issue.rule === 'event-id' && input.id !== undefined) {
      const start = parsePartialDate(record.start);
      early.push({ file: '--id', line: 0, col: 0, rule: 'event-id', severity: 'error', message: `an event id begins with its start date as written: \`${start?.text ?? 'YYYY-MM-DD'}-…\`` });
      continue;
    }
    issues.push(issue);
  }

  const located: Issue[] = [...early];
  for (const p of planned) {
    const own = issues.filter((issue) => issue.file === p.path);
    if (p.path === primaryPath) located.push(...locate(own.map((issue) => ({ ...issue, file: label })), text, label, fields).sort((a, b) => a.line - b.line || a.col - b.col));
    else located.push(...locateIssues('', own.map((issue) => ({ ...issue, line: issue.line ?? 0, col: issue.col ?? 0 }))));
  }
  return { records: main ? planned : [], issues: located, notes };
}

type InputRead = { ok: true; text: string; data: unknown } | { ok: false; issue: Issue };

function readInput(bytes: Uint8Array, label: string): InputRead {
  const tooLarge = checkSize(bytes.length);
  if (tooLarge) return { ok: false, issue: { file: label, line: tooLarge.line, col: tooLarge.col, rule: tooLarge.rule, severity: 'error', message: tooLarge.message } };
  const parsed = parseBytes(label, bytes);
  if (!parsed.ok) {
    const { file, line, col, rule, severity, message } = parsed.issue;
    return { ok: false, issue: { file, line: line ?? 1, col: col ?? 1, rule, severity, message } };
  }
  return parsed;
}

/** Problems in the primary record: at the option that set the value, else in the input text. */
function locate(issues: PathIssue[], text: string | undefined, label: string, fields: FieldValue[]): Issue[] {
  const fromOption = (issue: PathIssue) => fields.find((f) => f.path.every((segment, i) => issue.path[i] === segment));
  const byOption: Issue[] = [];
  const rest: PathIssue[] = [];
  for (const issue of issues) {
    const field = fromOption(issue);
    if (field) byOption.push({ file: field.option, line: 0, col: 0, rule: issue.rule, severity: issue.severity, message: issue.message });
    else rest.push(issue);
  }
  const located = text !== undefined ? locateIssues(text, rest) : rest.map((issue) => ({ file: label, line: 0, col: 0, rule: issue.rule, severity: issue.severity, message: issue.message }));
  return [...byOption, ...located];
}

function chooseId(input: RecordInput, record: Record<string, unknown>, loaded: LoadedArchive, notes: string[], issues: Issue[]): string | undefined {
  const label = input.label ?? COMMAND_LINE;
  const existing = existingOf(input.kind, loaded);
  if (input.id !== undefined) {
    const problem = checkId(input.id);
    if (problem) {
      issues.push({ file: '--id', rule: 'id', severity: 'error', message: problem, line: 0, col: 0 });
      return undefined;
    }
    const taken = existing.get(input.id);
    if (taken) {
      issues.push({ file: '--id', rule: 'duplicate-id', severity: 'error', message: `\`${input.id}\` is already the id of ${taken.path}: choose another id`, line: 0, col: 0 });
      return undefined;
    }
    return input.id;
  }
  const base = baseId(input.kind, record);
  if (base === undefined) return undefined; // the schema check says what is missing
  const same = sameRecord(input.kind, record, loaded);
  if (same) {
    issues.push({
      file: label,
      line: 0,
      col: 0,
      rule: 'already-recorded',
      severity: 'error',
      message: input.kind === 'event'
        ? `this event is already recorded as ${same}: same title and start date (to record another event with them anyway, give it an --id)`
        : `${String(record.name)} is already in the registry as ${same}: add other spellings to its \`aliases\` instead`,
    });
    return undefined;
  }
  const id = firstFreeId(base, (candidate) => existing.has(candidate));
  if (id !== base) notes.push(`the id \`${base}\` is taken by ${existing.get(base)!.path}: this ${input.kind === 'organization' ? 'organisation' : input.kind} gets \`${id}\``);
  return id;
}

function baseId(kind: RecordKind, record: Record<string, unknown>): string | undefined {
  if (kind === 'event') {
    const start = parsePartialDate(record.start);
    return start && typeof record.title === 'string' && record.title.trim() !== '' ? eventIdFor(start.text, record.title) : undefined;
  }
  return typeof record.name === 'string' && record.name.trim() !== '' ? registryIdFor(record.name) : undefined;
}

/** The file of a record that is evidently this one: an event with the same title and start, a registered name. */
function sameRecord(kind: RecordKind, record: Record<string, unknown>, loaded: LoadedArchive): string | undefined {
  if (kind === 'event') {
    const start = parsePartialDate(record.start)?.text;
    const title = typeof record.title === 'string' ? nameKey(record.title) : '';
    return loaded.events.find((e) => parsePartialDate(e.data.start)?.text === start && typeof e.data.title === 'string' && nameKey(e.data.title) === title)?.file.path;
  }
  if (typeof record.name !== 'string') return undefined;
  const registry = kind === 'person' ? peopleOf(loaded) : organizationsOf(loaded);
  const names = [record.name, ...(Array.isArray(record.aliases) ? record.aliases : []), ...(typeof record.acronym === 'string' ? [record.acronym] : [])];
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const id = registry.byKey.get(nameKey(name));
    if (id !== undefined) return `${KIND_FOLDERS[kind]}/${id}.yaml`;
  }
  return undefined;
}

function existingOf(kind: RecordKind, loaded: LoadedArchive): Map<string, { path: string }> {
  const list = kind === 'event' ? loaded.events : kind === 'person' ? loaded.people : loaded.organizations;
  const map = new Map<string, { path: string }>(list.map((r) => [r.id, { path: r.file.path }]));
  // Files that failed to parse still hold their id.
  const folder = `${KIND_FOLDERS[kind]}/`;
  for (const p of loaded.paths) if (p.startsWith(folder)) map.set(path.posix.basename(p, '.yaml'), map.get(path.posix.basename(p, '.yaml')) ?? { path: p });
  return map;
}

function setIn(target: Record<string, unknown>, keys: PathSegment[], value: unknown): void {
  let node: Record<string, unknown> = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[String(key)] = value;
      return;
    }
    if (!isObject(node[String(key)])) node[String(key)] = {};
    node = node[String(key)] as Record<string, unknown>;
  });
}
