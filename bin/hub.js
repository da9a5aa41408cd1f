#!/usr/bin/env node
// A tiny shim: everything lives in the compiled program, loaded as late as possible.
import { main } from '../dist/cli/main.js';

// A reader that stops early (`hub events | head`) closes the pipe: stop quietly, as cat does,
// instead of dying on the unhandled write error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2));
