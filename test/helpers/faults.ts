import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A module for `node --import` that makes the Nth rename onto a file whose name ends with
 * `onto` (`.yaml` unless told) fail the way a crash or a full disk would: the process is
 * killed, or the rename throws. Loaded before hub, it reaches hub's own
 * `import { renameSync } from 'node:fs'` through syncBuiltinESMExports.
 */
export function renameFault(dir: string, fault: { nth: number; action: 'kill' | 'throw'; onto?: string }): string {
  const onto = fault.onto ?? '.yaml';
  const file = path.join(dir, `rename-fault-${fault.action}-${fault.nth}-${onto.replace(/[^a-z]/g, '')}.mjs`);
  const act = fault.action === 'kill' ? "process.kill(process.pid, 'SIGKILL')" : "throw Object.assign(new Error('disk full (forced)'), { code: 'ENOSPC' })";
  writeFileSync(
    file,
    `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const rename = fs.renameSync;
let count = 0;
fs.renameSync = (from, to) => {
  if (String(to).endsWith(${JSON.stringify(onto)}) && ++count === ${fault.nth}) ${act};
  return rename(from, to);
};
syncBuiltinESMExports();
`,
  );
  return file;
}
