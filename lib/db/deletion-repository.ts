/*
 * Deleting parties and the recently-deleted list. A little over 300 lines in one
 * file because the delete, its count for the confirmation and the undo entry share
 * one transaction's store list and record set: split apart, a change to one could
 * silently stop matching the others.
 */
import { unwrap, type IDBPTransaction, type StoreNames } from 'idb';
import { newId } from '../domain/ids';
import { PartySchema, type Party } from '../domain/party';
import { err, ok, refusal, type Result } from '../domain/result';
import { inTransaction } from './in-transaction';
import type { GetDb } from './open';
import type { ClienteleSchema } from './schema';
import type { RepositoryContext } from './party-repository';
import { readPartyRecords, readPartyRecordsAndKeys, type StoreKeys } from './party-records-read';
import { keyRuns } from './key-runs';
import { unprojectParties } from './search-projection';
import { queuedRecordKeys } from './outbox-store';
import { deleteKnown } from './outbox-capture';
import {
  countsOf,
  DELETABLE_STORES,
  emptyRecordSet,
  idsOf,
  tombstonedRecords,
  TombstoneSchema,
  type ActionTombstone,
  RECENTLY_DELETED_MS,
  UndoEntrySchema,
  type DeletableStore,
  type RecordCounts,
  type RecordSet,
  type UndoEntry,
  type UndoLabel,
} from './undo-entry';
import { uiText } from '../domain/ui-text';
import { recordKey, type RecordType } from '../sync/outbox';

/** Every store a deletion or its undo writes, in one transaction. */
export const UNDO_TX_STORES = [
  ...DELETABLE_STORES,
  'searchBuckets',
  'undoEntries',
  'tombstones',
  // An import's undo marks its batch undone, and undoing that clears the mark.
  'importBatches',
] as const;

export type UndoTx = IDBPTransaction<ClienteleSchema, typeof UNDO_TX_STORES, 'readwrite'>;

export interface DeletionSummary {
  id: string;
  at: number;
  expiresAt: number;
  label: UndoLabel;
  counts: RecordCounts;
  /** The deleted parties' addresses and phones ("forget and never capture again"). */
  emails: string[];
  phones: string[];
}

const ignore = () => undefined;

/** A transaction over the deletable stores, in any mode. */
type ReadingTx = IDBPTransaction<
  ClienteleSchema,
  ArrayLike<StoreNames<ClienteleSchema>>,
  IDBTransactionMode
>;

/** Everything that goes with these parties, read in the caller's transaction. */
export function gatherParties(tx: ReadingTx, partyIds: readonly string[]): Promise<RecordSet> {
  return readPartyRecords(unwrap(tx), partyIds);
}

/** How many records deleting these parties would remove, by store (for the confirmation). */
export async function countPartyDeletion(
  getDb: GetDb,
  partyIds: readonly string[],
): Promise<RecordCounts> {
  const db = await getDb();
  const tx = db.transaction(DELETABLE_STORES, 'readonly');
  const counts = countsOf(await gatherParties(tx, partyIds));
  await tx.done;
  return counts;
}

/**
 * Removes a set of records inside the caller's transaction and keeps them as one
 * undo entry, with one tombstone for the sync naming every record it removed.
 * Writes are issued without waiting on each (a failed one aborts the transaction,
 * which the caller sees). `storeKeys`: the keys of stores read whole in this
 * transaction, with nothing written to them since; their records go by runs of
 * neighbours, one range request each (key-runs.ts).
 */
