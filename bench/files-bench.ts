// Runs inside headless Chromium: reading big contact files. 50,000 vCards (a third
// each 2.1, 3.0, 4.0) and 50,000 CSV rows go through the options page's path —
// decode, read, preview drafts, then the bulk import into IndexedDB — against
// ical.js alone parsing the same 3.0/4.0 cards. The file is read in the worker the
// options page uses (bundled beside this page by files.mjs) and its drafts come back
// in checked chunks, so the longest task is the page's own share; `parseOnlyMs` reads
// the same cards on this thread, to compare the reader itself with ical.js: a cold
// first pass of each, then WARM_PASSES alternating pairs (the median of each side is
// the warm figure). Neither side's result is kept past its pass, so one reader's
// garbage does not sit in the other's heap.
import ICAL from 'ical.js';
import { DEFAULT_CADENCE } from '../lib/domain/cadence';
import { importParties } from '../lib/db/bulk-import';
import { createDbOpener } from '../lib/db/open';
import { ImportReader } from '../lib/transfer/import-reader-client';
import { readImportFile } from '../lib/transfer/prepare-import';
import { raw as rawPuts } from './import-bench';
import { csv, mixedCards, modernCards } from './contact-files';

const NOW = Date.UTC(2026, 11, 7);

interface Watch {
  longestTaskMs: number;
  peakHeapMb: number;
  stop: () => void;
}

/** Long tasks and the JS heap (Chromium's performance.memory) while `run` goes. */
function watch(): Watch {
  const state: Watch = { longestTaskMs: 0, peakHeapMb: 0, stop: () => undefined };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      state.longestTaskMs = Math.max(state.longestTaskMs, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const memory = () =>
    ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
      0) /
    2 ** 20;
  const timer = setInterval(() => (state.peakHeapMb = Math.max(state.peakHeapMb, memory())), 20);
  state.stop = () => {
    state.peakHeapMb = Math.max(state.peakHeapMb, memory());
    clearInterval(timer);
    observer.disconnect();
  };
  return state;
}

/** The reading worker, bundled by files.mjs next to this page's script. */
const WORKER_URL = new URL('files-worker.js', (document.currentScript as HTMLScriptElement).src);

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Warm passes of each reader after the cold one; odd, so the median is one of them. */
const WARM_PASSES = 3;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** ical.js alone on the 3.0/4.0 cards: ms, and how many cards it read (the result is dropped). */
function icalPass(text: string): { ms: number; cards: number } {
  const started = performance.now();
  const parsed = ICAL.parse(text) as unknown[];
  const ms = performance.now() - started;
  return { ms, cards: Array.isArray(parsed[0]) ? parsed.length : 1 };
}

/** Our reader on the same cards, on this thread: ms (the result is dropped). */
function ourPass(bytes: Uint8Array): number {
  const started = performance.now();
  const ours = readImportFile(bytes, 'modern.vcf');
  const ms = performance.now() - started;
  if (!ours.ok) throw new Error(ours.error.message.code);
  return ms;
}

async function throughOurPath(bytes: Uint8Array, name: string, db: string) {
  const watching = watch();
  const started = performance.now();
  const reader = new ImportReader(new Worker(WORKER_URL, { type: 'module' }));
  const opened = await reader.open(bytes, name);
  if (!opened.ok) throw new Error(opened.error.message.code);
  const read = await reader.drafts('customer');
  const previewMs = performance.now() - started;
  reader.stop();
  // Reading is the options page's share; the import below runs here too, but in the
  // extension it runs in the background, so its tasks are reported apart.
  watching.stop();
  const readingTaskMs = watching.longestTaskMs;
  const importing = watch();
  await pause(); // the preview paints
  const importStarted = performance.now();
  const context = {
    getDb: createDbOpener(db),
    clock: () => NOW,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
  const outcome = await importParties(
    context,
    read.drafts.map((d) => d.value),
  );
  const importMs = performance.now() - importStarted;
  importing.stop();
  // The floor under any import: the same finished records, put with the bare API in
  // one transaction (no parsing, no projection), timed after ours.
  const stored = await context.getDb();
  const records = await stored.getAll('parties');
  stored.close();
  await pause();
  const floor = await rawPuts(records);
  return {
    drafts: read.drafts.length,
    problems: read.problems.length,
    created: outcome.created,
    previewMs,
    importMs,
    toImportedMs: previewMs + importMs,
    barePutsMs: floor.ms,
    longestTaskMs: readingTaskMs,
    longestImportTaskMs: importing.longestTaskMs,
    peakHeapMb: Math.max(watching.peakHeapMb, importing.peakHeapMb),
  };
}

async function measure(count: number) {
  const encoder = new TextEncoder();
  const mixed = mixedCards(count);
  const modern = modernCards(count);

  const modernBytes = encoder.encode(modern);
  const cold = icalPass(modern);
  await pause();
  const coldParseOnlyMs = ourPass(modernBytes);
  const icalRuns: number[] = [];
  const ourRuns: number[] = [];
  for (let i = 0; i < WARM_PASSES; i++) {
    await pause();
    icalRuns.push(icalPass(modern).ms);
    await pause();
    ourRuns.push(ourPass(modernBytes));
  }
  const icalMs = median(icalRuns);
  const parseOnlyMs = median(ourRuns);
  await pause();
  const modernRun = await throughOurPath(
    encoder.encode(modern),
    'modern.vcf',
    `bench-files-modern-${NOW}`,
  );
  await pause();
  const mixedRun = await throughOurPath(
    encoder.encode(mixed),
    'mixed.vcf',
    `bench-files-mixed-${NOW}`,
  );
  await pause();
  const csvRun = await throughOurPath(
    encoder.encode(csv(count)),
    'contacts.csv',
    `bench-files-csv-${NOW}`,
  );
  // Every generated party is distinct: a run that folded duplicates would measure fewer.
  for (const [label, run] of Object.entries({ modernRun, mixedRun, csvRun }))
    if (run.created !== count)
      throw new Error(
        `${label} created ${run.created} parties of ${count}: the generator repeats.`,
      );
  return {
    count,
    icalCards: cold.cards,
    icalMs,
    parseOnlyMs,
    parseVsIcal: parseOnlyMs / icalMs,
    warmPasses: WARM_PASSES,
    coldIcalMs: cold.ms,
    coldParseOnlyMs,
    coldParseVsIcal: coldParseOnlyMs / cold.ms,
    modern: modernRun,
    modernToImportedVsIcal: modernRun.toImportedMs / icalMs,
    modernBarePutsVsIcal: modernRun.barePutsMs / icalMs,
    mixed: mixedRun,
    csv: csvRun,
  };
}

(window as unknown as { clienteleFilesBench: unknown }).clienteleFilesBench = { measure };
