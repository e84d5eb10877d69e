// Runs inside headless Chromium: the page-side half of the import benchmark. The
// same 50,000 generated contacts go (a) through our import path — drafts parsed,
// normalised, checked for duplicates, stored in chunked transactions with the
// search projection; (b) as raw IndexedDB `put`s of the finished records (the bare
// API, no promise per request) in one transaction, into a store with the same
// indexes; (c) through Dexie's `bulkPut`. Every path runs several times, in turn.
import Dexie from 'dexie';
import { unwrap } from 'idb';
import { DEFAULT_CADENCE } from '../lib/domain/cadence';
import { newParty } from '../lib/domain/new-party';
import { PartyDraftSchema, type Party, type PartyDraft } from '../lib/domain/party';
import { importParties } from '../lib/db/bulk-import';
import { createDbOpener } from '../lib/db/open';
import { readSearchRows } from '../lib/db/search-projection';
import { mergeParties } from '../lib/domain/merge';

const mergedOrOnFile = (onFile: Party, row: Party): Party => {
  const merged = mergeParties(onFile, row, { keep: 'on-file', cadence: DEFAULT_CADENCE, now: NOW });
  return merged.ok ? merged.value : onFile;
};

const NOW = Date.UTC(2026, 10, 23);
const FIRST = [
  'Ada',
  'Grace',
  'Zoë',
  'Søren',
  'Marcus',
  'Yael',
  'Li',
  'François',
  'Amara',
  'Kenji',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Ångström',
  'Kierkegaard',
  'Chen',
  'Cohen',
  'Wei',
  'Müller',
  'Okafor',
  'Sato',
];

