import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { DataError } from './errors.js';
import { KIND_FOLDERS, isValidId, type ArchiveFile, type PathIssue, type RecordKind } from './records.js';
import { slugify } from './text.js';

export interface FindArchiveOptions {
  archive?: string | undefined;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

const isArchive = (dir: string) => existsSync(path.join(dir, 'events'));

/**
 * Where the archive is: --archive DIR, else $HUB_ARCHIVE, else the working directory if it
 * holds events/, else the first archive/ folder holding events/ in it or a parent.
 */
export function findArchive(options: FindArchiveOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const explicit = options.archive ?? (env.HUB_ARCHIVE || undefined);
  if (explicit !== undefined) {
    const dir = path.resolve(cwd, explicit);
    if (!existsSync(dir)) throw new DataError(`archive folder ${explicit} does not exist`, 'create one with `hub init DIR`');
    if (!isArchive(dir)) {
      throw new DataError(`${explicit} is not a hub archive: it has no events/ folder`, 'point --archive (or HUB_ARCHIVE) at the folder that holds events/, people/ and organizations/');
    }
    return dir;
  }
  if (isArchive(cwd)) return cwd;
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'archive');
    if (isArchive(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new DataError(
    'no archive found here or in any parent folder',
    'run inside an archive, pass --archive DIR, set HUB_ARCHIVE, or create one with `hub init`',
  );
}

export interface ScanResult {
  files: ArchiveFile[];
  /** Files in the wrong place or with a name that cannot be an id. */
  issues: PathIssue[];
}

const layoutIssue = (file: string, rule: string, message: string): PathIssue => ({
  file,
  path: [],
  rule,
  severity: 'error',
  message,
  line: 1,
  col: 1,
});

function listDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * Lists the record files with their size and modification time, without reading them, so
 * an index check costs one stat a file. Entries that escape the archive through a link are
 * refused: ids never point outside the archive folder.
 */
export function scanArchive(root: string): ScanResult {
  const files: ArchiveFile[] = [];
  const issues: PathIssue[] = [];
  const realRoot = realpathSync(root);

  // Called once per record file on every query, so it keeps to string joins and one stat.
  const addFile = (kind: RecordKind, dir: string, relDir: string, entry: Dirent, folder?: string) => {
    const name = entry.name;
    if (name.startsWith('.')) return;
    const rel = `${relDir}/${name}`;
    if (name.endsWith('.yml')) {
      issues.push(layoutIssue(rel, 'file-name', `record files end in .yaml: rename ${name} to ${name.slice(0, -4)}.yaml`));
      return;
    }
    if (!name.endsWith('.yaml')) return;
    const abs = dir + path.sep + name;
    let stats;
    try {
      if (entry.isSymbolicLink()) {
        const target = realpathSync(abs);
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
          issues.push(layoutIssue(rel, 'file-name', `${name} is a link to a file outside the archive: records must live inside it`));
          return;
        }
      }
      stats = statSync(abs);
    } catch (error) {
      issues.push(layoutIssue(rel, 'unreadable', `cannot read ${name}: ${(error as Error).message}`));
      return;
    }
    if (!stats.isFile()) return;
    const id = name.slice(0, -'.yaml'.length);
    if (!isValidId(id)) {
      const better = slugify(id);
      issues.push(
        layoutIssue(rel, 'file-name', `\`${id}\` is not a valid id (lowercase kebab-case ASCII, at most 120 characters)${better ? `: rename the file to ${better}.yaml` : ''}`),
      );
      return;
    }
    files.push({ kind, id, path: rel, abs, size: stats.size, mtimeMs: stats.mtimeMs, ...(folder === undefined ? {} : { folder }) });
  };

  const eventsDir = path.join(root, KIND_FOLDERS.event);
  for (const entry of listDir(eventsDir)) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      const yearDir = path.join(eventsDir, entry.name);
      if (!/^\d{4}$/.test(entry.name)) {
        issues.push(layoutIssue(`events/${entry.name}`, 'event-folder', `events/${entry.name} is not a year folder: event records live in events/<YYYY>/`));
        continue;
      }
      for (const file of listDir(yearDir)) {
        if (file.isFile() || file.isSymbolicLink()) addFile('event', yearDir, `events/${entry.name}`, file, entry.name);
      }
    } else if (entry.name.endsWith('.yaml') || entry.name.endsWith('.yml')) {
      issues.push(layoutIssue(`events/${entry.name}`, 'event-folder', `event records live in events/<YYYY>/: move ${entry.name} into the folder of its start year`));
    }
  }
  for (const kind of ['person', 'organization'] as const) {
    const dir = path.join(root, KIND_FOLDERS[kind]);
    for (const entry of listDir(dir)) {
      if (entry.isFile() || entry.isSymbolicLink()) addFile(kind, dir, KIND_FOLDERS[kind], entry);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, issues };
}
