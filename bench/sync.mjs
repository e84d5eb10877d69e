// The sync benchmark (budgets.md, "Import and sync"): against Radicale and Xandikos
// started on loopback, a first upload of a book as a ratio to a bare loop of PUTs at
// the same concurrency, an incremental round with no changes (requests and bytes), and
// one with 100 changes, with where the time goes (our CPU per record, the server's CPU
// per request, wall time per request).
//
// The budget's book (10,000 parties, 20,000 interactions, 2,000 follow-ups) is
// `--full`; a default run uses 200 parties (640 records). The full book takes hours per
// server, and not because of the client: each server's CPU per PUT grows with the
// objects its collection already holds (`--curve` shows it). Radicale checks a new
// object's UID against every object in the collection, reading each; Xandikos walks
// the collection's Git tree for the same check and writes a new tree. The upload is then quadratic on the server's side. On a
// loaded disk fsync adds to each PUT as well; `--no-fsync` turns it off for both sides
// of the ratio alike. Both sides send one PUT at a time: Radicale takes an exclusive
// storage lock for every write, so more at once would only queue there.
// `node bench/sync.mjs [--full | --parties N] [--server radicale|xandikos] [--no-fsync]`
// runs it alone; `--curve [--step N]` prints the time per PUT against the count held.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DAV_SERVER_KINDS, startDavServer } from '../scripts/dav-servers.mjs';

const BUNDLE = 'bench/.build/sync.mjs';
/** The budget's book: 10,000 parties (with 20,000 interactions and 2,000 follow-ups). */
export const BUDGET_PARTIES = 10_000;
/** A default run: the same shape, small enough for minutes rather than hours. */
export const DEFAULT_PARTIES = 200;

/** `--full` for the budget's size, `--parties N`, else the default size. */
function partiesAsked() {
  if (process.argv.includes('--full')) return BUDGET_PARTIES;
  const at = process.argv.indexOf('--parties');
  return at >= 0 ? Number(process.argv[at + 1]) : DEFAULT_PARTIES;
}

/** CPU milliseconds a process has used so far (Linux), or undefined elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The value after `--name`, or undefined. */
function option(name) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** `--server radicale|xandikos` for one of them; both by default. */
const serversAsked = () => (option('--server') ? [option('--server')] : DAV_SERVER_KINDS);
/** `--no-fsync`: Radicale writes without fsync, for both sides of the ratio alike. */
const serverOptions = () => ({ noFsync: process.argv.includes('--no-fsync') });

async function bundle() {
  await build({
    entryPoints: ['bench/sync-bench.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: BUNDLE,
    logLevel: 'error',
  });
  return import(pathToFileURL(BUNDLE).href);
}

export async function benchSync({ results, parties = partiesAsked() }) {
  console.log('Sync: bundling the engine for Node…');
  const { measure } = await bundle();
  results.sync = {};
  for (const kind of serversAsked()) {
    console.log(`Sync: ${kind}, ${parties} parties and their interactions and follow-ups…`);
    const server = await startDavServer(kind, serverOptions());
    try {
      results.sync[kind] = await measure({ ...server, cpuMs: () => cpuMs(server.pid) }, parties);
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
  console.log('Where the time of the first upload goes (per record):');
  console.table(
    Object.entries(sync).map(([kind, r]) => ({
      server: kind,
      'our encode ms': round(r.time.encodeMsPerRecord, 3),
      'bare: wall ms': round(r.time.bareWallMsPerRecord, 1),
      'bare: server CPU ms': r.time.bareServerCpuMsPerRecord ?? 'n/a',
      'ours: wall ms': round(r.time.oursWallMsPerRecord, 1),
      'ours: server CPU ms': r.time.oursServerCpuMsPerRecord ?? 'n/a',
    })),
  );
}

/**
 * `--curve`: the wall (and server CPU) time per bare PUT against how many objects the
 * collections already hold, in steps of `--step` (default 500).
 */
async function curve() {
  const { putCurve } = await bundle();
  const step = Number(option('--step') ?? 500);
  for (const kind of serversAsked()) {
    const server = await startDavServer(kind, serverOptions());
    try {
      console.log(
        `PUT time against objects already held, ${kind} ${JSON.stringify(serverOptions())}:`,
      );
      await putCurve({ ...server, cpuMs: () => cpuMs(server.pid) }, partiesAsked(), step, (p) =>
        console.log(
          `held ${p.before}: ${round(p.msPerPut, 1)} ms/PUT wall, ${p.serverCpuMsPerPut ?? 'n/a'} ms/PUT server CPU`,
        ),
      );
    } finally {
      await server.stop();
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--curve')) await curve();
  else {
    const sync = await benchSync({ results: {} });
    console.log(JSON.stringify(sync));
    printSync(sync);
  }
}