export function generateDrafts(count: number): PartyDraft[] {
  return Array.from({ length: count }, (_, i) => {
    const draft: PartyDraft = {
      name: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${i}`,
      kind: (['client', 'customer', 'prospect'] as const)[i % 3]!,
      emails: [`person${i}@example${i % 97}.com`],
      tags: i % 5 === 0 ? ['imported'] : [],
      notes: i % 7 === 0 ? 'Met at the trade fair; prefers email.' : '',
    };
    // Half have a phone: distinct valid New York numbers.
    if (i % 2 === 0)
      draft.phones = [
        `+1 212 ${200 + (Math.floor(i / 10_000) % 700)} ${String(i % 10_000).padStart(4, '0')}`,
      ];
    if (i % 4 === 0) draft.organizationName = `Company ${i % 500}`;
    return draft;
  });
}

function builtRecords(drafts: PartyDraft[]): Party[] {
  return drafts.map((draft, i) => {
    const built = newParty(PartyDraftSchema.parse(draft), {
      id: `id-${String(i).padStart(6, '0')}`,
      now: NOW,
      region: 'US',
      cadence: DEFAULT_CADENCE,
    });
    if (!built.ok) throw new Error(built.error.message.code);
    return built.value;
  });
}

const context = (name: string) => ({
  getDb: createDbOpener(name),
  clock: () => NOW,
  settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
});

/**
 * Our path. With `reader`, a reader asks for a record every 20 ms meanwhile: how
 * long do its answers wait? (That run is not one of the timed ones.)
 */
async function ours(drafts: PartyDraft[], merge: boolean, reader = false) {
  const ctx = context(`bench-ours-${merge ? 'merge' : 'skip'}-${crypto.randomUUID()}`);
  const db = await ctx.getDb();
  let reading = reader;
  const waits: number[] = [];
  const reads = (async () => {
    while (reading) {
      const asked = performance.now();
      await db.get('parties', 'nobody');
      waits.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  const outcome = await importParties(ctx, drafts, {
    // As the import messages send them: 1,000 rows a chunk, one transaction each.
    chunkSize: 1000,
    // The generated rows' notes are short: no merge here is refused.
    ...(merge ? { merge: (a: Party, b: Party) => mergedOrOnFile(a, b) } : {}),
  });
  const ms = performance.now() - started;
  reading = false;
  await reads;
  const rows = (await readSearchRows(ctx.getDb)).length;
  // For scale: reading and rewriting the whole projection once (a chunk rewrites one bucket).
  const rewriteStarted = performance.now();
  const tx = db.transaction('searchBuckets', 'readwrite', { durability: 'relaxed' });
  for (const part of await tx.store.getAll()) void tx.store.put(part);
  await tx.done;
  const projectionRewriteMs = performance.now() - rewriteStarted;
  db.close();
  waits.sort((a, b) => a - b);
  return {
    ms,
    created: outcome.created,
    searchRows: rows,
    projectionRewriteMs,
    readerWaitP50Ms: waits[Math.floor(waits.length / 2)] ?? 0,
    readerWaitMaxMs: waits[waits.length - 1] ?? 0,
  };
}

/** The floor: the finished records put with the bare API, in one transaction. */
export async function raw(records: Party[]) {
  const getDb = createDbOpener(`bench-raw-${crypto.randomUUID()}`);
  const db = await getDb();
  const started = performance.now();
  const tx = db.transaction('parties', 'readwrite', { durability: 'relaxed' });
  const store = unwrap(tx.store);
  for (const record of records) store.put(record);
  await tx.done;
  const ms = performance.now() - started;
  db.close();
  return { ms };
}

async function dexie(records: Party[]) {
  const db = new Dexie(`bench-dexie-${crypto.randomUUID()}`);
  db.version(1).stores({ parties: 'id, *emails, *phones, *domains, nextCheckInAt' });
  await db.open();
  const started = performance.now();
  await db.table('parties').bulkPut(records);
  const ms = performance.now() - started;
  db.close();
  return { ms };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
/** Lets the page breathe between runs: collected garbage is not charged to the next. */
const settle = () => new Promise((done) => setTimeout(done, 200));

/**
 * Each path `rounds` times, in a different order each round, and the median of
 * each: this machine is shared, and a single run of each can be off by a third.
 */
export async function measure(count: number, rounds = 5) {
  const drafts = generateDrafts(count);
  const buildStarted = performance.now();
  const records = builtRecords(drafts);
  const buildMs = performance.now() - buildStarted;
  // Warm up each path once on a small set, so the first run does not pay for JIT.
  await ours(drafts.slice(0, 2000), false);
  await ours(drafts.slice(0, 2000), true);
  await raw(records.slice(0, 2000));
  await dexie(records.slice(0, 2000));

  const paths = {
    raw: () => raw(records),
    dexie: () => dexie(records),
    ours: () => ours(drafts, false),
    oursMerge: () => ours(drafts, true),
  };
  type Path = keyof typeof paths;
  const names = Object.keys(paths) as Path[];
  const samples: Record<Path, number[]> = { raw: [], dexie: [], ours: [], oursMerge: [] };
  let last: Awaited<ReturnType<typeof ours>> | undefined;
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length]!;
      await settle();
      const run = await paths[name]();
      samples[name].push(run.ms);
      if (name === 'ours') last = run as Awaited<ReturnType<typeof ours>>;
    }
  }
  await settle();
  const withReader = await ours(drafts, false, true);
  const ms = Object.fromEntries(names.map((name) => [name, median(samples[name])])) as Record<
    Path,
    number
  >;
  const perSecond = (value: number) => Math.round((count / value) * 1000);
  return {
    contacts: count,
    rounds,
    samplesMs: Object.fromEntries(
      names.map((name) => [name, samples[name].map((value) => Math.round(value))]),
    ),
    rawMs: ms.raw,
    dexieMs: ms.dexie,
    oursMs: ms.ours,
    oursMergeMs: ms.oursMerge,
    rawPerSecond: perSecond(ms.raw),
    dexiePerSecond: perSecond(ms.dexie),
    oursPerSecond: perSecond(ms.ours),
    oursMergePerSecond: perSecond(ms.oursMerge),
    oursVsRaw: ms.raw / ms.ours,
    oursVsDexie: ms.dexie / ms.ours,
    oursMergeVsRaw: ms.raw / ms.oursMerge,
    oursMergeVsDexie: ms.dexie / ms.oursMerge,
    /** Parsing and normalising the drafts (zod, addresses, libphonenumber): the CPU part of ours. */
    buildMs,
    /** One read-and-rewrite of the whole search projection at 50,000 rows. */
    projectionRewriteMs: last?.projectionRewriteMs,
    created: last?.created,
    searchRows: last?.searchRows,
    readerWaitP50Ms: withReader.readerWaitP50Ms,
    readerWaitMaxMs: withReader.readerWaitMaxMs,
  };
}

declare global {
  interface Window {
    clienteleImportBench: { measure: typeof measure };
  }
}
window.clienteleImportBench = { measure };
