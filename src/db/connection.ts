import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appliedMigrations, canMigrate, migrate } from './migrations.js';

export type Db = Database.Database;

export function indexPath(root: string): string {
  return path.join(root, '.hub', 'index.sqlite');
}

export function removeIndex(root: string): void {
  const file = indexPath(root);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

export interface OpenedIndex {
  db: Db;
  /** True when the index was created (or recreated) empty by this call. */
  fresh: boolean;
}

/**
 * Opens the archive's index, creating or migrating it. The index is derived data: one that
 * is unreadable or was written by a newer hub is deleted and built again.
 */
export function openIndex(root: string, options: { rebuild?: boolean } = {}): OpenedIndex {
  const file = indexPath(root);
  mkdirSync(path.dirname(file), { recursive: true });
  if (options.rebuild) removeIndex(root);
  let db = tryOpen(file);
  if (!db) {
    removeIndex(root);
    db = tryOpen(file)!;
  }
  const applied = appliedMigrations(db);
  if (!canMigrate(applied)) {
    db.close();
    removeIndex(root);
    db = tryOpen(file)!;
  }
  const fresh = appliedMigrations(db).length === 0;
  migrate(db);
  return { db, fresh };
}

function tryOpen(file: string): Db | undefined {
  let db: Db | undefined;
  try {
    db = new Database(file, { timeout: 10_000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -32000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db?.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB' || (error as { code?: string }).code === 'SQLITE_CORRUPT') return undefined;
    throw error;
  }
}
