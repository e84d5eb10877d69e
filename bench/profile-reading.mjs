// `node bench/profile-reading.mjs [cards]`: the vCard reader in Node, beside
// ical.js alone parsing the same 3.0/4.0 cards, in alternating rounds (RUNS, 5 by
// default), with medians and ratios, in CPU time. `node --cpu-prof bench/profile-reading.mjs`
// writes a CPU profile of the same work. The browser figures are `bench/files.mjs`.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const count = Number(process.argv[2] ?? 50_000);
const runs = Number(process.env.RUNS ?? 5);
const outfile = resolve('bench/.build/profile-reading.mjs');

await build({
  entryPoints: ['bench/profile-reading.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  logLevel: 'error',
});
const { prepare, round } = await import(pathToFileURL(outfile).href);

const files = prepare(count);
round(prepare(500)); // warm both readers a little, as a page would be
const rounds = [];
for (let i = 0; i < runs; i++) rounds.push(round(files));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (key) => Math.round(median(rounds.map((r) => r[key])));
const ratio = (key) => Number(median(rounds.map((r) => r[key] / r.icalMs)).toFixed(2));
console.table(
  rounds.map((r) => ({
    'ical.js CPU ms': Math.round(r.icalMs),
    '3.0/4.0 CPU ms': Math.round(r.modernMs),
    'mixed CPU ms': Math.round(r.mixedMs),
  })),
);
console.log(
  `${count} cards, CPU, median of ${runs}: ical.js ${ms('icalMs')} ms; ours 3.0/4.0 ${ms('modernMs')} ms ` +
    `(${ratio('modernMs')}×), mixed ${ms('mixedMs')} ms (${ratio('mixedMs')}× ical.js on the 3.0/4.0 cards)`,
);
