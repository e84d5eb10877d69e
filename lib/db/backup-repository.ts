import { err, ok, refusal, type Result } from '../domain/result';
import {
  BACKUP_STORES,
  RECENTLY_DELETED_STORES,
  type BackupStore,
  type TransferStore,
} from '../transfer/backup-format';
import type { BackupRecords, TransferRecords } from '../transfer/backup-records';
import { RECORD_SCHEMAS } from '../transfer/backup-records';
import { inTransaction } from './in-transaction';
import type { GetDb } from './open';
import type { RepositoryContext } from './party-repository';
import { replaceProjection } from './search-projection';

export type StoreCounts = Record<BackupStore, number>;

export async function countRecords(getDb: GetDb): Promise<StoreCounts> {
  const db = await getDb();
  const tx = db.transaction([...BACKUP_STORES], 'readonly');
  const counts = await Promise.all(BACKUP_STORES.map((name) => tx.objectStore(name).count()));
  await tx.done;
  return Object.fromEntries(BACKUP_STORES.map((name, i) => [name, counts[i] ?? 0])) as StoreCounts;
}

export interface StorePage {
  records: TransferRecords[TransferStore];
  /** The key to pass as `after` for the next page; absent on the last one. */
  next?: string;
}

/**
 * One page of a store in key order, each record parsed with its domain schema (a
 * record an older version wrote is checked before it leaves). Pages keep each
 * message well under the runtime's message size and let the page show progress.
 */
export async function readStorePage(
  getDb: GetDb,
  store: TransferStore,
  options: { after?: string; limit: number },
): Promise<StorePage> {
  const db = await getDb();
  const range =
    options.after === undefined ? undefined : IDBKeyRange.lowerBound(options.after, true);
  const values = await db.getAll(store, range, options.limit);
  const schema = RECORD_SCHEMAS[store];
  const records = values.map((value) => schema.parse(value)) as TransferRecords[TransferStore];
  const last = records[records.length - 1];
  return records.length === options.limit && last ? { records, next: last.id } : { records };
}

export interface StoreTally {
  added: number;
  merged: number;
  skipped: number;
}
export type RestoreOutcome = Record<BackupStore, StoreTally>;

const emptyTally = (): RestoreOutcome =>
  Object.fromEntries(
    BACKUP_STORES.map((s) => [s, { added: 0, merged: 0, skipped: 0 }]),
  ) as RestoreOutcome;

const ALL_STORES = [...BACKUP_STORES, ...RECENTLY_DELETED_STORES, 'searchBuckets'] as const;

/**
 * Restores a backup into a book that holds nothing: every record as it was, ids
 * kept, and the search projection rebuilt from the parties. One transaction: a
 * restore is all there or not there. A book that is not empty is refused.
 */
export async function restoreIntoEmpty(
  getDb: GetDb,
  records: BackupRecords,
): Promise<Result<RestoreOutcome>> {
  const db = await getDb();
  const tx = db.transaction([...ALL_STORES], 'readwrite', { durability: 'strict' });
  return inTransaction(tx, async (): Promise<Result<RestoreOutcome>> => {
    for (const store of BACKUP_STORES) {
      if ((await tx.objectStore(store).count()) > 0)
        return err(refusal('not_empty', 'restore_not_empty'));
    }
    const outcome = emptyTally();
    for (const store of BACKUP_STORES) {
      const target = tx.objectStore(store);
      // Unawaited so the writes stream; a failure aborts the transaction, which throws below.
      for (const record of records[store]) target.add(record as never).catch(ignore);
      outcome[store].added = records[store].length;
    }
    putRecentlyDeleted(tx, records);
    await replaceProjection(tx.objectStore('searchBuckets'), records.parties);
    return ok(outcome);
  });
}

const ignore = () => undefined;

/**
 * Writes a backup's recently-deleted entries and tombstones in the restore's own
 * transaction, so the undo list comes back with the book. `put`, not `add`: a book
 * that counts as empty may still hold entries, and the same id is the same entry.
 */
export function putRecentlyDeleted(
  tx: { objectStore(name: 'undoEntries' | 'tombstones'): { put(value: never): Promise<unknown> } },
  records: BackupRecords,
): void {
  for (const entry of records.undoEntries ?? [])
    tx.objectStore('undoEntries')
      .put(entry as never)
      .catch(ignore);
  for (const tombstone of records.tombstones ?? [])
    tx.objectStore('tombstones')
      .put(tombstone as never)
      .catch(ignore);
}

export { restoreMerge } from './backup-merge';
export type { RepositoryContext };
