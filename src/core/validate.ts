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

/** Reads every record, checks schemas and cross-record rules, and locates every problem. */
export async function validateArchive(root: string, options: ValidateOptions = {}): Promise<ValidateResult> {
  const scan = scanArchive(root);
  const pending: PathIssue[] = [...scan.issues];
  const events: LoadedEvent[] = [];
  const people: LoadedPerson[] = [];
  const organizations: LoadedOrganization[] = [];
  const total = scan.files.length;
  let done = 0;
  await streamRecords(scan.files, () => null, (file, read) => {
    pending.push(...read.issues);
    if (read.data !== undefined && read.data !== null && typeof read.data === 'object') push(file, read.data);
    done++;
    if (options.onProgress && (done % 250 === 0 || done === total)) options.onProgress(done, total);
  });
  pending.push(...checkRules({ root, events, people, organizations }));

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
  const checked = options.only ? scan.files.filter((f) => inScope(f.path)).length : total;
  return { checked, issues };

  function push(file: ArchiveFile, data: object): void {
    if (file.kind === 'event') events.push({ kind: 'event', id: file.id, file, data: data as EventData });
    else if (file.kind === 'person') people.push({ kind: 'person', id: file.id, file, data: data as PersonData });
    else organizations.push({ kind: 'organization', id: file.id, file, data: data as OrganizationData });
  }
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