export function removeRecords(
  tx: IDBPTransaction<ClienteleSchema, ArrayLike<StoreNames<ClienteleSchema>>, 'readwrite'>,
  removed: RecordSet,
  entry: UndoEntry,
  storeKeys: StoreKeys = {},
): void {
  const native = unwrap(tx);
  // Plain requests, no promise each: thousands of them in a bulk delete.
  for (const store of DELETABLE_STORES) {
    const target = native.objectStore(store);
    const keys = storeKeys[store];
    const records: readonly { id: string }[] = removed[store];
    if (!keys) {
      for (const record of records) deleteKnown(target, record.id, [record]);
      continue;
    }
    const byId = new Map(records.map((record) => [record.id, record]));
    const { runs, unlisted } = keyRuns(keys, new Set(byId.keys()));
    for (const run of runs)
      deleteKnown(
        target,
        run.keys.length === 1 ? run.first : IDBKeyRange.bound(run.first, run.last),
        run.keys.map((key) => byId.get(key)!),
      );
    for (const key of unlisted) deleteKnown(target, key, [byId.get(key)!]);
  }
  const tombstone: ActionTombstone = { id: entry.id, at: entry.at, ids: idsOf(removed) };
  native.objectStore('tombstones').put(tombstone);
  native.objectStore('undoEntries').put(entry);
}

export function newEntry(
  now: number,
  fields: Pick<UndoEntry, 'action' | 'label'> & Partial<UndoEntry>,
): UndoEntry {
  return {
    id: newId(),
    at: now,
    expiresAt: now + RECENTLY_DELETED_MS,
    removed: emptyRecordSet(),
    before: [],
    after: {},
    ...fields,
  };
}

const labelFor = (removed: RecordSet) =>
  removed.parties.length === 1
    ? uiText('undo_party', { name: removed.parties[0]!.name })
    : uiText('undo_parties', { count: removed.parties.length });

/**
 * Deletes parties with their interactions, follow-ups, engagements and purchases,
 * and their search rows, in one transaction: a worker stopped half-way leaves all
 * of them or none. What was removed is kept as one undo entry for 30 days.
 */
export async function deleteParties(
  context: Pick<RepositoryContext, 'getDb' | 'clock'>,
  partyIds: readonly string[],
  /** Cancels the deletion while it runs: the transaction aborts and nothing is removed. */
  signal?: AbortSignal,
  /**
   * Awaited once every write is issued, before the transaction can commit. Only the
   * end-to-end build passes one, to stop the worker inside the transaction
   * (entrypoints/background/delete-hold.ts).
   */
  beforeCommit?: (tx: IDBTransaction) => Promise<void>,
): Promise<Result<DeletionSummary>> {
  const db = await context.getDb();
  const tx = db.transaction(UNDO_TX_STORES, 'readwrite', { durability: 'strict' });
  return inTransaction(
    tx,
    async (): Promise<Result<DeletionSummary>> => {
      const { records: removed, storeKeys } = await readPartyRecordsAndKeys(unwrap(tx), partyIds);
      if (removed.parties.length === 0) return err(refusal('not_found', 'error_record_gone'));
      const now = context.clock();
      const unlinked = await unlinkMembers(tx, removed.parties, now);
      const entry = newEntry(now, {
        action: 'delete',
        label: labelFor(removed),
        removed,
        // Undo links the people back, unless they were edited in between.
        before: unlinked.map(({ before }) => before),
        after: Object.fromEntries(unlinked.map(({ after }) => [after.id, after.updatedAt])),
      });
      // The search buckets are read before the records go: requests answer in order,
      // so a read issued after thousands of deletes would wait for them all.
      const unprojected = unprojectParties(
        tx,
        removed.parties.map((party) => party.id),
      );
      removeRecords(tx, removed, entry, storeKeys);
      for (const { after } of unlinked) tx.objectStore('parties').put(after).catch(ignore);
      await unprojected;
      await beforeCommit?.(unwrap(tx));
      return ok(summarize(entry));
    },
    signal,
  );
}

/**
 * People linked to a deleted organization lose the link (their organization's name
 * stays as text), so no record points at one that is gone. Parties have no index
 * on the link, so the store is walked, and only when an organization goes.
 */
