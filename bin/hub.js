#!/usr/bin/env node
// A tiny shim: everything lives in the compiled program, loaded as late as possible.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
