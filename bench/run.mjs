// `npm run bench`: measures Clientele in headless Chromium and reports ratios against
// a floor or a peer measured in the same run. Prints a table, writes JSON to
// bench-results/. Reports only: the budgets are in docs/budgets.md.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../scripts/launch-browser.mjs';
import { serveFolder } from '../scripts/static-server.mjs';
import { benchFiles, printFiles } from './files.mjs';
import { benchDelete, printDelete } from './delete.mjs';
import { benchImport, printImport } from './import.mjs';
import { benchReading, printReading } from './reading.mjs';
import { benchSearch, printSearch } from './search.mjs';
import { launchBenchBrowser } from './standalone.mjs';
import { benchSync, printSync } from './sync.mjs';
import { fixtureUrl } from '../tests/support/webmail-fixtures.mjs';

// `npm run bench -- --only detect` (or `search`, `import`, `sync`) runs one part, as the
// whole run takes minutes (the sync book is 200 parties unless `--full`, the budget's 10,000, or `--parties N`). Detection runs with its quality and bundle figures.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const runs = (part) => only === undefined || only === part;

const results = {
  when: new Date().toISOString(),
  chromium: '',
  detect: {},
  email: {},
  quality: {},
  bundles: {},
};
/** Two sets, reported apart: pages the unit tests hold to perfect, and pages never tuned to. */
const QUALITY_SETS = {
  fixtures: { folder: 'tests/fixtures/site', expected: 'tests/fixtures/expected-contacts.json' },
  'held-out': {
    folder: 'tests/fixtures/held-out',
    expected: 'tests/fixtures/held-out/expected-contacts.json',
  },
};
/**
 * The region setting (options) of the user who would read a page, where it is not the
 * default US: the held-out contact page is a UK business's, with UK-shaped numbers and
 * a UK address, read by a user in the UK. The page is not changed; the reader is named.
 */
const READER_REGION = { 'held-out/contact-page.html': 'GB' };
const regionFor = (set, name) => READER_REGION[`${set}/${name}`] ?? 'US';
/** The address a fixture page is read as: the webmail fixtures, their webmail's. */
const readAs = (name) => fixtureUrl(name, 'http://127.0.0.1');

async function bundle(entry, outfile) {
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    outfile,
    logLevel: 'error',
  });
}

function gzipKb(path) {
  return Math.round((gzipSync(readFileSync(path)).length / 1024) * 10) / 10;
}

console.log('Building the extension and the bench pages…');
execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
await bundle('bench/detect-bench.ts', 'bench/.build/detect.js');
for (const [name, path] of Object.entries({
  contentScript: `${EXTENSION_DIR}/content-scripts/scan.js`,
  background: `${EXTENSION_DIR}/background.js`,
})) {
  results.bundles[name] = { gzipKb: gzipKb(path) };
}
// A page's JS is every script its HTML loads (its own chunk and the shared ones),
// each gzipped as it is served.
for (const page of ['popup', 'sidepanel', 'options', 'dashboard']) {
  const html = readFileSync(`${EXTENSION_DIR}/${page}.html`, 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/?(chunks\/[^"]+\.js)"/g)].map((m) => m[1]);
  const total = scripts.reduce((sum, script) => sum + gzipKb(`${EXTENSION_DIR}/${script}`), 0);
  results.bundles[page] = { gzipKb: Math.round(total * 10) / 10, scripts: scripts.length };
}

const site = await serveFolder('.');
const browser = await launchBenchBrowser();
results.chromium = browser.version();

async function measureOn(url, elements, as) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.addScriptTag({ path: 'bench/.build/detect.js' });
  const measured = await page.evaluate(
    ([n, address]) => window.clienteleBench.measure(n ?? undefined, address ?? undefined),
    [elements ?? null, as ?? null],
  );
  await page.close();
  return measured;
}

