// The floor for any full pass: list and read every record file, and do nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

let bytes = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (!entry.name.startsWith('.')) walk(full); }
    else if (entry.name.endsWith('.yaml')) bytes += readFileSync(full).length;
  }
};
walk(process.argv[2]);
process.stdout.write(`${bytes}\n`);
