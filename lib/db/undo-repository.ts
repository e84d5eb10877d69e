import { unwrap } from 'idb';
import type { CadenceDefaults, Party } from '../domain';
import { nextCheckIn } from '../domain/cadence';
import { withoutUndefined } from '../domain/new-party';
import { PartySchema } from '../domain/party';
import { err, ok, refusal, type Result } from '../domain/result';
import { UNDO_TX_STORES, type UndoTx } from './deletion-repository';
import { inTransaction } from './in-transaction';
import type { RepositoryContext } from './party-repository';
import { answersOf, readsWhole } from './party-records-read';
import { projectParties } from './search-projection';
import { ImportBatchSchema, partsOf } from './import-batch';
import {
  countsOf,
  DELETABLE_STORES,
  UndoEntrySchema,
  type RecordCounts,
  type UndoEntry,
  type UndoLabel,
} from './undo-entry';

export interface UndoOutcome {
  label: UndoLabel;
  restored: RecordCounts;
  /** Parties a bulk change left alone, because they were edited after it. */
  kept: number;
}

const ignore = () => undefined;

/**
 * Takes one action back, in one transaction. A deletion comes back exactly as it
 * was stored (ids, history, timeline), its search rows and no tombstone; a bulk
 * change puts back each party it changed that nobody edited since. Refused when a
 * restored party's address or phone now belongs to another record.
 */
export async function undoEntry(
  context: RepositoryContext,
  entryId: string,
): Promise<Result<UndoOutcome>> {
  const { cadence } = await context.settings();
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(UNDO_TX_STORES, 'readwrite', { durability: 'strict' });
  return inTransaction(tx, async (): Promise<Result<UndoOutcome>> => {
    const stored = await tx.objectStore('undoEntries').get(entryId);
    if (!stored) return err(refusal('not_found', 'error_undo_gone'));
    const entry = UndoEntrySchema.parse(stored);
    const outcome: UndoOutcome = { label: entry.label, restored: countsOf(entry.removed), kept: 0 };
    if (entry.action === 'delete') {
      const clash = await findClash(tx, entry.removed.parties);
      if (clash) return err(refusal('conflict', 'error_undo_clash', clash));
      // The search buckets are read before the records are written: requests answer
      // in order, so a read issued after thousands of writes would wait for them all.
      const projected = projectParties(tx, entry.removed.parties);
      // Plain requests, no promise each: a bulk undo puts back thousands.
      const native = unwrap(tx);
      for (const store of DELETABLE_STORES) {
        const target = native.objectStore(store);
        for (const record of entry.removed[store]) target.add(record);
      }
      await removeTombstones(tx, entry);
      await projected;
      await touchLastContact(tx, entry.removed, now, cadence);
    }
    if (entry.action === 'change' || entry.before.length > 0) {
      const putBack = await unedited(tx, entry);
      for (const party of putBack) tx.objectStore('parties').put(party).catch(ignore);
      await projectParties(tx, putBack);
      outcome.kept = entry.before.length - putBack.length;
      outcome.restored = {
        ...countsOf(entry.removed),
        parties: (entry.action === 'delete' ? entry.removed.parties.length : 0) + putBack.length,
      };
    }
    if (entry.importBatchId) await markBatch(tx, entry.importBatchId, undefined);
    await tx.objectStore('undoEntries').delete(entry.id);
    return ok(outcome);
  });
}

/**
 * The deletion's tombstone goes: one, under the entry's id. A deletion made while
 * tombstones were kept one per record left those instead (RecordTombstoneSchema):
 * the first record's says which, and then each goes.
 */
async function removeTombstones(tx: UndoTx, entry: UndoEntry): Promise<void> {
  const tombstones = tx.objectStore('tombstones');
  tombstones.delete(entry.id).catch(ignore);
  const first = DELETABLE_STORES.map((store) => entry.removed[store][0]).find(Boolean);
  if (!first) return;
  const stored = await tombstones.get(first.id);
  if (!stored || !('store' in stored)) return;
  const native = unwrap(tx).objectStore('tombstones');
  for (const store of DELETABLE_STORES)
    for (const record of entry.removed[store]) native.delete(record.id);
}

