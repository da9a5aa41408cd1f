import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { KIND, listDirs, listingBytes, startListingDirs, type DirListing, type ListOptions } from './dir-stamps.js';
import { DataError } from './errors.js';
import { loadCrypto } from './load-crypto.js';
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
  /**
   * Record files that a name or place keeps out of the archive (`Some_Body.yaml`, `x.yml`,
   * an event outside a year folder): not records, but `hub validate` checks what they hold,
   * so that renaming one does not reveal a second round of problems.
   */
  misplaced: ArchiveFile[];
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

/** A folder that holds record files, with its listing. */
export interface RecordFolder {
  kind: RecordKind;
  /** Path inside the archive: events/2024, people, organizations. */
  rel: string;
  abs: string;
  /** For events: the year the folder is named for. */
  year?: string;
  listing: DirListing;
}

/** What the archive's folders hold, with every file's size and modification time. */
export interface ArchiveListing {
  /** events/ itself: its year folders, and any files put there by mistake. */
  events: DirListing;
  /** events/<year>/ folders in order of year, then organizations/ and people/. */
  folders: RecordFolder[];
  /** fingerprintArchive's answer, where the addon worked it out while listing. */
  digest?: string;
}

const YEAR_FOLDER = /^\d{4}$/;

/**
 * Lists every record folder with the size and modification time of each file, without
 * reading any: an index check costs one stat a file, made natively when the addon is
 * built (see dir-stamps.ts). A link is stamped with what it points to, so editing the
 * target is seen as a change.
 */
export function listArchive(root: string, options: ListOptions = {}): ArchiveListing {
  return startListingArchive(root, options).wait();
}

/** A listing of the archive under way (see startListingArchive). */
export interface PendingArchiveListing {
  /** The archive whose folders are being listed. */
  readonly root: string;
  /** What listArchive would have given, once. */
  wait(): ArchiveListing;
}

/**
 * Starts listing the archive and returns at once: events/ is listed here (a folder a year),
 * the year folders and registries on the addon's threads while the caller goes on (a query
 * loads SQLite and opens the index meanwhile). Through node:fs all of it waits for `wait`.
 */
export function startListingArchive(root: string, options: ListOptions = {}): PendingArchiveListing {
  const eventsDir = path.join(root, KIND_FOLDERS.event);
  const [events] = listDirs([eventsDir], options) as [DirListing];
  const folders: Array<Omit<RecordFolder, 'listing'>> = [];
  events.names.forEach((name, i) => {
    if (events.kinds[i] === KIND.dir && YEAR_FOLDER.test(name)) folders.push({ kind: 'event', rel: `events/${name}`, abs: path.join(eventsDir, name), year: name });
  });
  for (const kind of ['organization', 'person'] as const) folders.push({ kind, rel: KIND_FOLDERS[kind], abs: path.join(root, KIND_FOLDERS[kind]) });
  // The addon digests the folders as fingerprintArchive would, after what is known here.
  const prefix = Buffer.concat(fingerprintPrefix(events));
  const pending = startListingDirs(folders.map((folder) => folder.abs), options, { prefix, labels: folders.map((folder) => folder.rel) });
  return {
    root,
    wait: () => {
      const listed = stampLinks(events, folders, pending.wait());
      const digest = pending.digest();
      return digest === undefined ? listed : { ...listed, digest };
    },
  };
}

function stampLinks(events: DirListing, folders: Array<Omit<RecordFolder, 'listing'>>, listings: DirListing[]): ArchiveListing {
  return {
    events,
    folders: folders.map((folder, f) => {
      const listing = listings[f]!;
      // By kind, so that names are only split where there is a link to stamp (see fromNative).
      for (let i = 0; i < listing.kinds.length; i++) {
        if (listing.kinds[i] !== KIND.link) continue;
        try {
          const stats = statSync(folder.abs + path.sep + listing.names[i]);
          if (!stats.isFile()) continue;
          listing.sizes[i] = stats.size;
          listing.mtimesMs[i] = stats.mtimeMs;
        } catch {
          // Dangling, looping or forbidden: scanArchive reports it, and its stamps stay 0.
        }
      }
      return { ...folder, listing };
    }),
  };
}

/** How many files (or links) the record folders hold: what a full pass would read. */
export function countListedFiles(listed: ArchiveListing): number {
  let count = 0;
  for (const { listing } of listed.folders) {
    for (let i = 0; i < listing.kinds.length; i++) if (listing.kinds[i] === KIND.file || listing.kinds[i] === KIND.link) count++;
  }
  return count;
}

