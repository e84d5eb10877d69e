// Runs inside headless Chromium: the page-side half of the import benchmark. The
// same 50,000 generated contacts go (a) through our import path — drafts parsed,
// normalised, checked for duplicates, stored in chunked transactions with the
// search projection; (b) as raw IndexedDB `put`s of the finished records in one
// transaction, into a store with the same indexes; (c) through Dexie's `bulkPut`.
import Dexie from 'dexie';
import { DEFAULT_CADENCE } from '../lib/domain/cadence';
import { newParty } from '../lib/domain/new-party';
import { PartyDraftSchema, type Party, type PartyDraft } from '../lib/domain/party';
import { importParties } from '../lib/db/bulk-import';
import { createDbOpener } from '../lib/db/open';
import { mergeImported } from '../lib/transfer/merge-party';

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
    if (!built.ok) throw new Error(built.error.message);
    return built.value;
  });
}

const context = (name: string) => ({
  getDb: createDbOpener(name),
  clock: () => NOW,
  settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
});

/** Our path, while a reader asks for a record every 20 ms: how long do its answers wait? */
async function ours(drafts: PartyDraft[], merge: boolean) {
  const ctx = context(`bench-ours-${merge ? 'merge' : 'skip'}-${crypto.randomUUID()}`);
  const db = await ctx.getDb();
  let reading = true;
  const waits: number[] = [];
  const reader = (async () => {
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
    ...(merge ? { merge: (a: Party, b: Party) => mergeImported(a, b, DEFAULT_CADENCE, NOW) } : {}),
  });
  const ms = performance.now() - started;
  reading = false;
  await reader;
  const buckets = await db.getAll('searchBuckets');
  const rows = buckets.reduce((sum, b) => sum + Object.keys(b.rows).length, 0);
  // What every chunk pays for the projection at the end: read and rewrite all 64 buckets.
  const rewriteStarted = performance.now();
  const tx = db.transaction('searchBuckets', 'readwrite', { durability: 'relaxed' });
  for (const bucket of await tx.store.getAll()) void tx.store.put(bucket);
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

async function raw(records: Party[]) {
  const getDb = createDbOpener(`bench-raw-${crypto.randomUUID()}`);
  const db = await getDb();
  const started = performance.now();
  const tx = db.transaction('parties', 'readwrite', { durability: 'relaxed' });
  for (const record of records) void tx.store.put(record);
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

export async function measure(count: number) {
  const drafts = generateDrafts(count);
  const buildStarted = performance.now();
  const records = builtRecords(drafts);
  const buildMs = performance.now() - buildStarted;
  // Warm up each path once on a small set, so the first run does not pay for JIT.
  await ours(drafts.slice(0, 500), false);
  await raw(records.slice(0, 500));
  await dexie(records.slice(0, 500));

  const runs = {
    raw: await raw(records),
    dexie: await dexie(records),
    ours: await ours(drafts, false),
    oursMerge: await ours(drafts, true),
  };
  const perSecond = (ms: number) => Math.round((count / ms) * 1000);
  return {
    contacts: count,
    rawMs: runs.raw.ms,
    dexieMs: runs.dexie.ms,
    oursMs: runs.ours.ms,
    oursMergeMs: runs.oursMerge.ms,
    rawPerSecond: perSecond(runs.raw.ms),
    dexiePerSecond: perSecond(runs.dexie.ms),
    oursPerSecond: perSecond(runs.ours.ms),
    oursMergePerSecond: perSecond(runs.oursMerge.ms),
    oursVsRaw: runs.raw.ms / runs.ours.ms,
    oursVsDexie: runs.dexie.ms / runs.ours.ms,
    oursMergeVsRaw: runs.raw.ms / runs.oursMerge.ms,
    /** Parsing and normalising the drafts (zod, addresses, libphonenumber): the CPU part of ours. */
    buildMs,
    /** One read-and-rewrite of the whole search projection at 50,000 rows. */
    projectionRewriteMs: runs.oursMerge.projectionRewriteMs,
    created: runs.ours.created,
    searchRows: runs.ours.searchRows,
    readerWaitP50Ms: runs.ours.readerWaitP50Ms,
    readerWaitMaxMs: runs.ours.readerWaitMaxMs,
  };
}

declare global {
  interface Window {
    clienteleImportBench: { measure: typeof measure };
  }
}
window.clienteleImportBench = { measure };