/** The parties in `before` that nobody edited since the action (still at `after`). */
async function unedited(tx: UndoTx, entry: UndoEntry): Promise<Party[]> {
  const parties = tx.objectStore('parties');
  const current = await Promise.all(entry.before.map((before) => parties.get(before.id)));
  return entry.before.filter(
    (before, i) => current[i] !== undefined && current[i].updatedAt === entry.after[before.id],
  );
}

/** Sets (a time) or clears (undefined) the undone mark on every part of an import batch. */
export async function markBatch(
  tx: Pick<UndoTx, 'objectStore'>,
  batchId: string,
  undoneAt: number | undefined,
): Promise<void> {
  const store = tx.objectStore('importBatches');
  for (const stored of await store.getAll(partsOf(batchId))) {
    const { undoneAt: _was, ...part } = ImportBatchSchema.parse(stored);
    store.put(undoneAt === undefined ? part : { ...part, undoneAt }).catch(ignore);
  }
}

/** The first restored address or phone now on another record, and that record's name. */
async function findClash(
  tx: UndoTx,
  parties: readonly Party[],
): Promise<{ value: string; owner: string } | undefined> {
  const restoring = new Set(parties.map((party) => party.id));
  const lookups = parties.flatMap((party) => [
    ...party.emails.map((value) => ['byEmail', value] as const),
    ...party.phones.map((value) => ['byPhone', value] as const),
  ]);
  if (lookups.length === 0) return undefined;
  const store = unwrap(tx).objectStore('parties');
  const [count] = await answersOf([store.count()]);
  if (count === 0) return undefined;
  let owners: (Party | undefined)[];
  if (readsWhole(count!, lookups.length)) {
    // Fewer parties than addresses to look up: one read of them all.
    const [all] = await answersOf([store.getAll() as IDBRequest<Party[]>]);
    const holders = { byEmail: new Map<string, Party>(), byPhone: new Map<string, Party>() };
    for (const party of all!) {
      for (const email of party.emails) holders.byEmail.set(email, party);
      for (const phone of party.phones) holders.byPhone.set(phone, party);
    }
    owners = lookups.map(([index, value]) => holders[index].get(value));
  } else {
    // Issued at once, answered in order: no round trip per address.
    owners = await answersOf(
      lookups.map(
        ([index, value]) => store.index(index).get(value) as IDBRequest<Party | undefined>,
      ),
    );
  }
  for (const [i, owner] of owners.entries())
    if (owner && !restoring.has(owner.id)) return { value: lookups[i]![1], owner: owner.name };
  return undefined;
}

/**
 * Interactions restored without their party (one deleted from a timeline) move the
 * party's last contact and next check-in forward again.
 */
async function touchLastContact(
  tx: UndoTx,
  removed: { parties: readonly Party[]; interactions: readonly { partyId: string; at: number }[] },
  now: number,
  cadence: CadenceDefaults,
): Promise<void> {
  const restoring = new Set(removed.parties.map((party) => party.id));
  const latest = new Map<string, number>();
  for (const { partyId, at } of removed.interactions)
    if (!restoring.has(partyId)) latest.set(partyId, Math.max(at, latest.get(partyId) ?? at));
  for (const [partyId, at] of latest) {
    const stored = await tx.objectStore('parties').get(partyId);
    if (!stored) continue;
    const party = PartySchema.parse(stored);
    if ((party.lastInteractionAt ?? -Infinity) >= at) continue;
    const touched = { ...party, lastInteractionAt: at, updatedAt: now };
    const updated = withoutUndefined({ ...touched, nextCheckInAt: nextCheckIn(touched, cadence) });
    tx.objectStore('parties').put(updated).catch(ignore);
    await projectParties(tx, [updated]);
  }
}
