import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderRecord, schemaModeline } from '../core/canonical.js';
import { parsePartialDate } from '../core/dates.js';
import { DataError } from '../core/errors.js';
import { checkNesting } from '../core/guards.js';
import { firstFreeId } from '../core/ids.js';
import { recordPath, type Plan, type PlannedRecord } from '../core/new-records.js';
import { parseYaml } from '../core/parse.js';
import { nameKey } from '../core/text.js';
import { removeLeftoverTemps, writeFileAtomic } from '../core/write-file.js';
import { withArchiveLock, type LockOptions } from './lock.js';
import { syncIndex, type SyncReport } from './sync.js';

export interface SavedRecord {
  kind: PlannedRecord['kind'];
  id: string;
  /** Inside the archive, with forward slashes. */
  path: string;
  /** False for a registry record another writer added meanwhile under the same name: reused, not written. */
  written: boolean;
}

export interface SaveResult {
  saved: SavedRecord[];
  notes: string[];
  report: SyncReport;
}

/**
 * Writes a plan's records and brings the index up to date, all under the archive's lock.
 * Ids are checked again here, against the files on disk: another writer may have taken
 * one since the plan was made. Each file is written whole (temporary file, fsync, rename).
 */
export async function saveRecords(root: string, plan: Plan, options: { lock?: LockOptions } = {}): Promise<SaveResult> {
  return withArchiveLock(
    root,
    async () => {
      const notes: string[] = [];
      const saved: SavedRecord[] = [];
      const renamed = new Map<string, string>();
      const records = plan.records.map((r) => ({ ...r, data: structuredClone(r.data) }));
      const primary = records.at(-1)!;
      for (const record of records) {
        if (record === primary) rewriteRefs(record.data, renamed);
        const outcome = claimId(root, record);
        if (outcome.reuse) {
          renamed.set(`${record.kind}:${record.id}`, outcome.id);
          saved.push({ kind: record.kind, id: outcome.id, path: recordPath(record.kind, outcome.id, record.data), written: false });
          continue;
        }
        if (outcome.id !== record.id) {
          notes.push(`another writer took \`${record.id}\` a moment ago: this ${record.kind === 'organization' ? 'organisation' : record.kind} gets \`${outcome.id}\``);
          renamed.set(`${record.kind}:${record.id}`, outcome.id);
          record.id = outcome.id;
        }
        const rel = recordPath(record.kind, record.id, record.data);
        const abs = path.join(root, rel);
        mkdirSync(path.dirname(abs), { recursive: true });
        removeLeftoverTemps(path.dirname(abs));
        writeFileAtomic(abs, renderRecord(record.kind, record.data, schemaModeline(root, record.kind, abs)));
        saved.push({ kind: record.kind, id: record.id, path: rel, written: true });
      }
      const { db, report } = await syncIndex(root, options.lock ? { lock: options.lock } : {});
      db.close();
      return { saved, notes, report };
    },
    options.lock,
  );
}

type Claim = { id: string; reuse: boolean };

function claimId(root: string, record: PlannedRecord): Claim {
  const fileOf = (id: string) => path.join(root, recordPath(record.kind, id, record.data));
  if (!existsSync(fileOf(record.id))) return { id: record.id, reuse: false };
  const rel = recordPath(record.kind, record.id, record.data);
  if (record.fixedId) throw new DataError(`${rel} was written by another process a moment ago: nothing was written`, 'choose another --id, or check that record');
  const existing = readData(fileOf(record.id));
  if (record.kind === 'event') {
    const sameStart = parsePartialDate(existing?.start)?.text === parsePartialDate(record.data.start)?.text;
    if (sameStart && typeof existing?.title === 'string' && nameKey(existing.title) === nameKey(String(record.data.title))) {
      throw new DataError(`this event was recorded as ${rel} by another process a moment ago: nothing was written`, 'check that record; give an --id to record another event with the same title and date');
    }
  } else if (typeof existing?.name === 'string' && nameKey(existing.name) === nameKey(String(record.data.name))) {
    return { id: record.id, reuse: true };
  }
  return { id: firstFreeId(record.id, (id) => existsSync(fileOf(id))), reuse: false };
}

function readData(file: string): Record<string, unknown> | undefined {
  try {
    const parsed = parseYaml(readFileSync(file, 'utf8'), checkNesting);
    return parsed.ok && typeof parsed.data === 'object' && parsed.data !== null ? (parsed.data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Points the event at registry records whose ids changed while it waited for the lock. */
function rewriteRefs(event: Record<string, unknown>, renamed: Map<string, string>): void {
  if (renamed.size === 0) return;
  const org = (ref: unknown) => (typeof ref === 'string' ? (renamed.get(`organization:${ref}`) ?? ref) : ref);
  for (const key of ['organizers', 'partners']) if (Array.isArray(event[key])) event[key] = (event[key] as unknown[]).map(org);
  for (const key of ['speakers', 'presentations']) {
    for (const item of Array.isArray(event[key]) ? (event[key] as unknown[]) : []) {
      if (typeof item !== 'object' || item === null) continue;
      const entry = item as Record<string, unknown>;
      if (entry.organization !== undefined) entry.organization = org(entry.organization);
      if (key === 'speakers' && typeof entry.person === 'string') entry.person = renamed.get(`person:${entry.person}`) ?? entry.person;
    }
  }
}
