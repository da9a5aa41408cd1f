#!/usr/bin/env node
'use strict';
// A tiny shim: everything lives in the compiled program, bundled into one CommonJS file
// (scripts/bundle.js) and loaded as late as possible. This folder's package.json makes this
// file CommonJS too: Node 20 then starts without its ES module loader.

// Stack traces for --debug name the compiled modules' lines, not the bundle's.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

// A reader that stops early (`hub events | head`) closes the pipe: stop quietly, as cat does,
// instead of dying on the unhandled write error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const argv = process.argv.slice(2);
// A query's listing of the archive starts now, on the native addon's threads, and runs while
// the program loads (src/cli/early-listing.ts).
const listing = require('../dist/bundle/early.cjs').startEarlyListing(argv);

require('../dist/bundle/hub.cjs')
  .main(argv, undefined, listing)
  .then((code) => {
    process.exitCode = code;
  });
