// Reading quality: signature name, title, organization and phones, and email
// precision and recall, on the tuned cases beside the held-out ones (budget: each
// ≥ 0.9; email precision and recall ≥ 0.99). `benchReading` adds `results.reading`;
// `node bench/reading.mjs` runs it alone. A section of its own, apart from the
// detection timings and the fixture pages' precision and recall.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const PAGE_BUNDLE = 'bench/.build/reading.js';

export async function benchReading({ browser, site, results }) {
  console.log('Reading: signatures and addresses, tuned and held-out cases…');
  await build({
    entryPoints: ['bench/reading-bench.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    outfile: PAGE_BUNDLE,
    logLevel: 'error',
  });
  const page = await browser.newPage();
  try {
    await page.goto(`${site.base}/tests/fixtures/site/empty.html`);
    await page.addScriptTag({ path: PAGE_BUNDLE });
    results.reading = await page.evaluate(() => window.clienteleReadingBench.measure());
  } finally {
    await page.close();
  }
  return results.reading;
}

const round = (value) => (typeof value === 'number' ? Number(value.toFixed(3)) : value);

export function printReading(r) {
  console.log('\nReading quality, share right (budget: signature fields ≥ 0.9, emails ≥ 0.99):');
  const row = (set) => ({
    cases: `${set.signatures.cases} sig / ${set.addresses.cases} addr`,
    name: round(set.signatures.share.name),
    title: round(set.signatures.share.title),
    organization: round(set.signatures.share.organization),
    phones: round(set.signatures.share.phones),
    'email precision': round(set.addresses.emailPrecision),
    'email recall': round(set.addresses.emailRecall),
  });
  const pick = (key) => ({ signatures: r.signatures[key], addresses: r.addresses[key] });
  console.table({ tuned: row(pick('tuned')), 'held-out': row(pick('heldOut')) });
  console.log('Held-out, per fact (cases, right, wrong):');
  console.table(
    Object.fromEntries(
      Object.entries({ ...r.signatures.heldOut.facts, ...r.addresses.heldOut.facts }).map(
        ([fact, t]) => [fact, { cases: t.cases, right: t.right, wrong: t.cases - t.right }],
      ),
    ),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runStandalone } = await import('./standalone.mjs');
  await runStandalone('reading', benchReading, printReading);
}
