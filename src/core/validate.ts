import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scanArchive } from './archive.js';
import { locateIssues } from './locate.js';
import type { ArchiveFile, EventData, Issue, LoadedEvent, LoadedOrganization, LoadedPerson, OrganizationData, PathIssue, PersonData } from './records.js';
import { streamRecords } from './read-records.js';
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

/** Reads and schema-checks every record; what parses is kept, problems or not, for the cross-record rules. */
export async function loadArchive(root: string, onProgress?: (done: number, total: number) => void): Promise<LoadedArchive> {
  const scan = scanArchive(root);
  const loaded: LoadedArchive = { events: [], people: [], organizations: [], issues: [...scan.issues], paths: scan.files.map((f) => f.path) };
  const total = scan.files.length;
  let done = 0;
  await streamRecords(scan.files, () => null, (file, read) => {
    loaded.issues.push(...read.issues);
    if (read.data !== undefined && read.data !== null && typeof read.data === 'object') addLoaded(loaded, file, read.data);
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
  const loaded = await loadArchive(root, options.onProgress);
  const pending = [...loaded.issues, ...checkRules({ root, ...loaded })];
  const inScope = (file: string) =>
    !options.only || options.only.some((p) => {
      const abs = path.join(root, file);
      return abs === p || abs.startsWith(p.endsWith(path.sep) ? p : p + path.sep);
    });
  const byFile = new Map<string, PathIssue[]>();
  for (const issue of pending) {
    if (!inScope(issue.file)) continue;
    byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
  }
  const issues: Issue[] = [];
  for (const [file, fileIssues] of byFile) {
    issues.push(...locateIssues(readText(path.join(root, file), fileIssues), fileIssues));
  }
  issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
  const checked = options.only ? loaded.paths.filter(inScope).length : loaded.paths.length;
  return { checked, issues };
}

/** The text to locate problems in; problems that needed no positions never get here unparsed. */
function readText(abs: string, issues: PathIssue[]): string {
  if (issues.every((i) => i.line !== undefined)) return '';
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return '';
  }
}
