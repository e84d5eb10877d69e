// The delete benchmark: 5,000 parties (10,000 records with their interactions)
// deleted in one action and undone, against raw IndexedDB deleting and putting
// back the same keys, in Chromium, same run. The work runs in a worker, as it runs
// in the background; the page that asks times its own longest task. With sync off
// (no account, the default) and on (every change queued for the server).
// `node bench/delete.mjs` runs it alone. With `BASELINE=<dir>` (a checkout of another
// version), the same worker built over that version's lib runs in the same rounds.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const COUNT = 5000;
const PAGE_BUNDLE = 'bench/.build/delete-page.js';
const WORKER_BUNDLE = 'bench/.build/delete-worker.js';
const BASELINE_BUNDLE = 'bench/.build/delete-worker-baseline.js';
const BASELINE = process.env.BASELINE;
const ROUNDS = 3;

export async function benchDelete({ browser, site, results }) {
  console.log('Delete: bundling the bench page and worker…');
  for (const [entry, outfile] of [
    ['bench/delete-page.ts', PAGE_BUNDLE],
    ['bench/delete-bench.ts', WORKER_BUNDLE],
  ])
    await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'iife',
      outfile,
      logLevel: 'error',
    });
  if (BASELINE)
    // This bench's worker, its imports of lib/ read from the baseline's checkout.
    await build({
      stdin: {
        contents: readFileSync('bench/delete-bench.ts', 'utf8'),
        resolveDir: resolve(BASELINE, 'bench'),
        sourcefile: 'delete-bench.ts',
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'iife',
      // Packages from this checkout when the baseline has none installed.
      nodePaths: [resolve('node_modules')],
      outfile: BASELINE_BUNDLE,
      logLevel: 'error',
    });
  console.log(`Delete: ${COUNT} parties and their interactions — raw IndexedDB, ours…`);
  const page = await browser.newPage();
  try {
    await page.goto(`${site.base}/tests/fixtures/site/empty.html`);
    await page.addScriptTag({ path: PAGE_BUNDLE });
    results.delete = await page.evaluate(
      ([workerUrl, count, rounds, baselineUrl]) =>
        window.clienteleDeleteBench.measure(workerUrl, count, rounds, baselineUrl),
      [
        `${site.base}/${WORKER_BUNDLE}`,
        COUNT,
        ROUNDS,
        BASELINE ? `${site.base}/${BASELINE_BUNDLE}` : undefined,
      ],
    );
  } finally {
    await page.close();
  }
  return results.delete;
}

const round = (value, digits = 2) =>
  typeof value === 'number' ? Number(value.toFixed(digits)) : value;

export function printDelete(r) {
  console.log(
    `\nDelete and undo of ${r.parties} parties (${r.records} records), in a worker, median of ${r.rounds} rounds (budget: ≥ 0.5× raw IndexedDB; no task over 50 ms in the page that asked):`,
  );
  const row = (ms, vsRaw, pageMs) => ({
    ms: round(ms, 0),
    'raw ÷ ours': vsRaw === undefined ? '' : round(vsRaw),
    'page: longest task, ms': round(pageMs, 0),
  });
  console.table({
    'raw IndexedDB delete (one transaction)': row(r.rawDeleteMs, undefined, r.pageLongestRawMs),
    'raw IndexedDB put back': row(r.rawPutMs, undefined, r.pageLongestRawMs),
    'ours, sync off: delete': row(
      r.syncOff.deleteMs,
      r.syncOff.deleteVsRaw,
      r.syncOff.pageLongestDeleteMs,
    ),
    'ours, sync off: undo': row(r.syncOff.undoMs, r.syncOff.undoVsRaw, r.syncOff.pageLongestUndoMs),
    'ours, sync on: delete': row(
      r.syncOn.deleteMs,
      r.syncOn.deleteVsRaw,
      r.syncOn.pageLongestDeleteMs,
    ),
    'ours, sync on: undo': row(r.syncOn.undoMs, r.syncOn.undoVsRaw, r.syncOn.pageLongestUndoMs),
    ...(r.baseline
      ? {
          'baseline, sync off: delete': row(
            r.baseline.syncOff.deleteMs,
            r.baseline.syncOff.deleteVsRaw,
            r.baseline.syncOff.pageLongestDeleteMs,
          ),
          'baseline, sync off: undo': row(
            r.baseline.syncOff.undoMs,
            r.baseline.syncOff.undoVsRaw,
            r.baseline.syncOff.pageLongestUndoMs,
          ),
          'baseline, sync on: delete': row(
            r.baseline.syncOn.deleteMs,
            r.baseline.syncOn.deleteVsRaw,
            r.baseline.syncOn.pageLongestDeleteMs,
          ),
          'baseline, sync on: undo': row(
            r.baseline.syncOn.undoMs,
            r.baseline.syncOn.undoVsRaw,
            r.baseline.syncOn.pageLongestUndoMs,
          ),
        }
      : {}),
  });
  console.log(
    'page: longest task = the longest gap of a timer heartbeat in the page while the step ran (an upper bound; the raw rows show the machine’s own).',
  );
  console.log(`every run, ms: ${JSON.stringify(r.samplesMs)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runStandalone } = await import('./standalone.mjs');
  await runStandalone('delete', benchDelete, printDelete);
}
