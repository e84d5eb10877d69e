import { PartySchema, type Party } from '../domain/party';
import { err, ok, refusal, type Result } from '../domain/result';
import {
  gatherParties,
  newEntry,
  removeRecords,
  UNDO_TX_STORES,
  type UndoTx,
} from './deletion-repository';
import { ImportBatchSchema, partsOf, type ImportBatch } from './import-batch';
import { inTransaction } from './in-transaction';
import type { GetDb } from './open';
import type { RepositoryContext } from './party-repository';
import { projectParties, unprojectParties } from './search-projection';
import { markBatch } from './undo-repository';
import { emptyRecordSet, type UndoLabel } from './undo-entry';
import { uiText } from '../domain/ui-text';

/** One import as options lists it: its parts summed. */
export interface ImportBatchSummary {
  id: string;
  at: number;
  fileName: string;
  added: number;
  merged: number;
  undoneAt?: number;
}

export interface ImportUndoOutcome {
  /** The undo entry that takes this back again. */
  entryId: string;
  label: UndoLabel;
  removed: number;
  restored: number;
  /** Records left as they are: edited since the import, or given records of their own since. */
  keptEdited: number;
  keptWithRecords: number;
  /** Records the import added or merged into that are gone already. */
  gone: number;
}

/** Every import, newest first, from its parts (which share a `batchId`). */
export async function listImportBatches(getDb: GetDb): Promise<ImportBatchSummary[]> {
  const db = await getDb();
  const batches = new Map<string, ImportBatchSummary>();
  for (const stored of await db.getAllFromIndex('importBatches', 'byAt')) {
    const parsed = ImportBatchSchema.safeParse(stored);
    if (!parsed.success) continue;
    const part = parsed.data;
    const batch = batches.get(part.batchId) ?? {
      id: part.batchId,
      at: part.at,
      fileName: part.fileName,
      added: 0,
      merged: 0,
    };
    batch.added += part.added.length;
    batch.merged += part.merged.length;
    if (part.undoneAt !== undefined) batch.undoneAt = part.undoneAt;
    batches.set(part.batchId, batch);
  }
  return [...batches.values()].reverse();
}

/** What undoing a batch means for each record it touched, from its parts in order. */
interface Plan {
  /** Party id → the `updatedAt` the import's last write gave it. */
  last: Map<string, number>;
  /** Party id → as it was before the import; absent for the parties the import added. */
  first: Map<string, Party>;
}

function planOf(parts: readonly ImportBatch[]): Plan {
  const plan: Plan = { last: new Map(), first: new Map() };
  for (const part of parts) {
    for (const { id, updatedAt } of part.added) plan.last.set(id, updatedAt);
    for (const { before, after } of part.merged) {
      // Merged into a record this same import added: removing it covers both.
      if (!plan.last.has(before.id)) plan.first.set(before.id, before);
      plan.last.set(before.id, after);
    }
  }
  return plan;
}

/**
 * Takes an import back in one transaction: removes the parties it added that
 * nobody changed since (same `updatedAt`, and no interaction, follow-up,
 * engagement or purchase added to them), and puts back the earlier state of the
 * records it merged into, where nobody changed them since. Everything else is
 * kept and counted. The removal is one undo entry (listed under "Recently
 * deleted"), so the undo can itself be undone.
 */
export async function undoImportBatch(
  context: Pick<RepositoryContext, 'getDb' | 'clock'>,
  batchId: string,
): Promise<Result<ImportUndoOutcome>> {
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(UNDO_TX_STORES, 'readwrite', { durability: 'strict' });
  return inTransaction(tx, async (): Promise<Result<ImportUndoOutcome>> => {
    const parts = (await tx.objectStore('importBatches').getAll(partsOf(batchId))).map((p) =>
      ImportBatchSchema.parse(p),
    );
    if (parts.length === 0) return err(refusal('not_found', 'error_import_not_listed'));
    if (parts.some((part) => part.undoneAt !== undefined))
      return err(refusal('conflict', 'error_import_undone'));
    const plan = planOf(parts);
    const ids = [...plan.last.keys()];
    const current = await readParties(tx, ids);
    const outcome = { removed: 0, restored: 0, keptEdited: 0, keptWithRecords: 0, gone: 0 };
    const unchanged = ids.filter((id) => {
      const party = current.get(id);
      if (!party) outcome.gone++;
      else if (party.updatedAt !== plan.last.get(id)) outcome.keptEdited++;
      return party?.updatedAt === plan.last.get(id);
    });
    const toRestore = unchanged.filter((id) => plan.first.has(id));
    const gathered = await gatherParties(
      tx,
      unchanged.filter((id) => !plan.first.has(id)),
    );
    const withRecords = new Set(
      [
        ...gathered.interactions,
        ...gathered.followUps,
        ...gathered.engagements,
        ...gathered.purchases,
      ].map((record) => record.partyId),
    );
    outcome.keptWithRecords = withRecords.size;
    const removed = emptyRecordSet();
    removed.parties = gathered.parties.filter((party) => !withRecords.has(party.id));
    const earlier = toRestore.map((id) => plan.first.get(id)!);
    const fileName = parts[0]!.fileName;
    const entry = newEntry(now, {
      action: 'delete',
      label: uiText('undo_import', { fileName, count: removed.parties.length }),
      removed,
      // What undoing this puts back: the merged records as the import left them.
      before: toRestore.map((id) => current.get(id)!),
      after: Object.fromEntries(earlier.map((party) => [party.id, party.updatedAt])),
      importBatchId: batchId,
    });
    removeRecords(tx, removed, entry);
    for (const party of earlier) tx.objectStore('parties').put(party).catch(ignore);
    await unprojectParties(
      tx,
      removed.parties.map((party) => party.id),
    );
    await projectParties(tx, earlier);
    await markBatch(tx, batchId, now);
    outcome.removed = removed.parties.length;
    outcome.restored = earlier.length;
    return ok({ entryId: entry.id, label: entry.label, ...outcome });
  });
}

const ignore = () => undefined;

async function readParties(tx: UndoTx, ids: readonly string[]): Promise<Map<string, Party>> {
  const store = tx.objectStore('parties');
  const found = await Promise.all(ids.map((id) => store.get(id)));
  const parties = new Map<string, Party>();
  for (const stored of found)
    if (stored) {
      const party = PartySchema.parse(stored);
      parties.set(party.id, party);
    }
  return parties;
}
