// The import benchmark: 50,000 generated contacts through our import path (parse,
// normalise, dedupe, chunked transactions, search projection) against raw
// IndexedDB puts in one transaction and Dexie's bulkPut, in Chromium, same run.
// `benchImport` adds `results.import`; `node bench/import.mjs` runs it alone.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const COUNT = 50_000;
const PAGE_BUNDLE = 'bench/.build/import.js';

export async function benchImport({ browser, site, results }) {
  console.log('Import: bundling the bench page…');
  await build({
    entryPoints: ['bench/import-bench.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    outfile: PAGE_BUNDLE,
    logLevel: 'error',
  });
  console.log(`Import: ${COUNT} contacts — ours, raw IndexedDB, Dexie…`);
  const page = await browser.newPage();
  try {
    // Any page of the local site: it gives the bench an origin with IndexedDB.
    await page.goto(`${site.base}/tests/fixtures/site/empty.html`);
    await page.addScriptTag({ path: PAGE_BUNDLE });
    results.import = await page.evaluate(
      (count) => window.clienteleImportBench.measure(count),
      COUNT,
    );
  } finally {
    await page.close();
  }
  return results.import;
}

const round = (value, digits = 2) =>
  typeof value === 'number' ? Number(value.toFixed(digits)) : value;

export function printImport(r) {
  console.log(
    `\nImport of ${r.contacts} contacts, median of ${r.rounds} rounds (budget: ≥ 0.8× raw IndexedDB, ≥ 1× Dexie bulkPut):`,
  );
  console.table({
    'raw IndexedDB puts (one transaction)': { ms: round(r.rawMs, 0), 'records/s': r.rawPerSecond },
    'Dexie bulkPut': { ms: round(r.dexieMs, 0), 'records/s': r.dexiePerSecond },
    'ours (dedupe, skip duplicates)': { ms: round(r.oursMs, 0), 'records/s': r.oursPerSecond },
    'ours (dedupe, merge duplicates)': {
      ms: round(r.oursMergeMs, 0),
      'records/s': r.oursMergePerSecond,
    },
  });
  console.log(`every run, ms: ${JSON.stringify(r.samplesMs)}`);
  console.log(
    `ours ÷ raw throughput ${round(r.oursVsRaw)} · ours ÷ Dexie ${round(r.oursVsDexie)} · merge mode ÷ raw ${round(r.oursMergeVsRaw)} · merge mode ÷ Dexie ${round(r.oursMergeVsDexie)}; ` +
      `${r.created} stored, ${r.searchRows} search rows; parsing + normalising alone ${round(r.buildMs, 0)} ms; ` +
      `one rewrite of the whole search projection ${round(r.projectionRewriteMs, 0)} ms (a chunk rewrites the one bucket its new parties share); a read during an import (one more run, not timed) waited p50 ${round(r.readerWaitP50Ms, 1)} ms, at most ${round(r.readerWaitMaxMs, 0)} ms`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runStandalone } = await import('./standalone.mjs');
  await runStandalone('import', benchImport, printImport);
}