for (const elements of runs('detect') ? [1500, 15000, 60000] : []) {
  console.log(`Detection on a generated page of ${elements} elements…`);
  results.detect[`generated-${elements}`] = await measureOn(
    `${site.base}/bench/index.html`,
    elements,
  );
}
for (const fixture of runs('detect') ? ['gmail', 'outlook'] : []) {
  console.log(`Detection on the ${fixture}-like page…`);
  try {
    results.detect[`${fixture}-like`] = await measureOn(
      `${site.base}/tests/fixtures/site/${fixture}.html`,
      undefined,
      readAs(`${fixture}.html`),
    );
  } catch (error) {
    console.log(`  skipped: ${error.message.split('\n')[0]}`);
  }
}
if (runs('detect') || runs('email')) {
  console.log('Email capture on a 50-message Gmail-like thread…');
  const page = await browser.newPage();
  await page.goto(`${site.base}/tests/fixtures/site/gmail-thread.html`);
  await page.addScriptTag({ path: 'bench/.build/detect.js' });
  results.email = await page.evaluate(() => window.clienteleBench.emailCapture(50));
  await page.close();
}
for (const [set, { folder, expected }] of Object.entries(runs('detect') ? QUALITY_SETS : {})) {
  results.quality[set] = {};
  for (const [name, truth] of Object.entries(JSON.parse(readFileSync(expected, 'utf8')))) {
    if (!name.endsWith('.html')) continue;
    const page = await browser.newPage();
    await page.goto(`${site.base}/${folder}/${name}`);
    await page.addScriptTag({ path: 'bench/.build/detect.js' });
    const region = regionFor(set, name);
    results.quality[set][name] = {
      region,
      ...(await page.evaluate(
        ([t, address, r]) => window.clienteleBench.quality(t, address, r),
        [
          truth,
          set === 'fixtures' ? readAs(name) : (truth.url ?? `https://held-out.example/${name}`),
          region,
        ],
      )),
    };
    await page.close();
  }
}
// Each of these catches its own failure so that one broken measurement still leaves
// the others' figures in the report.
// Reading quality runs with detection (`--only detect`) or alone (`--only reading`).
if (runs('detect') || runs('reading')) {
  try {
    await benchReading({ browser, site, results });
  } catch (error) {
    results.reading = { skipped: String(error).split('\n')[0] };
  }
}
for (const [name, run] of Object.entries({
  search: benchSearch,
  import: benchImport,
  files: benchFiles,
  delete: benchDelete,
  sync: benchSync,
})) {
  if (!runs(name)) continue;
  try {
    await run({ browser, site, results });
  } catch (error) {
    results[name] = { skipped: String(error).split('\n')[0] };
  }
}
await browser.close();
await site.close();

const round = (value, digits = 2) =>
  typeof value === 'number' ? Number(value.toFixed(digits)) : value;
console.log(`\nChromium ${results.chromium}`);
const method = Object.values(results.detect)[0]?.method;
if (method)
  console.log(
    `Ratios: median over ${method.rounds} interleaved rounds of per-round ratios; each sample ` +
      `repeats its task to last ≥ ${method.minSampleMs} ms (see bench/detect-bench.ts).`,
  );
console.table(
  Object.fromEntries(
    Object.entries(results.detect).map(([name, r]) => [
      name,
      {
        elements: r.elements,
        contacts: r.contacts,
        'floor ms': round(r.floorMs),
        'detect ms': round(r.detectMs),
        'detect ÷ floor (≤5)': round(r.detectRatio),
        'ratio Q1–Q3': r.detectRatioSpread?.map((q) => round(q)).join('–'),
        '+phones ÷ floor (≤8)': round(r.withPhonesRatio),
        'first scan cold ms (≤60 at 60k)': round(r.firstScanColdMs, 1),
        'longest slice ms (≤16)': round(r.longestSliceMs, 1),
        slices: r.slices,
        'longest task ms': round(r.longestTaskMs, 0),
      },
    ]),
  ),
);
if (results.email.messages) {
  const e = results.email;
  console.log('Email capture (budgets.md: ≤ 10 % added to the webmail scan):');
  console.table({
    [`${e.messages}-message thread`]: {
      elements: e.elements,
      'scan ms': round(e.scanMs),
      'scan + thread ms': round(e.withThreadMs),
      'added ÷ scan (≤0.10)': round(e.addedRatio, 3),
      'Q1–Q3': e.addedRatioSpread.map((q) => round(q, 3)).join('–'),
      'judge in background ms': round(e.judgeInBackgroundMs, 3),
    },
  });
}
for (const [set, pages] of Object.entries(results.quality)) {
  console.log(
    set === 'fixtures'
      ? 'Precision and recall, fixture pages (the unit tests require 1.0; after phone validation):'
      : `Precision and recall, ${set} pages (written once from the documented facts, never tuned to):`,
  );
  console.table(
    Object.fromEntries(
      Object.entries(pages).map(([name, q]) => [
        name,
        {
          'reader’s region': q.region,
          precision: round(q.precision),
          recall: round(q.recall),
          missed: q.missed.join(' '),
          extra: q.extra.join(' '),
        },
      ]),
    ),
  );
}
console.table(
  Object.fromEntries(
    Object.entries(results.bundles).map(([name, b]) => [
      name,
      { 'gzip KB': b.gzipKb, ...(b.scripts ? { scripts: b.scripts } : {}) },
    ]),
  ),
);
for (const [name, print] of Object.entries({
  reading: printReading,
  search: printSearch,
  import: printImport,
  files: printFiles,
  delete: printDelete,
  sync: printSync,
})) {
  if (results[name]?.skipped) console.log(`${name}: skipped (${results[name].skipped})`);
  else if (results[name]) print(results[name]);
}
mkdirSync('bench-results', { recursive: true });
// A part is written beside the whole run's figures, not over them.
const written = `bench-results/bench${only ? `-${only}` : ''}.json`;
writeFileSync(written, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written to ${written}`);
