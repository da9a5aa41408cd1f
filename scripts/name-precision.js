// How often `hub lint` would pair two different people: on generated distinct names, every
// pair it raises is a false one. Prints the rate; the issue asks for under 1%.
import { performance } from 'node:perf_hooks';
import { blockingKeys, compareNames } from '../dist/core/lint/person-names.js';
import { distinctNames } from './name-corpus.js';

export function measurePrecision(count = 3000, seed = 1) {
  const names = distinctNames(count, seed);
  const started = performance.now();
  const blocks = new Map();
  names.forEach((name, i) => {
    for (const key of blockingKeys(name)) (blocks.get(key) ?? blocks.set(key, []).get(key)).push(i);
  });
  const seen = new Set();
  const pairs = [];
  for (const members of blocks.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const key = `${members[x]}:${members[y]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const match = compareNames(names[members[x]], names[members[y]]);
        if (match) pairs.push({ a: names[members[x]], b: names[members[y]], ...match });
      }
    }
  }
  return { names: names.length, compared: seen.size, falsePairs: pairs.length, rate: pairs.length / names.length, ms: performance.now() - started, pairs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = measurePrecision(Number(process.env.NAMES ?? 3000));
  console.log(`likely-same-person on ${result.names} distinct generated names: ${result.falsePairs} false pairs (${(result.rate * 100).toFixed(2)}% of names; target under 1%), ${result.compared} pairs compared, ${Math.round(result.ms)} ms`);
  for (const p of result.pairs.slice(0, 20)) console.log(`  ${p.a}  ~  ${p.b}  (${p.reason}, ${p.confidence})`);
}
