import type { IDBPDatabase, IDBPObjectStore, StoreNames } from 'idb';
import {
  BATCH_KEYS,
  expandBatches,
  isBatch,
  OutboxBatchSchema,
  OutboxEntrySchema,
  queuedKeys,
  type OutboxBatch,
  type OutboxEntry,
} from '../sync/outbox';
import { inTransaction } from './in-transaction';
import type { ClienteleSchema } from './schema';

/**
 * Reading the outbox, which holds per-record entries and batches (see OutboxBatch):
 * what waits, parsed; unreadable values are left out (and warned about), never a crash.
 */

type OutboxValue = OutboxEntry | OutboxBatch;
type OutboxStore = Pick<
  IDBPObjectStore<
    ClienteleSchema,
    ArrayLike<StoreNames<ClienteleSchema>>,
    'outbox',
    IDBTransactionMode
  >,
  'getAll' | 'getAllKeys'
>;

const batchRange = () => IDBKeyRange.bound(BATCH_KEYS.lower, BATCH_KEYS.upper);

function parsed(values: readonly unknown[]): OutboxValue[] {
  const kept: OutboxValue[] = [];
  for (const value of values) {
    const key = (value as { key?: unknown } | undefined)?.key;
    const schema =
      typeof key === 'string' && key.startsWith(BATCH_KEYS.lower)
        ? OutboxBatchSchema
        : OutboxEntrySchema;
    const result = schema.safeParse(value);
    if (result.success) kept.push(result.data);
    else console.warn('Clientele: an outbox entry does not parse and is left out.', value);
  }
  return kept;
}

/**
 * Every record key that waits for the server, in entries and batches alike: the
 * entries' keys alone (no values), and the batches.
 */
export async function queuedRecordKeys(store: OutboxStore): Promise<Set<string>> {
  const [keys, batches] = await Promise.all([store.getAllKeys(), store.getAll(batchRange())]);
  const queued = queuedKeys(parsed(batches));
  for (const key of keys) if (!key.startsWith(BATCH_KEYS.lower)) queued.add(key);
  return queued;
}

/** How many records wait for the server. */
export async function countQueued(db: IDBPDatabase<ClienteleSchema>): Promise<number> {
  return (await queuedRecordKeys(db.transaction('outbox').store)).size;
}

/**
 * What waits for the server, one entry per record: batches are expanded into
 * entries first, in one transaction (a worker stopped meanwhile leaves the batch).
 */
export async function pendingEntries(db: IDBPDatabase<ClienteleSchema>): Promise<OutboxEntry[]> {
  const read = db.transaction('outbox');
  const [batchCount, values] = await Promise.all([
    read.store.count(batchRange()),
    read.store.getAll(),
  ]);
  if (batchCount === 0) return parsed(values).filter((value) => !isBatch(value)) as OutboxEntry[];
  const tx = db.transaction('outbox', 'readwrite', { durability: 'strict' });
  return inTransaction(tx, async () => {
    const all = parsed(await tx.store.getAll());
    const entries = new Map<string, OutboxEntry>();
    const batches: OutboxBatch[] = [];
    for (const value of all)
      if (isBatch(value)) batches.push(value);
      else entries.set(value.key, value);
    for (const entry of expandBatches(entries, batches)) {
      entries.set(entry.key, entry);
      tx.store.put(entry).catch(() => undefined);
    }
    for (const batch of batches) tx.store.delete(batch.key).catch(() => undefined);
    await tx.store.count();
    return [...entries.values()];
  });
}
