// npm run bench: builds deterministic synthetic archives and times hub's main passes end to
// end, as separate processes, beside the floors (starting Node, reading the files) and
// beside ajv-cli validating the same events. Prints a Markdown table.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateArchive } from './bench/generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const out = path.join(repo, 'bench-out');
const probe = path.join(here, 'bench', 'rss-probe.cjs');
const hubBin = path.join(repo, 'bin', 'hub.js');
const ajvBin = path.join(repo, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_LOAD=N: N busy loops run beside every measurement, each taking a core as another
// program would; how the targets fare when the machine is not hub's alone.
const load = Number(process.env.BENCH_LOAD ?? 0);
// Each loop stops by itself once the bench is gone, even if the bench was killed outright.
const busyLoop = `for (let i = 1; ; i++) if (i % 1e7 === 0) try { process.kill(${process.pid}, 0); } catch { process.exit(); }`;
const loops = Array.from({ length: load }, () => spawn(process.execPath, ['-e', busyLoop], { stdio: 'ignore' }));
// Unreferenced, so that they do not keep the bench alive once it has printed its table.
for (const loop of loops) loop.unref();
process.on('exit', () => loops.forEach((loop) => loop.kill()));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function measure(args, { before, unset = [] } = {}) {
  const env = { ...process.env, NO_COLOR: '1' };
  for (const name of unset) delete env[name];
  const walls = [];
  let peak = 0;
  let status = 0;
  for (let i = 0; i < runs; i++) {
    before?.(i);
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--require', probe, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env });
    walls.push(performance.now() - started);
    // The probe reports from every thread (workers inherit --require); each reports the process's peak.
    for (const match of (result.stderr ?? '').matchAll(/__MAXRSS_KB=(\d+)/g)) peak = Math.max(peak, Number(match[1]) / 1024);
    status = result.status ?? 1;
  }
  walls.sort((a, b) => a - b);
  return { ms: walls[Math.floor(walls.length / 2)], min: walls[0], mb: peak, status };
}

const rows = [];
for (const size of sizes) {
  const archive = path.join(out, `archive-${size}`);
  const quoted = path.join(out, `archive-${size}-quoted`);
  const info = generateArchive(archive, { events: size });
  generateArchive(quoted, { events: size, quoteDates: true });
  const label = `${size.toLocaleString('en')} events`;
  const row = (step, m, target = '') => rows.push({ label, step, ...m, target });
  process.stderr.write(`${label}: ${info.people} people (${info.registered} registered), ${info.organizations} organisations\n`);

  row('floor: node -e ""', measure(['-e', '']));
  // Node reads and parses these certificates as it starts, before any script runs: part of
  // every process's start where the variable is set (it is on the machine the README's
  // table comes from), and nothing hub does can avoid it.
  if (process.env.NODE_EXTRA_CA_CERTS) row('floor: node -e "" without NODE_EXTRA_CA_CERTS', measure(['-e', ''], { unset: ['NODE_EXTRA_CA_CERTS'] }));
  row('floor: read every file', measure([path.join(here, 'bench', 'read-files.js'), archive]));
  const validate = measure([hubBin, 'validate', '--archive', archive, '--quiet']);
  const ajv = measure([ajvBin, 'validate', '--spec=draft2020', '-s', path.join(repo, 'schemas/event.schema.json'), '-r', path.join(repo, 'schemas/defs.schema.json'),
    '-c', 'ajv-formats', '--all-errors', '--allow-union-types', '--strict-required=false', '-d', `${quoted}/events/**/*.yaml`]);
  row('hub validate (cold, every record and rule)', validate, `≤ ajv-cli (${Math.round(ajv.ms)} ms)`);
  row('peer: ajv-cli validate (events only)', ajv);
  row('hub index --rebuild (full build)', measure([hubBin, 'index', '--rebuild', '--archive', archive, '--quiet']), size === 10000 ? '≤ 2000 ms, < 300 MB' : '');
  row('hub index, nothing changed', measure([hubBin, 'index', '--archive', archive, '--quiet']), size === 10000 ? '< 250 ms' : '');
  // The first record in name order. Listed here, not by `find`, whose output outgrew spawnSync's
  // 1 MB buffer on a longer archive path and gave a truncated name.
  const firstYear = readdirSync(path.join(archive, 'events')).sort()[0];
  const someFile = path.join(archive, 'events', firstYear, readdirSync(path.join(archive, 'events', firstYear)).filter((f) => f.endsWith('.yaml')).sort()[0]);
  const original = readFileSync(someFile, 'utf8');
  row('hub index, one file changed', measure([hubBin, 'index', '--archive', archive, '--quiet'], { before: (i) => writeFileSync(someFile, original.replace(/^title: .*/m, `title: "Edited ${i}"`)) }));
  writeFileSync(someFile, original);
  measure([hubBin, 'index', '--archive', archive, '--quiet']);
  row('hub speakers --country KZ (end to end)', measure([hubBin, 'speakers', '--country', 'KZ', '--format', 'json', '--archive', archive, '--quiet']), size === 10000 ? '< 200 ms' : '');
  // Every query command, end to end (start, index check, query, JSON out).
  const person = readdirSync(path.join(archive, 'people')).sort()[0].replace(/\.yaml$/, '');
  const event = path.basename(someFile, '.yaml');
  const queries = [
    ['events'],
    ['events', '--year', '2020'],
    ['events', '--country', 'KZ', '--limit', '20'],
    ['events', '--speaker', person],
    ['events', '--topic', 'ethics', '--org', 'org-3'],
    ['speakers'],
    ['speakers', '--topic', 'ethics', '--year', '2021'],
    ['speakers', '--role', 'keynote', '--country', 'TR'],
    ['show', event],
    ['person', person],
    ['countries'],
    ['countries', '--year', '2020', '--lang', 'ru'],
    ['topics'],
    ['orgs'],
    ['search', 'trust'],
    ['search', 'Türkiye', '--year', '2020'],
  ];
  for (const args of queries) {
    row(`hub ${args.join(' ')}`, measure([hubBin, ...args, '--format', 'json', '--archive', archive, '--quiet']), size === 10000 ? '< 300 ms' : '');
  }
  for (const r of rows.filter((x) => x.label === label && x.status !== 0 && !x.step.startsWith('peer'))) process.stderr.write(`warning: "${r.step}" exited ${r.status}\n`);
}

const lines = [
  `| archive | step | wall ms (median of ${runs}) | fastest ms | peak MB | target |`,
  '| --- | --- | ---: | ---: | ---: | --- |',
  ...rows.map((r) => `| ${r.label} | ${r.step} | ${Math.round(r.ms)} | ${Math.round(r.min)} | ${r.mb.toFixed(0)} | ${r.target} |`),
];
// Which way the index check listed the folders: the optional addon, or node:fs (slower).
const { usesNativeScan } = await import('../dist/core/dir-stamps.js');
lines.push('', `folders listed by ${usesNativeScan() ? 'the native addon (native/scan-dir)' : 'node:fs (the native addon is not built here, or HUB_NATIVE=0)'}`);
if (load > 0) lines.push(`measured with ${load} busy loop${load === 1 ? '' : 's'} running beside (BENCH_LOAD=${load})`);
process.stdout.write(`${lines.join('\n')}\n`);
if (process.env.BENCH_LOG) appendFileSync(process.env.BENCH_LOG, `${lines.join('\n')}\n`);

// Not a timing: how often `hub lint` pairs two different people (every pair on distinct names is false).
const { measurePrecision } = await import('./name-precision.js');
const precision = measurePrecision(3000);
const precisionLine = `\nlint "likely same person" on ${precision.names} distinct generated names from many countries: ${precision.falsePairs} false pairs (${(precision.rate * 100).toFixed(2)}% of names; target under 1%)\n`;
process.stdout.write(precisionLine);
if (process.env.BENCH_LOG) appendFileSync(process.env.BENCH_LOG, precisionLine);
