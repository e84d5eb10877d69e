// Runs in a dedicated worker of headless Chromium, standing in for the background,
// which does this work in the extension: the worker-side half of the delete
// benchmark. 5,000 parties with an interaction each are deleted in one action by our
// path (every record gathered, kept as an undo entry, tombstoned, search rows
// removed, queued for the sync when it is on, one transaction) and brought back by
// undo; the floor is raw IndexedDB deleting (and putting back) the same keys in one
// transaction, on a plain connection to a database of the same shape. The page
// (delete-page.ts) asks for each step and times its own tasks meanwhile.
import { DEFAULT_CADENCE } from '../lib/domain/cadence';
import type { Interaction, Party } from '../lib/domain';
import { deleteParties } from '../lib/db/deletion-repository';
import { createDbOpener, type GetDb } from '../lib/db/open';
import { setSyncActive } from '../lib/db/outbox-capture';
import { projectParties } from '../lib/db/search-projection';
import { undoEntry } from '../lib/db/undo-repository';

const NOW = Date.UTC(2026, 11, 7);

type Book = { parties: Party[]; interactions: Interaction[] };

function book(count: number): Book {
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

async function seed(name: string, records: Book): Promise<GetDb> {
  const getDb = createDbOpener(name);
  const db = await getDb();
  const tx = db.transaction(['parties', 'interactions', 'searchBuckets'], 'readwrite');
  for (const party of records.parties) void tx.objectStore('parties').put(party);
  for (const interaction of records.interactions)
    void tx.objectStore('interactions').put(interaction);
  await projectParties(tx, records.parties);
  await tx.done;
  // A settled book: nothing waits for the server before the step.
  await db.clear('outbox');
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
function raw(db: IDBDatabase, records: Book, mode: 'delete' | 'put') {
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

/** Sync off (no account: the default) or on (every change also queued in the outbox). */
export type SyncMode = 'off' | 'on';
export type Step =
  | { step: 'prepare'; count: number; round: number; prefix: string }
  | { step: 'rawDelete' }
  | { step: 'rawPut' }
  | { step: 'oursDelete' | 'oursUndo'; sync: SyncMode }
  | { step: 'finish' };

interface Round {
  records: Book;
  rawDb: IDBDatabase;
  ours: Record<SyncMode, { getDb: GetDb; entryId?: string }>;
}
let current: Round | undefined;

const context = (getDb: GetDb) => ({
  getDb,
  clock: () => NOW,
  settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
});

/** One step, where it is called (the worker below; bench/profile-delete.ts on a page). */
export async function run(step: Step): Promise<void> {
  if (step.step === 'prepare') {
    const records = book(step.count);
    const name = (what: string) => `bench-delete-${step.prefix}${what}-${step.round}`;
    (await (await seed(name('raw'), records))()).close();
    current = {
      records,
      rawDb: await openPlain(name('raw')),
      ours: {
        off: { getDb: await seed(name('off'), records) },
        on: { getDb: await seed(name('on'), records) },
      },
    };
    return;
  }
  const round = current!;
  if (step.step === 'rawDelete') return raw(round.rawDb, round.records, 'delete');
  if (step.step === 'rawPut') return raw(round.rawDb, round.records, 'put');
  if (step.step === 'finish') {
    round.rawDb.close();
    for (const { getDb } of Object.values(round.ours)) (await getDb()).close();
    return;
  }
  const { sync } = step;
  const ours = round.ours[sync];
  setSyncActive(sync === 'on');
  if (step.step === 'oursDelete') {
    const deleted = await deleteParties(
      context(ours.getDb),
      round.records.parties.map((party) => party.id),
    );
    if (!deleted.ok) throw new Error(deleted.error.message.code);
    ours.entryId = deleted.value.id;
    return;
  }
  const undone = await undoEntry(context(ours.getDb), ours.entryId!);
  if (!undone.ok) throw new Error(undone.error.message.code);
}

/** Each step, timed here, where the work runs; only in a worker (the profile runs on a page). */
if (typeof window === 'undefined')
  self.onmessage = async (event: MessageEvent<Step & { id: number }>) => {
    const start = performance.now();
    try {
      await run(event.data);
      self.postMessage({ id: event.data.id, ms: performance.now() - start });
    } catch (error) {
      self.postMessage({ id: event.data.id, error: String(error) });
    }
  };
