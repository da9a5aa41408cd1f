import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migration-list.js';

export { MIGRATIONS };

/** True when an index with these migrations applied must be built again rather than migrated. */
export function needsRebuild(applied: string[]): boolean {
  return applied.length > 0 && MIGRATIONS.slice(applied.length).some((m) => m.rebuild);
}

/** Refills the full-text index from its content table (after a bulk load without triggers). */
export function rebuildFullText(db: Database): void {
  db.exec("INSERT INTO search(search) VALUES ('rebuild')");
}

export function appliedMigrations(db: Database): string[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get();
  if (!exists) return [];
  return (db.prepare('SELECT name FROM migrations ORDER BY rowid').all() as Array<{ name: string }>).map((r) => r.name);
}

/** True when the index's history is a prefix of ours, so pending migrations can be applied. */
export function canMigrate(applied: string[]): boolean {
  return applied.every((name, i) => MIGRATIONS[i]?.name === name);
}

export function migrate(db: Database): string[] {
  if (appliedMigrations(db).length === MIGRATIONS.length) return [];
  let pending: Migration[] = [];
  db.transaction(() => {
    // Read again inside the write lock: another process may have migrated meanwhile.
    pending = MIGRATIONS.slice(appliedMigrations(db).length);
    if (pending.length === 0) return;
    db.exec('CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const record = db.prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)');
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.name, new Date().toISOString());
    }
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
  return pending.map((m) => m.name);
}
