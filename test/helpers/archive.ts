import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

export const BUNDLED_ARCHIVE = path.resolve(import.meta.dirname, '../../archive');

/** Every .yaml file under a folder (hidden entries skipped), as absolute paths. */
export function listYaml(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name.startsWith('.')) return [];
    if (statSync(full).isDirectory()) return listYaml(full);
    return name.endsWith('.yaml') ? [full] : [];
  });
}

/** A temporary folder, removed when the test file ends. */
export function tempDir(prefix = 'hub-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Builds an archive from a file tree: { 'events/2024/x.yaml': '...' }. Always has events/. */
export function makeArchive(tree: Record<string, string | Uint8Array>): string {
  const root = path.join(tempDir(), 'archive');
  mkdirSync(path.join(root, 'events'), { recursive: true });
  mkdirSync(path.join(root, 'people'), { recursive: true });
  mkdirSync(path.join(root, 'organizations'), { recursive: true });
  for (const [file, content] of Object.entries(tree)) writeFile(root, file, content);
  return root;
}

export function writeFile(root: string, file: string, content: string | Uint8Array): void {
  const target = path.join(root, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/** A copy of the bundled archive without its index, so tests never touch the real one. */
export function copyBundledArchive(): string {
  const root = path.join(tempDir(), 'archive');
  cpSync(BUNDLED_ARCHIVE, root, { recursive: true, filter: (src) => !src.includes(`${path.sep}.hub`) });
  // Beside it, as in the repository, so the records' `$schema` lines point somewhere.
  cpSync(path.join(BUNDLED_ARCHIVE, '..', 'schemas'), path.join(root, '..', 'schemas'), { recursive: true });
  return root;
}

/** A small valid event record. */
export function eventYaml(fields: Record<string, string> = {}): string {
  const base: Record<string, string> = { title: 'A test event', type: 'webinar', start: '2024-03-05', ...fields };
  return Object.entries(base)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n') + '\n';
}
