import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

/** What a listing says of an entry, without following links (as the addon's numbers). */
export const KIND = { other: 0, file: 1, dir: 2, link: 3, unreadable: 4 } as const;

export interface DirListing {
  /** Visible entries (names not starting with a dot), sorted by code unit as node:fs lists them. */
  readonly names: string[];
  /** The names joined by NUL, when the addon gave them so (see fromNative). */
  readonly joined?: string;
  kinds: ArrayLike<number>;
  /** Size and modification time (as Node's Stats.mtimeMs) of regular files; 0 for the rest. */
  sizes: Float64Array;
  mtimesMs: Float64Array;
}

type NativeListing = [names: string, kinds: Uint8Array, sizes: Float64Array, mtimesMs: Float64Array] | null;
interface ScanDirs {
  scanDirs(dirs: string[]): NativeListing[];
  /**
   * The same scan on threads of its own; finishScan waits for it and hands it over, once.
   * Given a prefix and a label a folder, it also digests the listing (see fingerprintArchive).
   */
  startScanDirs(dirs: string[], prefix?: Uint8Array, labels?: string[]): unknown;
  finishScan(handle: unknown): NativeListing[];
  /** The digest, as hex, or null where the addon leaves it to JavaScript; absent from older builds. */
  scanDigest?(handle: unknown): string | null;
}

let native: ScanDirs | null | undefined;

/**
 * The optional addon in native/scan-dir, or null. It is an optional dependency: where it
 * could not be built (no compiler, Windows) or HUB_NATIVE=0 is set, node:fs does the same
 * job more slowly, with identical results.
 */
function loadNative(): ScanDirs | null {
  if (native !== undefined) return native;
  native = null;
  if (process.env.HUB_NATIVE === '0') return native;
  try {
    const addon = createRequire(import.meta.url)('hub-scan-dir') as Partial<ScanDirs>;
    // An addon built from older sources (not rebuilt since a pull) lacks the later functions.
    if (typeof addon.scanDirs === 'function' && typeof addon.startScanDirs === 'function' && typeof addon.finishScan === 'function') native = addon as ScanDirs;
  } catch {
    // Not built here: the fallback below is correct, only slower.
  }
  return native;
}

/** Whether listings come from the native addon (the bench reports it). */
export function usesNativeScan(): boolean {
  return loadNative() !== null;
}

export interface ListOptions {
  /** false: list through node:fs even where the addon is built (tests compare the two). */
  native?: boolean;
}

const empty = (): DirListing => ({ names: [], kinds: [], sizes: new Float64Array(0), mtimesMs: new Float64Array(0) });

/**
 * Lists directories with the size and modification time of each regular file: one native
 * call for all of them when the addon is there (its threads share the directories). A
 * directory that cannot be read lists as empty, as a missing one does.
 */
export function listDirs(dirs: string[], options: ListOptions = {}): DirListing[] {
  const addon = options.native === false ? null : loadNative();
  if (!addon) return dirs.map(listWithNodeFs);
  return addon.scanDirs(dirs).map(fromNative);
}

/** A listing under way: `wait` gives what listDirs would have, and may be called once. */
export interface PendingDirListings {
  wait(): DirListing[];
  /**
   * SHA-1 (hex) of the digest's prefix, then of each folder's bytes (see listingBytes), where
   * the addon made it while listing; undefined where that is left to the caller.
   */
  digest(): string | undefined;
}

/** What a digest of the listings starts with, and the label each folder goes by in it. */
export interface DigestInput {
  prefix: Uint8Array;
  labels: string[];
}

/**
 * Starts listDirs on the addon's own threads and returns at once, so the caller can do other
 * work meanwhile; through node:fs the listing is made when it is waited for.
 */
export function startListingDirs(dirs: string[], options: ListOptions = {}, digest?: DigestInput): PendingDirListings {
  const addon = options.native === false ? null : loadNative();
  // An addon built before it could digest takes no more than the folders.
  const digests = digest !== undefined && typeof addon?.scanDigest === 'function';
  const handle = digests ? addon!.startScanDirs(dirs, digest.prefix, digest.labels) : addon?.startScanDirs(dirs);
  let collected = false;
  return {
    wait: () => {
      // Once, either way: the addon frees its listing as it hands it over.
      if (collected) throw new Error('this listing was already collected');
      collected = true;
      return addon ? addon.finishScan(handle).map(fromNative) : dirs.map(listWithNodeFs);
    },
    digest: () => (digests ? (addon!.scanDigest!(handle) ?? undefined) : undefined),
  };
}

/**
 * The bytes a digest of listings takes from one folder: its label and entry names, NUL
 * separated, then each entry's kind, size and modification time as stored. The addon
 * (native/scan-dir/digest.c) digests exactly these bytes.
 */
export function listingBytes(label: string, listing: DirListing): Uint8Array[] {
  const { kinds, sizes, mtimesMs } = listing;
  return [
    Buffer.from(`\0${label}\0${listing.joined ?? listing.names.join('\0')}\0`),
    kinds instanceof Uint8Array ? kinds : Uint8Array.from(kinds),
    new Uint8Array(sizes.buffer, sizes.byteOffset, sizes.byteLength),
    new Uint8Array(mtimesMs.buffer, mtimesMs.byteOffset, mtimesMs.byteLength),
  ];
}

/**
 * The addon gives the names as one string. A query on an unchanged archive only digests them
 * (see fingerprintArchive), so they are split into 12,000 strings only when something reads
 * them: splitting and joining them again cost about 3 ms of every query.
 */
function fromNative(result: NativeListing): DirListing {
  if (result === null || result[0] === '') return empty();
  const joined = result[0];
  let names: string[] | undefined;
  return {
    get names() {
      return (names ??= joined.split('\0'));
    },
    joined,
    kinds: result[1],
    sizes: result[2],
    mtimesMs: result[3],
  };
}

/** The same listing through node:fs: a Dirent per entry and a stat per regular file. */
export function listWithNodeFs(dir: string): DirListing {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.'));
  } catch {
    return empty();
  }
  const listing: DirListing & { kinds: number[] } = {
    names: entries.map((entry) => entry.name),
    kinds: [],
    sizes: new Float64Array(entries.length),
    mtimesMs: new Float64Array(entries.length),
  };
  entries.forEach((entry, i) => {
    let kind: number = entry.isFile() ? KIND.file : entry.isDirectory() ? KIND.dir : entry.isSymbolicLink() ? KIND.link : KIND.other;
    if (kind === KIND.file) {
      try {
        const stats = statSync(`${dir}/${entry.name}`);
        if (stats.isFile()) {
          listing.sizes[i] = stats.size;
          listing.mtimesMs[i] = stats.mtimeMs;
        } else {
          kind = KIND.other;
        }
      } catch {
        // Gone or forbidden since the listing: the caller stats it again to say which.
        kind = KIND.unreadable;
      }
    }
    listing.kinds.push(kind);
  });
  return listing;
}
