import type { GetDb } from '../db/open';
import { inTransaction } from '../db/in-transaction';
import { recordKey, type RecordType } from './outbox';

/**
 * The book's side of setting sync up: every record queued for the first round,
 * and the synced state dropped when the account or its collections change (the
 * book itself is never touched).
 */

const STORES = { parties: 'party', interactions: 'interaction', followUps: 'followUp' } as const;

/** Queues every record that is not queued yet (records from before version 6 are not). */
export async function enqueueAll(getDb: GetDb): Promise<number> {
  const db = await getDb();
  const tx = db.transaction(['parties', 'interactions', 'followUps', 'outbox'], 'readonly');
  const [queued, ...keys] = await Promise.all([
    tx.objectStore('outbox').getAllKeys(),
    ...(Object.keys(STORES) as (keyof typeof STORES)[]).map((store) =>
      tx.objectStore(store).getAllKeys(),
    ),
  ]);
  const waiting = new Set(queued);
  const missing: { type: RecordType; id: string }[] = [];
  (Object.values(STORES) as RecordType[]).forEach((type, i) => {
    for (const id of keys[i] ?? [])
      if (!waiting.has(recordKey(type, id))) missing.push({ type, id });
  });
  if (missing.length === 0) return 0;
  const write = db.transaction('outbox', 'readwrite');
  let seq = Date.now() * 1000;
  await inTransaction(write, async () => {
    for (const { type, id } of missing)
      write.store
        .put({ key: recordKey(type, id), type, id, op: 'put', seq: seq++ })
        .catch(() => undefined);
    await write.store.count();
  });
  return missing.length;
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
