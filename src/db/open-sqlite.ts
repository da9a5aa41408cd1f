import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let binding: string | undefined;

/*
 * better-sqlite3 finds its compiled addon through the `bindings` package, which works out
 * the package's folder from a stack trace and then tries a dozen paths: about 1.5 ms of every
 * command here, and wrong once better-sqlite3's JavaScript is bundled into hub's (scripts/
 * bundle.js), where the stack names hub's file. npm's install puts the addon in
 * build/Release; anywhere else, `bindings` looks from better-sqlite3's own folder.
 */
function findBinding(): string {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('better-sqlite3/package.json'));
  const release = path.join(root, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(release)) return release;
  const bindings = createRequire(path.join(root, 'package.json'))('bindings') as (options: object) => string;
  return bindings({ bindings: 'better_sqlite3.node', module_root: root, path: true });
}

/** A better-sqlite3 connection, with its addon found once per process. */
export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  binding ??= findBinding();
  return new Database(file, { ...options, nativeBinding: binding });
}
