// The sync benchmark (budgets.md, "Import and sync"): against Radicale and Xandikos
// started on loopback, a first upload of the budget's book as a ratio to a bare loop
// of PUTs at the same concurrency, an incremental round with no changes (requests and
// bytes), and one with 100 changes. `node bench/sync.mjs [--parties N]` runs it alone.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { DAV_SERVER_KINDS, startDavServer } from '../scripts/dav-servers.mjs';

const BUNDLE = 'bench/.build/sync.mjs';
/** The budget's book: 10,000 parties (with 20,000 interactions and 2,000 follow-ups). */
export const BUDGET_PARTIES = 10_000;

/** `--parties N` on the command line, else the budget's size. */
function partiesAsked() {
  const at = process.argv.indexOf('--parties');
  return at >= 0 ? Number(process.argv[at + 1]) : BUDGET_PARTIES;
}

export async function benchSync({ results, parties = partiesAsked() }) {
  console.log('Sync: bundling the engine for Node…');
  await build({
    entryPoints: ['bench/sync-bench.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: BUNDLE,
    logLevel: 'error',
  });
  const { measure } = await import(pathToFileURL(BUNDLE).href);
  results.sync = {};
  for (const kind of DAV_SERVER_KINDS) {
    console.log(`Sync: ${kind}, ${parties} parties and their interactions and follow-ups…`);
    const server = await startDavServer(kind);
    try {
      results.sync[kind] = await measure(server, parties);
    } finally {
      await server.stop();
    }
  }
  return results.sync;
}

const round = (value, digits = 2) => Number(value.toFixed(digits));

export function printSync(sync) {
  console.log('\nSync against loopback servers (one run; ratios are the figures to read):');
  const rows = Object.entries(sync).map(([kind, r]) => ({
    server: kind,
    records: r.records,
    'bare PUT/s': round(r.bareRecordsPerSecond, 1),
    'ours/s': round(r.oursRecordsPerSecond, 1),
    'ratio (≥ 0.8)': round(r.ratio),
    'no change: requests': r.quiet.map((q) => q.requests).join(' / '),
    'no change: bytes in': r.quiet.map((q) => q.bytesReceived).join(' / '),
    '100 changes: requests (≤ 100 + c)': r.hundred.requests,
  }));
  console.table(rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printSync(await benchSync({ results: {} }));
}
