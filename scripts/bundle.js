// Bundles the compiled program (dist/cli, dist/core, dist/db) into three CommonJS files:
// dist/bundle/hub.cjs, which bin/hub.js loads; dist/bundle/early.cjs, which it loads first to
// start listing the archive (src/cli/early-listing.ts); and dist/bundle/parse-worker.cjs,
// which the worker threads of a large pass run. Every command is a new process, and Node 20 loads
// CommonJS without its ES module loader, and one file without resolving and linking some
// forty: `hub speakers --country KZ` on 10,000 events went from 157 to 138 ms (median of 31
// round-robin runs). The source stays ES modules; packages are not bundled but required
// from node_modules as before, so what loads lazily still does, except the two every command
// loads: commander and better-sqlite3's JavaScript (its compiled addon still loads from
// node_modules; src/db/open-sqlite.ts finds it). Each was some ten small files to resolve,
// read and compile one by one: `hub speakers --country KZ` went from 123 to 117 ms (median
// of 41 round-robin runs, with better-sqlite3 handed its addon's path).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = (rel) => fileURLToPath(new URL(`../${rel}`, import.meta.url));
const pkg = JSON.parse(readFileSync(root('package.json'), 'utf8'));
const bundled = new Set(['commander', 'better-sqlite3']);
const packages = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})].filter((name) => !bundled.has(name));

await build({
  entryPoints: { hub: root('dist/cli/main.js'), early: root('dist/cli/early-listing.js'), 'parse-worker': root('dist/core/parse-worker.js') },
  outdir: root('dist/bundle'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // better-sqlite3 requires `bindings` only when not handed its addon, which hub always does.
  external: [...packages, ...packages.map((name) => `${name}/*`), 'bindings'],
  // Modules find files beside them through import.meta.url (../../package.json, the schemas,
  // the worker): the bundle sits two folders deep, as they did, so the same paths hold.
  define: { 'import.meta.url': '__hubModuleUrl' },
  banner: { js: "const __hubModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // For `--debug`, which turns source maps on (bin/hub.js): stack traces name dist/ lines.
  sourcemap: true,
  logLevel: 'warning',
});