async function unlinkMembers(
  tx: UndoTx,
  deleted: readonly Party[],
  now: number,
): Promise<{ before: Party; after: Party }[]> {
  const organizations = new Set(
    deleted.filter((party) => party.type === 'organization').map((party) => party.id),
  );
  if (organizations.size === 0) return [];
  const going = new Set(deleted.map((party) => party.id));
  const unlinked: { before: Party; after: Party }[] = [];
  for await (const cursor of tx.objectStore('parties')) {
    const party = cursor.value;
    if (party.organizationId === undefined || !organizations.has(party.organizationId)) continue;
    if (going.has(party.id)) continue;
    const before = PartySchema.parse(party);
    const { organizationId: _gone, ...rest } = before;
    unlinked.push({ before, after: { ...rest, updatedAt: now } });
  }
  return unlinked;
}

export function summarize(entry: UndoEntry): DeletionSummary {
  return {
    id: entry.id,
    at: entry.at,
    expiresAt: entry.expiresAt,
    label: entry.label,
    counts: countsOf(entry.removed),
    emails: entry.removed.parties.flatMap((party) => party.emails),
    phones: entry.removed.parties.flatMap((party) => party.phones),
  };
}

/** The deletions that can still be undone, newest first. */
export async function listRecentlyDeleted(getDb: GetDb, now: number): Promise<DeletionSummary[]> {
  const db = await getDb();
  const entries: DeletionSummary[] = [];
  for (const value of (await db.getAllFromIndex('undoEntries', 'byAt')).reverse()) {
    const parsed = UndoEntrySchema.safeParse(value);
    if (!parsed.success) {
      console.warn('Clientele: an undo entry does not parse and is not listed.', value);
      continue;
    }
    if (parsed.data.action === 'delete' && parsed.data.expiresAt > now)
      entries.push(summarize(parsed.data));
  }
  return entries;
}

/** "Forget for good": the entry goes now; the tombstones stay for the sync. */
export async function forgetEntry(getDb: GetDb, entryId: string): Promise<Result<DeletionSummary>> {
  const db = await getDb();
  const tx = db.transaction('undoEntries', 'readwrite', { durability: 'strict' });
  return inTransaction(tx, async (): Promise<Result<DeletionSummary>> => {
    const stored = await tx.store.get(entryId);
    if (!stored) return err(refusal('not_found', 'error_entry_gone'));
    await tx.store.delete(entryId);
    return ok(summarize(UndoEntrySchema.parse(stored)));
  });
}

/**
 * Drops undo entries past their window, and tombstones older than the window none
 * of whose records still waits in the outbox for the server. Run when the list is
 * read and after each deletion.
 */
export async function pruneExpired(getDb: GetDb, now: number): Promise<number> {
  const db = await getDb();
  const tx = db.transaction(['undoEntries', 'tombstones', 'outbox'], 'readwrite');
  let pruned = 0;
  for await (const cursor of tx.objectStore('undoEntries').index('byAt')) {
    if (cursor.value.at + RECENTLY_DELETED_MS > now) break;
    if (cursor.value.expiresAt <= now) {
      await cursor.delete();
      pruned++;
    }
  }
  const old = IDBKeyRange.upperBound(now - RECENTLY_DELETED_MS);
  let queued: Set<string> | undefined;
  for await (const cursor of tx.objectStore('tombstones').index('byAt').iterate(old)) {
    const parsed = TombstoneSchema.safeParse(cursor.value);
    if (parsed.success) {
      // Read once, and only when an old tombstone is there to ask about.
      queued ??= await queuedRecordKeys(tx.objectStore('outbox'));
      const waits = tombstonedRecords(parsed.data).some(([store, id]) => {
        const type = OWN_RECORD_TYPES[store];
        return type !== undefined && queued!.has(recordKey(type, id));
      });
      if (waits) continue;
    }
    await cursor.delete();
    pruned++;
  }
  await tx.done;
  return pruned;
}

/**
 * The sync record type of a store whose deletions travel on their own; engagements
 * and purchases travel inside their party's card, so their party's entry waits.
 */
const OWN_RECORD_TYPES: Partial<Record<DeletableStore, RecordType>> = {
  parties: 'party',
  interactions: 'interaction',
  followUps: 'followUp',
};
