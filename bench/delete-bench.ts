// Runs inside headless Chromium: the page-side half of the delete benchmark. 5,000
// parties with an interaction each are deleted in one action by our path (every
// record gathered, kept as an undo entry, tombstoned, search rows removed, one
// transaction) and brought back by undo; the floor is raw IndexedDB deleting (and
// putting back) the same keys in one transaction, in a database of the same shape.
import { DEFAULT_CADENCE } from '../lib/domain/cadence';
import type { Interaction, Party } from '../lib/domain';
import { deleteParties } from '../lib/db/deletion-repository';
import { createDbOpener } from '../lib/db/open';
import { projectParties } from '../lib/db/search-projection';
import { undoEntry } from '../lib/db/undo-repository';

const NOW = Date.UTC(2026, 11, 7);

function book(count: number): { parties: Party[]; interactions: Interaction[] } {
  const parties: Party[] = [];
  const interactions: Interaction[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    parties.push({
      id,
      type: 'person',
      name: `Person ${i}`,
      kind: 'client',
      kindHistory: [{ kind: 'client', at: NOW }],
      emails: [`person${i}@example.com`],
      phones: [],
      domains: [],
      tags: [],
      notes: '',
      createdAt: NOW,
      updatedAt: NOW,
      lastInteractionAt: NOW - i,
    });
    interactions.push({
      id: crypto.randomUUID(),
      partyId: id,
      type: 'call',
      direction: 'outbound',
      at: NOW - i,
      summary: `call ${i}`,
      requestId: crypto.randomUUID(),
      createdAt: NOW,
    });
  }
  return { parties, interactions };
}

async function seed(name: string, records: ReturnType<typeof book>) {
  const getDb = createDbOpener(name);
  const db = await getDb();
  const tx = db.transaction(['parties', 'interactions', 'searchBuckets'], 'readwrite');
  for (const party of records.parties) void tx.objectStore('parties').put(party);
  for (const interaction of records.interactions)
    void tx.objectStore('interactions').put(interaction);
  await projectParties(tx, records.parties);
  await tx.done;
  return getDb;
}

function openPlain(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('the database did not open'));
  });
}

/** The bare API over the same keys, no promise per request: the floor. */
function raw(db: IDBDatabase, records: ReturnType<typeof book>, mode: 'delete' | 'put') {
  return new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['parties', 'interactions'], 'readwrite', { durability: 'strict' });
    const parties = tx.objectStore('parties');
    const interactions = tx.objectStore('interactions');
    for (const party of records.parties)
      if (mode === 'delete') parties.delete(party.id);
      else parties.put(party);
    for (const interaction of records.interactions)
      if (mode === 'delete') interactions.delete(interaction.id);
      else interactions.put(interaction);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('the transaction failed'));
  });
}

let longest = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
}).observe({ type: 'longtask', buffered: false });

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measure(count: number, rounds = 3) {
  const samples = {
    rawDelete: [] as number[],
    oursDelete: [] as number[],
    rawPut: [] as number[],
    oursUndo: [] as number[],
  };
  let oursLongest = 0;
  for (let round = 0; round < rounds; round++) {
    const records = book(count);
    // The floor is a plain connection: ours queues each change for the sync (outbox-capture.ts).
    (await (await seed(`bench-raw-${round}`, records))()).close();
    const rawDb = await openPlain(`bench-raw-${round}`);
    samples.rawDelete.push(await timed(() => raw(rawDb, records, 'delete')));
    samples.rawPut.push(await timed(() => raw(rawDb, records, 'put')));
    rawDb.close();

    const getDb = await seed(`bench-ours-${round}`, records);
    const context = {
      getDb,
      clock: () => NOW,
      settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
    };
    longest = 0;
    let entryId = '';
    samples.oursDelete.push(
      await timed(async () => {
        const deleted = await deleteParties(
          context,
          records.parties.map((p) => p.id),
        );
        if (!deleted.ok) throw new Error(deleted.error.message.code);
        entryId = deleted.value.id;
      }),
    );
    samples.oursUndo.push(
      await timed(async () => {
        const undone = await undoEntry(context, entryId);
        if (!undone.ok) throw new Error(undone.error.message.code);
      }),
    );
    // Long tasks are reported a moment after they end.
    await new Promise((resolve) => setTimeout(resolve, 100));
    oursLongest = Math.max(oursLongest, longest);
    (await getDb()).close();
  }
  const [rawDelete, oursDelete, rawPut, oursUndo] = [
    median(samples.rawDelete),
    median(samples.oursDelete),
    median(samples.rawPut),
    median(samples.oursUndo),
  ];
  return {
    parties: count,
    records: count * 2,
    rounds,
    rawDeleteMs: rawDelete,
    oursDeleteMs: oursDelete,
    rawPutMs: rawPut,
    oursUndoMs: oursUndo,
    deleteVsRaw: rawDelete / oursDelete,
    undoVsRaw: rawPut / oursUndo,
    deleteAndUndoVsRaw: (rawDelete + rawPut) / (oursDelete + oursUndo),
    longestTaskMs: oursLongest,
    samplesMs: samples,
  };
}

declare global {
  interface Window {
    clienteleDeleteBench: { measure: typeof measure };
  }
}
window.clienteleDeleteBench = { measure };
