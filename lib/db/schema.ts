import type { DBSchema } from 'idb';
import type { Engagement, FollowUp, Interaction, Party, Purchase, Service } from '../domain';
import type { SearchPart } from '../search/projection-format';
import type { ImportBatch } from './import-batch';
import type { Tombstone, UndoEntry } from './undo-entry';

export const DB_NAME = 'clientele';

/**
 * The current schema version. Raising it means appending a step to the ladder in
 * migrations.ts and a fixture for the old version in tests; steps are never edited.
 */
export const DB_VERSION = 4;

export interface ClienteleSchema extends DBSchema {
  parties: {
    key: string;
    value: Party;
    indexes: {
      byEmail: string;
      byPhone: string;
      byDomain: string;
      byNextCheckIn: number;
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
   * Since version 4. One `{ id, store, at, pendingSync? }` per deleted record, for the
   * sync to propagate: `id` is the deleted record's own id, `store` the store it was
   * in. Removed when its deletion is undone; pruned after RECENTLY_DELETED_MS unless
   * `pendingSync`. Shape: TombstoneSchema in undo-entry.ts.
   */
  tombstones: { key: string; value: Tombstone; indexes: { byAt: number } };
  /**
   * Since version 4. One per import: date, file name, the parties it added and the
   * earlier values of those it merged into, so the import can be taken back
   * (ImportBatchSchema in import-batch.ts).
   */
  importBatches: { key: string; value: ImportBatch; indexes: { byAt: number } };
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
  | 'importBatches';
