import type { DBSchema } from 'idb';
import type { Engagement, FollowUp, Interaction, Party, Purchase, Service } from '../domain';
import type { SearchPart } from '../search/projection-format';
import type { ImportBatch } from './import-batch';
import type { Tombstone, UndoEntry } from './undo-entry';
import type { OutboxBatch, OutboxEntry } from '../sync/outbox';
import type { SyncedState } from '../sync/engine';

export const DB_NAME = 'clientele';

/**
 * The current schema version. Raising it means appending a step to the ladder in
 * migrations.ts and a fixture for the old version in tests; steps are never edited.
 */
export const DB_VERSION = 7;

export interface ClienteleSchema extends DBSchema {
  parties: {
    key: string;
    value: Party;
    indexes: {
      byEmail: string;
      byPhone: string;
      byDomain: string;
      byNextCheckIn: number;
      /** Since version 7: the UID of the card a party was imported from (sync finds it by that). */
      byCardUid: string;
    };
  };
  interactions: {
    key: string;
    value: Interaction;
    indexes: {
      byPartyAt: [string, number, string];
      byRequestId: string;
    };
  };
  followUps: {
    key: string;
    value: FollowUp;
    indexes: { byParty: string; byDue: number };
  };
  services: { key: string; value: Service };
  engagements: { key: string; value: Engagement; indexes: { byParty: string } };
  purchases: { key: string; value: Purchase; indexes: { byParty: string } };
  /**
   * The search projection, packed into columns per bucket so the popup reads it in
   * one go and a write touches one bucket (see lib/search/projection-format.ts).
   */
  searchBuckets: { key: number; value: SearchPart };
  /**
   * Since version 4. Actions that can be taken back: deletions (the "Recently
   * deleted" list, with every record they removed) and bulk changes (the parties as
   * they were). Shape and rules: UndoEntrySchema in undo-entry.ts.
   */
  undoEntries: { key: string; value: UndoEntry; indexes: { byAt: number } };
  /**
   * Since version 4. What each deletion removed, for the sync to propagate: one
   * `{ id, at, ids }` per action (`id` its undo entry's, `ids` the deleted records'
   * ids by store). Earlier deletions left one `{ id, store, at, pendingSync? }` per
   * record, still read. Removed when the deletion is undone; pruned after
   * RECENTLY_DELETED_MS unless the outbox still holds one of its records. Shape:
   * TombstoneSchema in undo-entry.ts.
   */
  tombstones: { key: string; value: Tombstone; indexes: { byAt: number } };
  /**
   * Since version 4. One per import: date, file name, the parties it added and the
   * earlier values of those it merged into, so the import can be taken back
   * (ImportBatchSchema in import-batch.ts).
   */
  importBatches: { key: string; value: ImportBatch; indexes: { byAt: number } };
  /** Since version 5. Logged emails the user removed: never logged again (lib/db/email-log-repository.ts). */
  emailUndone: { key: string; value: EmailUndone };
  /** Since version 5. Unknown people the user wrote to, with the threads, for "People you email". */
  correspondents: { key: string; value: Correspondent };
  /**
   * Since version 6. Local changes waiting for the sync server, one per record
   * (`type:id`), written in the same transaction as the change (outbox-capture.ts).
   * A transaction that changes many records leaves one batch (`batch:<seq>`)
   * instead, expanded into per-record entries when the sync reads the outbox
   * (outbox-store.ts).
   */
  outbox: { key: string; value: OutboxEntry | OutboxBatch };
  /** Since version 6. Each synced record's href, ETag, merge base and server text. */
  syncStates: { key: string; value: SyncedState; indexes: { byType: string } };
  /** Since version 6. The sync token of each collection (RFC 6578). */
  syncTokens: { key: string; value: SyncToken };
}

export interface SyncToken {
  collection: string;
  token: string;
}

export interface EmailUndone {
  requestId: string;
  undoneAt: number;
}

export interface Correspondent {
  email: string;
  name?: string;
  /** Identities of the threads the user wrote to them in (at most MAX_CORRESPONDENT_THREADS). */
  threads: string[];
  dismissed: boolean;
  updatedAt: number;
}

export type StoreName =
  | 'parties'
  | 'interactions'
  | 'followUps'
  | 'services'
  | 'engagements'
  | 'purchases'
  | 'searchBuckets'
  | 'undoEntries'
  | 'tombstones'
  | 'importBatches'
  | 'emailUndone'
  | 'correspondents'
  | 'outbox'
  | 'syncStates'
  | 'syncTokens';
