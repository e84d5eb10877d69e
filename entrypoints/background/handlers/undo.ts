import { err, ok, refusal } from '../../../lib/domain/result';
import { TransactionCancelled } from '../../../lib/db/in-transaction';
import { updatePartRecord } from '../../../lib/db/part-edit';
import { announceBookChanged } from '../../../lib/platform/book-changed';
import { changeParties } from '../../../lib/db/bulk-change';
import {
  countPartyDeletion,
  deleteParties,
  forgetEntry,
  listRecentlyDeleted,
  pruneExpired,
} from '../../../lib/db/deletion-repository';
import { listImportBatches, undoImportBatch } from '../../../lib/db/import-undo';
import { deletePartRecord } from '../../../lib/db/record-deletion';
import { undoEntry } from '../../../lib/db/undo-repository';
import type { undoMessages } from '../../../lib/protocol/areas/undo';
import type { HandlersFor } from '../../../lib/protocol/listener';
import { createReminders } from '../reminders';
import { DELETE_HOLD_SEAM, takeDeleteHold } from '../delete-hold';
import { createBulkRuns } from './bulk-runs';
import { viewOf, type BackgroundDeps } from './deps';

/** A cancelled bulk action answers in words; anything else that went wrong is rethrown. */
const cancelled = (error: unknown) => {
  if (!(error instanceof TransactionCancelled)) throw error;
  return err(refusal('cancelled', 'bulk_cancelled'));
};

/**
 * Deleting, bulk changes and undo. After anything that removes or brings back
 * parties, the surfaces that show them catch up at once: the due title and
 * notification (reminders), and the pages whose highlights named them (rescanned).
 * The search projection reads the store, which is already right; pages that sum
 * the whole book (the dashboard) hear of it through `announceBookChanged`.
 */
export function createUndoHandlers(deps: BackgroundDeps): HandlersFor<typeof undoMessages> {
  const { repo } = deps;
  const reminders = createReminders(deps);
  const bulk = createBulkRuns();
  const catchUp = async () => {
    await reminders.refresh();
    await deps.rescanTabs?.();
    await announceBookChanged(repo.clock());
  };
  return {
    'parties/deletionCounts': async ({ ids }) => ok(await countPartyDeletion(repo.getDb, ids)),
    'parties/delete': async ({ ids, operation }) => {
      const hold = DELETE_HOLD_SEAM ? await takeDeleteHold() : undefined;
      const deleted = await bulk
        .run(operation, (signal) => deleteParties(repo, ids, signal, hold))
        .catch(cancelled);
      if (deleted.ok) {
        await catchUp();
        await pruneExpired(repo.getDb, repo.clock());
      }
      return deleted;
    },
    'parties/changeMany': async ({ ids, change, operation }) => {
      const changed = await bulk
        .run(operation, (signal) => changeParties(repo, ids, change, signal))
        .catch(cancelled);
      if (changed.ok) {
        await reminders.refresh();
        await announceBookChanged(repo.clock());
      }
      return changed;
    },
    'bulk/cancel': async ({ operation }) => ok({ cancelled: await bulk.cancel(operation) }),
    'records/delete': async ({ store, id }) => {
      const deleted = await deletePartRecord(repo, store, id);
      if (!deleted.ok) return deleted;
      await reminders.refresh();
      await announceBookChanged(repo.clock());
      const { entry, party } = deleted.value;
      return ok({ entry, ...(party ? { view: await viewOf(repo, party) } : {}) });
    },
    'records/update': async (edit) => {
      const updated = await updatePartRecord(repo, edit);
      if (!updated.ok) return updated;
      // A follow-up's new date moves the reminders; open views read the record again.
      await reminders.refresh();
      await announceBookChanged(repo.clock());
      return updated;
    },
    'undo/apply': async ({ entryId }) => {
      const undone = await undoEntry(repo, entryId);
      if (undone.ok) await catchUp();
      return undone;
    },
    'imports/list': async () => ok({ batches: await listImportBatches(repo.getDb) }),
    'imports/undo': async ({ batchId }) => {
      const undone = await undoImportBatch(repo, batchId);
      if (undone.ok) await catchUp();
      return undone;
    },
    'undo/recentlyDeleted': async () => {
      await pruneExpired(repo.getDb, repo.clock());
      return ok({ entries: await listRecentlyDeleted(repo.getDb, repo.clock()) });
    },
    'undo/forget': async ({ entryId, neverCapture }) => {
      const forgotten = await forgetEntry(repo.getDb, entryId);
      if (forgotten.ok && neverCapture && deps.neverCapture) {
        const { emails, phones } = forgotten.value;
        await deps.neverCapture([...emails, ...phones]);
      }
      return forgotten;
    },
  };
}
