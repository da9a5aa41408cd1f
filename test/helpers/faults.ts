import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A module for `node --import` that makes the Nth rename onto a `.yaml` file fail the way a
 * crash or a full disk would: the process is killed, or the rename throws. Loaded before hub,
 * it reaches hub's own `import { renameSync } from 'node:fs'` through syncBuiltinESMExports.
 */
export function renameFault(dir: string, fault: { nth: number; action: 'kill' | 'throw' }): string {
  const file = path.join(dir, `rename-fault-${fault.action}-${fault.nth}.mjs`);
  const act = fault.action === 'kill' ? "process.kill(process.pid, 'SIGKILL')" : "throw Object.assign(new Error('disk full (forced)'), { code: 'ENOSPC' })";
  writeFileSync(
    file,
    `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const rename = fs.renameSync;
let count = 0;
fs.renameSync = (from, to) => {
  if (String(to).endsWith('.yaml') && ++count === ${fault.nth}) ${act};
  return rename(from, to);
};
syncBuiltinESMExports();
`,
  );
  return file;
}