/** What a fingerprint begins with: its version (a new way of making it changes this), then events/ itself. */
function fingerprintPrefix(events: DirListing): Uint8Array[] {
  return [Buffer.from('listing-1'), ...listingBytes('events', events)];
}

/**
 * A digest of the record folders' listings: every entry's name and kind, and each file's
 * size and modification time, in listing order. Any change to a record file changes it; a
 * change to another file there (a README) only costs a closer look that finds nothing. The
 * addon usually made it already, on its own thread, from the same bytes.
 */
export function fingerprintArchive(listed: ArchiveListing): string {
  if (listed.digest !== undefined) return listed.digest;
  const hash = loadCrypto().createHash('sha1');
  for (const bytes of fingerprintPrefix(listed.events)) hash.update(bytes);
  for (const folder of listed.folders) for (const bytes of listingBytes(folder.rel, folder.listing)) hash.update(bytes);
  return hash.digest('hex');
}

/**
 * The record files with their size and modification time, from a listing of the archive,
 * and the files in the wrong place or with a name that cannot be an id. Entries that
 * escape the archive through a link are refused: ids never point outside the archive.
 */
export function scanArchive(root: string, listed: ArchiveListing = listArchive(root)): ScanResult {
  const files: ArchiveFile[] = [];
  const issues: PathIssue[] = [];
  const misplaced: ArchiveFile[] = [];
  let realRoot: string | undefined;

  const addFile = (folder: RecordFolder, i: number) => {
    const { listing } = folder;
    const name = listing.names[i]!;
    const rel = `${folder.rel}/${name}`;
    const yml = name.endsWith('.yml');
    if (!yml && !name.endsWith('.yaml')) return;
    const abs = folder.abs + path.sep + name;
    let size = listing.sizes[i]!;
    let mtimeMs = listing.mtimesMs[i]!;
    if (listing.kinds[i] !== KIND.file) {
      try {
        if (listing.kinds[i] === KIND.link) {
          realRoot ??= realpathSync(root);
          const target = realpathSync(abs);
          if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
            issues.push(layoutIssue(rel, 'file-name', `${name} is a link to a file outside the archive: records must live inside it`));
            return;
          }
        }
        const stats = statSync(abs);
        if (!stats.isFile()) return;
        size = stats.size;
        mtimeMs = stats.mtimeMs;
      } catch (error) {
        issues.push(layoutIssue(rel, 'unreadable', `cannot read ${name}: ${(error as Error).message}`));
        return;
      }
    }
    const id = name.slice(0, name.lastIndexOf('.'));
    const file: ArchiveFile = { kind: folder.kind, id, path: rel, abs, size, mtimeMs };
    if (folder.year !== undefined) file.folder = folder.year;
    if (yml) {
      issues.push(layoutIssue(rel, 'file-name', `record files end in .yaml: rename ${name} to ${id}.yaml`));
      misplaced.push(file);
    } else if (!isValidId(id)) {
      const better = slugify(id);
      issues.push(
        layoutIssue(rel, 'file-name', `\`${id}\` is not a valid id (lowercase kebab-case ASCII, at most 120 characters)${better ? `: rename the file to ${better}.yaml` : ''}`),
      );
      misplaced.push(file);
    } else {
      files.push(file);
    }
  };

  const { events } = listed;
  events.names.forEach((name, i) => {
    if (events.kinds[i] === KIND.dir) {
      if (!YEAR_FOLDER.test(name)) issues.push(layoutIssue(`events/${name}`, 'event-folder', `events/${name} is not a year folder: event records live in events/<YYYY>/`));
    } else if (name.endsWith('.yaml') || name.endsWith('.yml')) {
      issues.push(layoutIssue(`events/${name}`, 'event-folder', `event records live in events/<YYYY>/: move ${name} into the folder of its start year`));
      // A regular file (a link is not followed here): its content is checked all the same.
      if (events.kinds[i] === KIND.file) {
        const stem = name.slice(0, name.lastIndexOf('.'));
        misplaced.push({ kind: 'event', id: stem, path: `events/${name}`, abs: path.join(root, 'events', name), size: events.sizes[i]!, mtimeMs: events.mtimesMs[i]! });
      }
    }
  });
  for (const folder of listed.folders) {
    const { kinds } = folder.listing;
    for (let i = 0; i < kinds.length; i++) {
      if (kinds[i] === KIND.file || kinds[i] === KIND.link || kinds[i] === KIND.unreadable) addFile(folder, i);
    }
  }
  const byPath = (a: ArchiveFile, b: ArchiveFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files: files.sort(byPath), issues, misplaced: misplaced.sort(byPath) };
}
