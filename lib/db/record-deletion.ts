import type { IDBPTransaction } from 'idb';
import { nextCheckIn } from '../domain/cadence';
import { withoutUndefined } from '../domain/new-party';
import { PartySchema, type Party } from '../domain/party';
import { err, ok, refusal, type Result } from '../domain/result';
import {
  newEntry,
  removeRecords,
  summarize,
  UNDO_TX_STORES,
  type DeletionSummary,
} from './deletion-repository';
import { inTransaction } from './in-transaction';
import type { RepositoryContext } from './party-repository';
import type { ClienteleSchema } from './schema';
import { projectParty } from './search-projection';
import { emptyRecordSet, type DeletableStore } from './undo-entry';
import { uiText } from '../domain/ui-text';

/** The records that hang off a party and can be deleted one at a time. */
export type PartRecordStore = Exclude<DeletableStore, 'parties'>;

export interface PartDeletion {
  entry: DeletionSummary;
  /** The party as it is now: a deleted interaction moves its last contact back. */
  party?: Party;
}

/** A part deletion's transaction: the undo stores, and the email log's "never again" marks. */
export const PART_TX_STORES = [...UNDO_TX_STORES, 'emailUndone'] as const;
export type PartTx = IDBPTransaction<ClienteleSchema, typeof PART_TX_STORES, 'readwrite'>;

export interface PartDeletionOptions {
  /**
   * Only an interaction the email log wrote (`email:` request id) is removed, and
   * its message is marked never to be logged again, in the same transaction; an
   * undo brings the interaction back and keeps the mark.
   */
  loggedEmail?: boolean;
}

/**
 * Deletes one interaction, follow-up, engagement or purchase, in one transaction
 * with its undo entry and tombstone. A deleted interaction recomputes the party's
 * last contact and next check-in from the interactions that remain. Removing an
 * automatic email log goes through here too (`loggedEmail`).
 */
export async function deletePartRecord(
  context: RepositoryContext,
  store: PartRecordStore,
  id: string,
  options: PartDeletionOptions = {},
): Promise<Result<PartDeletion>> {
  const { cadence } = await context.settings();
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(PART_TX_STORES, 'readwrite', { durability: 'strict' });
  return inTransaction(tx, async (): Promise<Result<PartDeletion>> => {
    const record = await tx.objectStore(store).get(id);
    if (!record) return err(refusal('not_found', 'error_record_gone'));
    if (options.loggedEmail) {
      const requestId = ('requestId' in record ? record.requestId : undefined) ?? '';
      if (store !== 'interactions' || !requestId.startsWith('email:'))
        return err(refusal('not_found', 'error_not_logged_email'));
      tx.objectStore('emailUndone')
        .put({ requestId, undoneAt: now })
        .catch(() => undefined);
    }
    const removed = emptyRecordSet();
    (removed[store] as unknown[]).push(record);
    const owner = await tx.objectStore('parties').get(record.partyId);
    const label = uiText('undo_part', { store, ...(owner ? { name: owner.name } : {}) });
    const entry = newEntry(now, { action: 'delete', label, removed });
    removeRecords(tx, removed, entry);
    if (store !== 'interactions' || !owner) return ok({ entry: summarize(entry) });
    const party = await recomputeLastContact(tx, PartySchema.parse(owner), id, now, cadence);
    return ok({ entry: summarize(entry), party });
  });
}

/** The party's last contact from its newest interaction other than `removedId`. */
export async function recomputeLastContact(
  tx: PartTx,
  party: Party,
  removedId: string,
  now: number,
  cadence: Parameters<typeof nextCheckIn>[1],
): Promise<Party> {
  const range = IDBKeyRange.bound([party.id, -Infinity, ''], [party.id, Infinity, '']);
  let cursor = await tx.objectStore('interactions').index('byPartyAt').openCursor(range, 'prev');
  // The delete was issued before this read, but skip it anyway should the order change.
  while (cursor && cursor.value.id === removedId) cursor = await cursor.continue();
  const last = cursor?.value.at;
  const { lastInteractionAt: _dropped, ...rest } = party;
  const touched: Party = {
    ...rest,
    updatedAt: now,
    ...(last === undefined ? {} : { lastInteractionAt: last }),
  };
  const updated = PartySchema.parse(
    withoutUndefined({ ...touched, nextCheckInAt: nextCheckIn(touched, cadence) }),
  );
  await tx.objectStore('parties').put(updated);
  await projectParty(tx, updated);
  return updated;
}
