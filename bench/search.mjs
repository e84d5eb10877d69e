// The search benchmark: our in-memory search against MiniSearch, Fuse.js and a
// linear `includes` scan on 50,000 generated records, in Chromium; then the whole
// path from opening an extension page with the search panel to the first answer,
// over a records store seeded with the same 50,000. `benchSearch` adds
// `results.search`; `node bench/search.mjs` runs it alone and prints a table.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { EXTENSION_DIR, launchWithExtension } from '../scripts/launch-browser.mjs';
import {
  addProbePage,
  dueListMessage,
  markWorkerStart,
  workerColdStarts,
  writeFloorExtension,
} from './worker-start.mjs';

const COUNT = 50_000;
const PAGE_BUNDLE = 'bench/.build/search.js';
const OPENS = 6;
/** Cold starts of the worker (and as many of the floor's), `WORKER_ROUNDS` to change. */
const ROUNDS = Number(process.env.WORKER_ROUNDS ?? 9);
/** The popup, opened on its search view (as `/` or the Search tab shows it). */
const POPUP_SEARCH = 'popup.html?view=search';

async function bundlePage() {
  await build({
    entryPoints: ['bench/search-bench.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    outfile: PAGE_BUNDLE,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'error',
  });
}

/** gzip KB of a minified bundle of `contents`, resolved from the repository root. */
async function gzipKbOf(contents) {
  const out = await build({
    stdin: { contents, resolveDir: resolve('.'), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    // Stylesheets ship as their own file; this counts script only.
    loader: { '.css': 'empty' },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'error',
  });
  return Math.round((gzipSync(out.outputFiles[0].contents).length / 1024) * 10) / 10;
}

/**
 * gzip KB of the script the built popup loads: its entry and every chunk it
 * preloads (what the popup budget counts), or undefined without a build.
 */
function popupGzipKb() {
  const dir = EXTENSION_DIR;
  if (!existsSync(join(dir, 'popup.html'))) return undefined;
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = scripts.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length,
    0,
  );
  return Math.round((bytes / 1024) * 10) / 10;
}

/** (a)–(c): every engine on the same rows and queries, in a plain page. */
async function compareEngines(browser, site) {
  const page = await browser.newPage();
  await page.goto(`${site.base}/bench/index.html`);
  await page.addScriptTag({ path: PAGE_BUNDLE });
  const compared = await page.evaluate(
    (count) => window.clienteleSearchBench.compare(count),
    COUNT,
  );
  await page.close();
  return compared;
}

/* global performance, document, Event, MutationObserver -- watchPanel runs in the page */
// Runs in the extension page before its own scripts: types the query the moment the
// search box exists, as a quick user would, and notes when each stage shows, and
// which messages the page sent to the background before its answer (a `search/rows`
// among them means the panel could not read the projection itself and asked).
function watchPanel({ query, target }) {
  const marks = { sent: [] };
  window.__searchMarks = marks;
  const send = chrome.runtime?.sendMessage;
  if (send)
    chrome.runtime.sendMessage = function (...args) {
      if (marks.answer === undefined)
        marks.sent.push(`${args[0]?.name ?? '?'} at ${Math.round(performance.now())}`);
      return send.apply(this, args);
    };
  const look = () => {
    const now = performance.now();
    const input = document.querySelector('[data-testid=search-input]');
    if (input && marks.input === undefined) {
      marks.input = now;
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (
      marks.ready === undefined &&
      document.querySelector('[data-testid=search-panel][data-state=ready]')
    )
      marks.ready = now;
    if (
      marks.answer === undefined &&
      document.querySelector(`[data-testid=search-result][data-party-id="${target}"]`)
    )
      marks.answer = now;
  };
  new MutationObserver(look).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

/**
 * Opens `path` `OPENS` times and returns, per open, when (ms after navigation
 * started) the search box appeared, the rows were loaded and indexed, and the
 * typed query's record was shown.
 */
async function timeOpens(extension, path, probe) {
  const opens = [];
  for (let n = 0; n < OPENS; n++) {
    const page = await extension.context.newPage();
    await page.addInitScript(watchPanel, probe);
    await page.goto(extension.extensionUrl(path));
    try {
      await page.waitForFunction(() => window.__searchMarks?.answer !== undefined, null, {
        timeout: 20_000,
      });
      opens.push(await page.evaluate(() => window.__searchMarks));
    } catch {
      opens.push({ failed: true });
    }
    await page.close();
  }
  return opens;
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined;
};
const summarise = (opens) => ({
  firstOpenMs: opens[0]?.answer,
  firstOpenSent: opens[0]?.sent,
  medianLaterOpensMs: median(opens.slice(1).map((o) => o.answer)),
  medianBoxShownMs: median(opens.map((o) => o.input)),
  medianRowsReadyMs: median(opens.map((o) => o.ready)),
  opens,
});

/**
 * "Open → first search answer" in the real extension: a copy of the built
 * extension with one extra page that mounts the search panel (the popup mounts
 * the same component), its IndexedDB seeded with 50,000 records from an
 * extension page. The popup itself is timed too once it shows the panel.
 */
async function measureExtension() {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    return { skipped: `no built extension in ${EXTENSION_DIR}` };
  const copy = mkdtempSync(join(tmpdir(), 'clientele-search-bench-'));
  const extensionDir = join(copy, 'chrome-mv3');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  cpSync(PAGE_BUNDLE, join(extensionDir, 'search-bench.js'));
  markWorkerStart(join(extensionDir, 'background.js'));
  addProbePage(extensionDir);
  const floor = writeFloorExtension(join(copy, 'floor'));
  const css = PAGE_BUNDLE.replace(/\.js$/, '.css');
  if (existsSync(css)) cpSync(css, join(extensionDir, 'search-bench.css'));
  writeFileSync(
    join(extensionDir, 'search-bench.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title>' +
      '<link rel="stylesheet" href="search-bench.css"></head>' +
      '<body><script src="search-bench.js"></script></body></html>',
  );
  // Seeded in one browser, timed in another on the same profile: the timed browser
  // starts with nothing read, so its first popup open is the cold one a user meets
  // after starting the browser (worker, database and projection all unread).
  const profile = mkdtempSync(join(tmpdir(), 'clientele-search-profile-'));
  const launch = () =>
    launchWithExtension({ extensionDir, userDataDir: profile, alsoLoad: [floor.dir] });
  let extension = await launch();
  try {
    const seeding = await extension.context.newPage();
    await seeding.goto(extension.extensionUrl('search-bench.html'));
    const probe = await seeding.evaluate((count) => window.clienteleSearchBench.seed(count), COUNT);
    const stages = await seeding.evaluate(
      (query) => window.clienteleSearchBench.probe(query),
      probe.query,
    );
    await seeding.close();
    await extension.close();
    extension = await launch();
    const popup = summarise(await timeOpens(extension, POPUP_SEARCH, probe));
    const lookupPage = await extension.context.newPage();
    await lookupPage.goto(extension.extensionUrl('search-bench.html'));
    const lookup = await lookupPage.evaluate(
      (count) => window.clienteleSearchBench.lookup(count),
      COUNT,
    );
    await lookupPage.close();
    const workerStart = await coldStartsBesideFloor(extension, floor);
    return {
      lookup,
      workerStart,
      seededParties: probe.parties,
      seedMs: Math.round(probe.seedMs),
      query: probe.query,
      stages,
      popup: { ...popup, coldFirstOpenMs: popup.firstOpenMs },
      panelPage: summarise(await timeOpens(extension, 'search-bench.html?mount', probe)),
    };
  } finally {
    await extension.close();
    rmSync(copy, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Our worker's cold starts and the floor's, alternating, each timed from its own probe page. */
async function coldStartsBesideFloor(extension, floor) {
  const message = dueListMessage();
  const probe = async (url) => {
    const page = await extension.context.newPage();
    await page.goto(url);
    return { page, ask: () => page.evaluate((m) => window.clienteleProbe.ask(m), message) };
  };
  const ours = await probe(extension.extensionUrl('probe.html'));
  const bare = await probe(`chrome-extension://${floor.id}/probe.html`);
  try {
    return await workerColdStarts(extension.context, { ours, floor: bare }, ROUNDS);
  } finally {
    await ours.page.close();
    await bare.page.close();
  }
}

export async function benchSearch({ browser, site, results }) {
  console.log('Search: bundling the bench page…');
  await bundlePage();
  const bundles = {
    uFuzzyGzipKb: await gzipKbOf(
      "import uFuzzy from '@leeoniya/ufuzzy'; (globalThis as any).u = uFuzzy;",
    ),
    searchLibGzipKb: await gzipKbOf(
      "import { createSearchIndex } from './lib/search/search-index'; (globalThis as any).s = createSearchIndex;",
    ),
    searchPanelGzipKb: await gzipKbOf(
      "import { SearchPanel } from './entrypoints/popup/SearchPanel'; (globalThis as any).p = SearchPanel;",
    ),
    directReadGzipKb: await gzipKbOf(
      "import { readProjection } from './lib/search/read-projection'; (globalThis as any).r = readProjection;",
    ),
    popupBuiltGzipKb: popupGzipKb(),
  };
  // `--extension-only` (standalone runs): skip the engine comparison.
  let compared = { rows: COUNT, engines: {} };
  if (!process.argv.includes('--extension-only')) {
    console.log(`Search: ${COUNT} records, four engines, in Chromium…`);
    compared = await compareEngines(browser, site);
  }
  console.log('Search: open → first answer in the extension…');
  let extension;
  try {
    extension = await measureExtension();
  } catch (error) {
    extension = { skipped: String(error).split('\n')[0] };
  }
  results.search = { ...compared, bundles, extension };
  return results.search;
}

const round = (value, digits = 1) =>
  typeof value === 'number' ? Number(value.toFixed(digits)) : value;

export function printSearch(search) {
  console.log(
    `\nSearch over ${search.rows} records, ${search.queries} queries (top ${5}); ` +
      'budgets: query p50 ≤ 5 ms, p95 ≤ 16 ms, ≤ 3× linear includes:',
  );
  console.table(
    Object.fromEntries(
      Object.entries(search.engines).map(([name, e]) => [
        name,
        {
          'rows → 1st answer ms': round(e.buildAndFirstMs),
          'query p50 ms': round(e.isolatedP50Ms, 2),
          'query p95 ms': round(e.isolatedP95Ms, 2),
          'keystroke p50 ms': round(e.typingP50Ms, 2),
          'keystroke p95 ms': round(e.typingP95Ms, 2),
          'hit rate (top 5)': round(e.hitRate, 2),
        },
      ]),
    ),
  );
  console.log('Records found in the top 5, by kind of query:');
  console.table(
    Object.fromEntries(Object.entries(search.engines).map(([name, e]) => [name, e.hitsByCategory])),
  );
  for (const [name, e] of Object.entries(search.engines)) {
    if (!e.answeredBy) continue;
    console.log(
      `${name}: which part found each query's record, of ${search.queries} ` +
        '(the typo pass runs only when fewer than 3 rows match as typed):',
    );
    console.table(e.answeredBy);
  }
  console.table(search.bundles);
  const x = search.extension;
  if (x.skipped) console.log(`Extension path skipped: ${x.skipped}`);
  else {
    console.log(
      `Where the time to the first answer goes, median ms (stored: find parts ${x.stages.findKb} KB, show parts ${x.stages.showKb} KB; the search/rows reply ${x.stages.replyKb} KB of JSON):`,
    );
    console.table(
      Object.fromEntries(Object.entries(x.stages.medianMs).map(([k, v]) => [k, { ms: round(v) }])),
    );
    for (const [where, r] of Object.entries({ popup: x.popup, 'panel page': x.panelPage })) {
      if (r.skipped) console.log(`${where}: skipped (${r.skipped})`);
      else
        console.log(
          `${where}: open → first answer ${round(r.firstOpenMs)} ms on the first open` +
            (where === 'popup' ? ' (cold: the first page after the browser started, ≤ 100)' : '') +
            ', ' +
            `median ${round(r.medianLaterOpensMs)} ms after (box shown at ${round(r.medianBoxShownMs)} ms, ` +
            `rows loaded and indexed at ${round(r.medianRowsReadyMs)} ms); ${x.seededParties} records, query “${x.query}”` +
            (r.firstOpenSent
              ? `; the first open asked the background, before its answer: ${r.firstOpenSent.join(', ') || 'nothing'}`
              : ''),
        );
    }
    if (x.lookup) {
      const l = x.lookup;
      console.log(
        `Exact email lookup (knownTexts, ${x.seededParties} records): one address ` +
          `${round(l.oneMs, 2)} ms median, ${round(l.firstOneMs, 2)} ms cold (≤ 2; waiting for the read's commit as before: ${round(l.oneAwaitingCommitMs, 2)} ms median); ` +
          `1,000 in one batch ${round(l.batchMs)} ms median, ${round(l.firstBatchMs)} ms cold ` +
          `(≤ 100; by one index read per address: ${round(l.indexReadsBatchMs)} ms; read as whole records, each checked whole: ${round(l.wholeRecordsBatchMs)} ms); found ${l.oneHits} singles, ${l.batchHits} of the batch (half unknown). ` +
          `The batch answers from an address → kind map read from the projection, ${round(l.mapReadMs)} ms to read, again after each write (off the lookup's path: the cold batch reads the indexes).`,
      );
    }
    if (x.workerStart) {
      const w = x.workerStart;
      console.log(
        `Service worker stopped → first answer (due/list): median ${round(w.coldMedianMs)} ms, ` +
          `worst ${round(w.coldWorstMs)} ms over ${w.rounds} (≤ 100); ` +
          `running worker ${round(w.warmMedianMs)} ms median.` +
          (w.floor
            ? ` Floor (an extension whose worker only answers, started cold the same way, ` +
              `rounds alternating): median ${round(w.floor.coldMedianMs)} ms, worst ${round(w.floor.coldWorstMs)} ms; ` +
              `ours − floor ${round(w.overFloorMedianMs)} ms, ours ÷ floor ${round(w.timesFloorMedian, 2)} (medians of the rounds).`
            : '') +
          (w.schemasBuiltAtStart
            ? ` Zod schemas built by the end of main(): ${w.schemasBuiltAtStart.mainReturned}.`
            : ''),
      );
      if (w.coldPartsMedianMs) {
        console.log('Where a cold start goes, median ms over the cold rounds:');
        console.table(
          Object.fromEntries(
            Object.entries(w.coldPartsMedianMs).map(([k, v]) => [k, { ms: round(v) }]),
          ),
        );
      }
    }
  }
}

// `node bench/search.mjs [--no-build] [--extension-only]`: builds the extension (into CLIENTELE_OUT_DIR,
// if set), starts its own browser and server, prints, writes bench-results/search.json.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runStandalone } = await import('./standalone.mjs');
  if (!process.argv.includes('--no-build')) {
    console.log('Building the extension…');
    execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  }
  await runStandalone('search', benchSearch, printSearch);
}
