import type { GetDb } from '../db/open';
import { inTransaction } from '../db/in-transaction';
import { queuedRecordKeys } from '../db/outbox-store';
import { recordKey, splitRecordKey, type RecordType } from './outbox';

/**
 * The book's side of setting sync up: every record queued for the first round,
 * and the synced state dropped when the account or its collections change (the
 * book itself is never touched).
 */

const STORES = { parties: 'party', interactions: 'interaction', followUps: 'followUp' } as const;

/**
 * Queues every record that is not queued yet (records from before version 6, or
 * changed while sync was off, are not), and the deletion of every record the
 * server had that is gone from the book (deleted while sync was paused).
 */
export async function enqueueAll(getDb: GetDb): Promise<number> {
  const db = await getDb();
  const tx = db.transaction(
    ['parties', 'interactions', 'followUps', 'outbox', 'syncStates'],
    'readonly',
  );
  const [waiting, synced, ...keys] = await Promise.all([
    queuedRecordKeys(tx.objectStore('outbox')),
    tx.objectStore('syncStates').getAllKeys(),
    ...(Object.keys(STORES) as (keyof typeof STORES)[]).map((store) =>
      tx.objectStore(store).getAllKeys(),
    ),
  ]);
  const missing: { type: RecordType; id: string; op: 'put' | 'delete' }[] = [];
  const present = new Set<string>();
  (Object.values(STORES) as RecordType[]).forEach((type, i) => {
    for (const id of keys[i] ?? []) {
      const key = recordKey(type, id);
      present.add(key);
      if (!waiting.has(key)) missing.push({ type, id, op: 'put' });
    }
  });
  for (const key of synced) {
    if (present.has(key) || waiting.has(key)) continue;
    const record = splitRecordKey(key);
    if (record) missing.push({ ...record, op: 'delete' });
  }
  if (missing.length === 0) return 0;
  const write = db.transaction('outbox', 'readwrite');
  let seq = Date.now() * 1000;
  await inTransaction(write, async () => {
    for (const { type, id, op } of missing)
      write.store
        .put({ key: recordKey(type, id), type, id, op, seq: seq++ })
        .catch(() => undefined);
    await write.store.count();
  });
  return missing.length;
}

/** Empties the outbox: sync is off, and the first round after setup queues the book anew. */
export async function pruneOutbox(getDb: GetDb): Promise<void> {
  await (await getDb()).clear('outbox');
}

/** Forgets what the server had (hrefs, ETags, tokens): the next round starts afresh. */
export async function forgetSyncedState(getDb: GetDb): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['syncStates', 'syncTokens'], 'readwrite');
  await inTransaction(tx, async () => {
    await tx.objectStore('syncStates').clear();
    await tx.objectStore('syncTokens').clear();
  });
}
