// The delete benchmark: 5,000 parties (10,000 records with their interactions)
// deleted in one action and undone, against raw IndexedDB deleting and putting
// back the same keys, in Chromium, same run. `node bench/delete.mjs` runs it alone.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const COUNT = 5000;
const PAGE_BUNDLE = 'bench/.build/delete.js';

export async function benchDelete({ browser, site, results }) {
  console.log('Delete: bundling the bench page…');
  await build({
    entryPoints: ['bench/delete-bench.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    outfile: PAGE_BUNDLE,
    logLevel: 'error',
  });
  console.log(`Delete: ${COUNT} parties and their interactions — ours, raw IndexedDB…`);
  const page = await browser.newPage();
  try {
    await page.goto(`${site.base}/tests/fixtures/site/empty.html`);
    await page.addScriptTag({ path: PAGE_BUNDLE });
    results.delete = await page.evaluate(
      (count) => window.clienteleDeleteBench.measure(count),
      COUNT,
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
    `\nDelete and undo of ${r.parties} parties (${r.records} records), median of ${r.rounds} rounds (budget: ≥ 0.5× raw IndexedDB):`,
  );
  console.table({
    'raw IndexedDB delete (one transaction)': { ms: round(r.rawDeleteMs, 0) },
    'ours: delete (undo entry, tombstones, search rows)': { ms: round(r.oursDeleteMs, 0) },
    'raw IndexedDB put back': { ms: round(r.rawPutMs, 0) },
    'ours: undo': { ms: round(r.oursUndoMs, 0) },
  });
  console.log(
    `ours ÷ raw throughput: delete ${round(r.deleteVsRaw)} · undo ${round(r.undoVsRaw)} · both ${round(r.deleteAndUndoVsRaw)}; ` +
      `longest task in the page running it ${round(r.longestTaskMs, 0)} ms (the surfaces only send a message; this runs the work in-page)`,
  );
  console.log(`every run, ms: ${JSON.stringify(r.samplesMs)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runStandalone } = await import('./standalone.mjs');
  await runStandalone('delete', benchDelete, printDelete);
}
