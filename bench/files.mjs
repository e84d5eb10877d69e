// Big contact files: 50,000 vCards (2.1/3.0/4.0 mixed) and 50,000 CSV rows through
// the options page's reading and import path, beside ical.js alone parsing the same
// 3.0/4.0 cards, in Chromium, same run. `benchFiles` adds `results.files`.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const COUNT = 50_000;
const PAGE_BUNDLE = 'bench/.build/files.js';

export async function benchFiles({ browser, site, results }) {
  console.log('Files: bundling the bench page…');
  await build({
    entryPoints: ['bench/files-bench.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    outfile: PAGE_BUNDLE,
    logLevel: 'error',
  });
  await build({
    entryPoints: ['entrypoints/options/data/read-file.worker.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    outfile: 'bench/.build/files-worker.js',
    logLevel: 'error',
  });
  console.log(`Files: ${COUNT} vCards and ${COUNT} CSV rows — ours, ical.js…`);
  const page = await browser.newPage();
  try {
    await page.goto(`${site.base}/tests/fixtures/site/empty.html`);
    // By address, not inlined: the page finds the worker's bundle next to its own.
    await page.addScriptTag({ url: `${site.base}/${PAGE_BUNDLE}` });
    results.files = await page.evaluate(
      (count) => window.clienteleFilesBench.measure(count),
      COUNT,
    );
  } finally {
    await page.close();
  }
  return results.files;
}

const ms = (value) => Math.round(value);
const ratio = (value) => Number(value.toFixed(2));

export function printFiles(r) {
  console.log(
    `\nContact files, ${r.count} each (budget: ≤ 1.5× ical.js alone including the import; no task over 100 ms):`,
  );
  console.table({
    'ical.js alone, 3.0/4.0 (warm)': { 'to preview ms': ms(r.icalMs) },
    'ours, 3.0/4.0': row(r.modern),
    'ours, 2.1/3.0/4.0 mixed': row(r.mixed),
    'ours, CSV rows': row(r.csv),
  });
  console.log(
    `ours ÷ ical.js: reading ${ratio(r.parseVsIcal)}× warm (median of ${r.warmPasses} passes each: ` +
      `${ms(r.parseOnlyMs)} ÷ ${ms(r.icalMs)} ms), ${ratio(r.coldParseVsIcal)}× cold (first pass: ` +
      `${ms(r.coldParseOnlyMs)} ÷ ${ms(r.coldIcalMs)} ms) · to imported ${ratio(r.modernToImportedVsIcal)}× (same 3.0/4.0 cards); ` +
      `the same records put bare, in one transaction, alone take ${ratio(r.modernBarePutsVsIcal)}× ical.js (the floor under any import)`,
  );
}

function row(run) {
  return {
    'to preview ms': ms(run.previewMs),
    'to imported ms': ms(run.toImportedMs),
    'import alone ms': ms(run.importMs),
    'bare puts ms': ms(run.barePutsMs),
    'longest task reading ms': ms(run.longestTaskMs),
    'longest task importing (background) ms': ms(run.longestImportTaskMs),
    'peak heap MB': ms(run.peakHeapMb),
    created: run.created,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runStandalone } = await import('./standalone.mjs');
  await runStandalone('files', benchFiles, printFiles);
}
