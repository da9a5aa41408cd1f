import path from 'node:path';
import { scanArchive } from './archive.js';
import { locateInFile } from './locate.js';
import type { ArchiveFile, EventData, Issue, LoadedEvent, LoadedOrganization, LoadedPerson, OrganizationData, PathIssue, PersonData, RecordKind } from './records.js';
import { checkSchema } from './schema.js';
import { mapInOrder } from './read-records.js';
import type { RecordRead } from './load-record.js';
import { checkRules } from './rules.js';

export interface ValidateOptions {
  /** Report only problems in files under these absolute paths (all records are still read for cross-record rules). */
  only?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface ValidateResult {
  /** How many record files were checked (after `only`). */
  checked: number;
  issues: Issue[];
}

export interface LoadedArchive {
  events: LoadedEvent[];
  people: LoadedPerson[];
  organizations: LoadedOrganization[];
  /** Problems found in single files: layout, bytes, YAML, schema. */
  issues: PathIssue[];
  /** Every record file found, with or without problems. */
  paths: string[];
}

/**
 * Reads and schema-checks every record; what parses is kept, problems or not, for the
 * cross-record rules. Files a name or place keeps out of the archive are read for their own
 * problems only. With `notes`, warnings about how the text reads join the problems.
 */
export async function loadArchive(root: string, onProgress?: (done: number, total: number) => void, options: { notes?: boolean } = {}): Promise<LoadedArchive> {
  const scan = scanArchive(root);
  const all = [...scan.files, ...scan.misplaced];
  const misplaced = new Set(scan.misplaced);
  const loaded: LoadedArchive = { events: [], people: [], organizations: [], issues: [...scan.issues], paths: all.map((f) => f.path) };
  const total = all.length;
  let done = 0;
  await mapInOrder<RecordRead>(all, { kind: 'read', notes: options.notes ?? false }, () => null, (file, read) => {
    loaded.issues.push(...read.issues, ...(read.notes ?? []));
    if (!misplaced.has(file) && read.data !== undefined && read.data !== null && typeof read.data === 'object') addLoaded(loaded, file, read.data);
    done++;
    if (onProgress && (done % 250 === 0 || done === total)) onProgress(done, total);
  });
  return loaded;
}

export function addLoaded(loaded: Pick<LoadedArchive, 'events' | 'people' | 'organizations'>, file: ArchiveFile, data: object): void {
  if (file.kind === 'event') loaded.events.push({ kind: 'event', id: file.id, file, data: data as EventData });
  else if (file.kind === 'person') loaded.people.push({ kind: 'person', id: file.id, file, data: data as PersonData });
  else loaded.organizations.push({ kind: 'organization', id: file.id, file, data: data as OrganizationData });
}

/** Reads every record, checks schemas and cross-record rules, and locates every problem. */
export async function validateArchive(root: string, options: ValidateOptions = {}): Promise<ValidateResult> {
  const loaded = await loadArchive(root, options.onProgress, { notes: true });
  const pending = [...loaded.issues, ...checkRules({ root, ...loaded })];
  const inScope = (file: string) =>
    !options.only || options.only.some((p) => {
      const abs = path.join(root, file);
      return abs === p || abs.startsWith(p.endsWith(path.sep) ? p : p + path.sep);
    });
  const byFile = new Map<string, PathIssue[]>();
  for (const issue of pending) {
    if (!inScope(issue.file)) continue;
    const list = byFile.get(issue.file);
    if (list) list.push(issue);
    else byFile.set(issue.file, [issue]);
  }
  const issues: Issue[] = [];
  for (const [file, fileIssues] of byFile) {
    issues.push(...locateInFile(path.join(root, file), fileIssues));
  }
  issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
  const checked = options.only ? loaded.paths.filter(inScope).length : loaded.paths.length;
  return { checked, issues };
}


/** A record as a change would leave it: its new data, or none when the file goes. */
export interface RecordChange {
  kind: RecordKind;
  /** Inside the archive, with forward slashes. */
  path: string;
  data?: unknown;
}

/**
 * What `hub validate` would report in the changed files if the changes were made: each new
 * or changed record against its schema, then every cross-record rule over the archive as it
 * would then be. Nothing is written; records that have not changed come from `loaded`.
 */
export function checkChanges(root: string, loaded: LoadedArchive, changes: RecordChange[]): PathIssue[] {
  const changed = new Set(changes.map((c) => c.path));
  const after: Pick<LoadedArchive, 'events' | 'people' | 'organizations'> = { events: [], people: [], organizations: [] };
  for (const record of [...loaded.events, ...loaded.people, ...loaded.organizations]) {
    if (!changed.has(record.file.path)) addLoaded(after, record.file, record.data);
  }
  const issues: PathIssue[] = [];
  for (const change of changes) {
    if (change.data === undefined) continue;
    issues.push(...checkSchema(change.kind, change.path, change.data));
    if (typeof change.data === 'object' && change.data !== null) addLoaded(after, fileAt(root, change.kind, change.path), change.data);
  }
  issues.push(...checkRules({ root, ...after }).filter((issue) => changed.has(issue.file)));
  return issues;
}

/** The file a record would have at `rel`: its id is the file name, an event's folder its year. */
function fileAt(root: string, kind: RecordKind, rel: string): ArchiveFile {
  const folder = kind === 'event' ? rel.split('/')[1] : undefined;
  return { kind, id: path.posix.basename(rel, '.yaml'), path: rel, abs: path.join(root, rel), size: 0, mtimeMs: 0, ...(folder ? { folder } : {}) };
}
