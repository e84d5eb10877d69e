import type { CadenceDefaults, Party } from '../domain';
import { nextCheckIn } from '../domain/cadence';
import { withoutUndefined } from '../domain/new-party';
import { PartySchema } from '../domain/party';
import { err, ok, type Result } from '../domain/result';
import { UNDO_TX_STORES, type UndoTx } from './deletion-repository';
import { inTransaction } from './in-transaction';
import type { RepositoryContext } from './party-repository';
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
 * was stored (ids, history, timeline), its search rows and no tombstones; a bulk
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
    if (!stored) return err({ code: 'not_found', message: 'That can no longer be undone.' });
    const entry = UndoEntrySchema.parse(stored);
    const outcome: UndoOutcome = { label: entry.label, restored: countsOf(entry.removed), kept: 0 };
    if (entry.action === 'delete') {
      const clash = await findClash(tx, entry.removed.parties);
      if (clash) return err({ code: 'conflict', message: clash });
      for (const store of DELETABLE_STORES) {
        for (const record of entry.removed[store]) {
          tx.objectStore(store)
            .add(record as never)
            .catch(ignore);
          tx.objectStore('tombstones').delete(record.id).catch(ignore);
        }
      }
      await touchLastContact(tx, entry.removed, now, cadence);
      await projectParties(tx, entry.removed.parties);
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

/** A message naming the first restored address or phone now on another record. */
async function findClash(tx: UndoTx, parties: readonly Party[]): Promise<string | undefined> {
  const restoring = new Set(parties.map((party) => party.id));
  const index = (name: 'byEmail' | 'byPhone') => tx.objectStore('parties').index(name);
  const lookups = parties.flatMap((party) => [
    ...party.emails.map((value) => [value, index('byEmail').get(value)] as const),
    ...party.phones.map((value) => [value, index('byPhone').get(value)] as const),
  ]);
  // Issued at once, answered in order: no round trip per address.
  const owners = await Promise.all(lookups.map(([, owner]) => owner));
  for (const [i, owner] of owners.entries())
    if (owner && !restoring.has(owner.id))
      return `${lookups[i]![0]} is now on ${owner.name}’s record: merge or edit it first, then undo.`;
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
