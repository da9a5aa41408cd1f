import type Database from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { DataError } from '../core/errors.js';
import { describeHolder, type LockHolder } from '../core/lock-holder.js';
import { writeFileAtomic } from '../core/write-file.js';
import { openSqlite } from './open-sqlite.js';

/*
 * One writer at a time per archive. The lock is an exclusive transaction on a small SQLite
 * file: the operating system's file lock underneath is released when its process ends, however
 * it ends, so a crashed or killed hub never leaves a stale lock to clean up by hand. Who holds
 * it is written beside it, for the message a waiting writer prints.
 */

export type { LockHolder };

export interface LockOptions {
  /** How long to wait for another writer; default $HUB_LOCK_TIMEOUT seconds, else 20 s. */
  timeoutMs?: number;
  /** What this process is doing, for the message another writer would see. */
  command?: string;
  /** Called once when the lock is held by someone else and this process starts waiting. */
  onWait?: (holder: LockHolder | undefined) => void;
}

const FIRST_TRY_MS = 250;
const held = new Map<string, { db: Database.Database; depth: number }>();

export class ArchiveLockedError extends DataError {
  constructor(
    readonly holder: LockHolder | undefined,
    waitedMs: number,
  ) {
    super(
      `the archive is locked by another hub${holder ? ` (${describeHolder(holder)})` : ''}; waited ${Math.round(waitedMs / 1000)} s`,
      'wait for it to finish and run this again (the lock ends with that process; raise HUB_LOCK_TIMEOUT to wait longer)',
    );
  }
}

function lockFiles(root: string): { lock: string; holder: string } {
  const dir = path.join(root, '.hub');
  return { lock: path.join(dir, 'lock.sqlite'), holder: path.join(dir, 'lock-holder.json') };
}

function defaultTimeout(): number {
  const seconds = Number(process.env.HUB_LOCK_TIMEOUT);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 20_000;
}

/** Takes the archive's write lock (re-entrant within a process) and returns its release. */
export function acquireArchiveLock(root: string, options: LockOptions = {}): () => void {
  const key = path.resolve(root);
  const current = held.get(key);
  if (current) {
    current.depth++;
    return once(() => release(key));
  }
  const files = lockFiles(root);
  mkdirSync(path.dirname(files.lock), { recursive: true });
  const timeout = options.timeoutMs ?? defaultTimeout();
  const started = Date.now();
  const db = openSqlite(files.lock, { timeout: Math.min(FIRST_TRY_MS, timeout) });
  try {
    if (!tryBegin(db)) {
      options.onWait?.(readHolder(files.holder));
      db.pragma(`busy_timeout = ${Math.max(0, timeout - (Date.now() - started))}`);
      if (!tryBegin(db)) throw new ArchiveLockedError(readHolder(files.holder), Date.now() - started);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  held.set(key, { db, depth: 1 });
  const holder: LockHolder = { pid: process.pid, host: hostname(), command: options.command ?? 'hub', since: new Date().toISOString() };
  try {
    writeFileAtomic(files.holder, `${JSON.stringify(holder)}\n`);
  } catch {
    // Only the message a waiting writer prints needs it.
  }
  return once(() => release(key));
}

/** Runs `work` holding the archive's write lock. */
export async function withArchiveLock<T>(root: string, work: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = acquireArchiveLock(root, options);
  try {
    return await work();
  } finally {
    release();
  }
}

function tryBegin(db: Database.Database): boolean {
  try {
    db.exec('BEGIN EXCLUSIVE');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  }
}

function release(key: string): void {
  const current = held.get(key);
  if (!current) return;
  if (--current.depth > 0) return;
  held.delete(key);
  rmSync(lockFiles(key).holder, { force: true });
  try {
    current.db.exec('ROLLBACK');
  } finally {
    current.db.close();
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid === 'number' && typeof data.since === 'string') return { pid: data.pid, host: data.host ?? '', command: data.command ?? 'hub', since: data.since };
  } catch {
    // Written a moment after the lock is taken, removed a moment before it is released.
  }
  return undefined;
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
