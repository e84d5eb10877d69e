import { z } from 'zod';
import { EngagementSchema } from './engagement';
import { FollowUpSchema } from './follow-up';
import { InteractionSchema } from './interaction';
import { PartySchema } from './party';
import { PurchaseSchema } from './purchase';
import { UiTextSchema } from './ui-text-schema';
import { lazy } from './lazy';

/** How long a deletion can be undone from options, and a tombstone waits before pruning. */
export const RECENTLY_DELETED_MS = 30 * 24 * 60 * 60 * 1000;

/** The stores a deletion takes records from, in the order they are restored. */
export const DELETABLE_STORES = [
  'parties',
  'interactions',
  'followUps',
  'engagements',
  'purchases',
] as const;
export type DeletableStore = (typeof DELETABLE_STORES)[number];

/** Every record one action removed, by store, exactly as they were stored. */
export const RecordSetSchema = lazy(() =>
  z.object({
    parties: z.array(PartySchema),
    interactions: z.array(InteractionSchema),
    followUps: z.array(FollowUpSchema),
    engagements: z.array(EngagementSchema),
    purchases: z.array(PurchaseSchema),
  }),
);
export type RecordSet = z.infer<typeof RecordSetSchema>;

export const emptyRecordSet = (): RecordSet => ({
  parties: [],
  interactions: [],
  followUps: [],
  engagements: [],
  purchases: [],
});

export type RecordCounts = Record<DeletableStore, number>;

export const countsOf = (records: RecordSet): RecordCounts => ({
  parties: records.parties.length,
  interactions: records.interactions.length,
  followUps: records.followUps.length,
  engagements: records.engagements.length,
  purchases: records.purchases.length,
});

/**
 * One action that can be taken back (store `undoEntries`, key `id`):
 * - `delete`: `removed` holds every record the action deleted; undo puts them back
 *   as they were. These are the "Recently deleted" list, kept until `expiresAt`.
 * - `change`: `before` holds the parties as they were; undo puts back each one that
 *   still has the `updatedAt` the action gave it (`after`), so a later edit is never
 *   overwritten. Kept for the same window, not listed.
 * A `delete` may carry `before` too (an import's undo both removes and restores):
 * undo then does both.
 */
/**
 * What an undo entry is called: a code and its values, worded by the page that shows
 * it. Entries stored before that kept an English sentence, read and shown as it is.
 */
export const UndoLabelSchema = lazy(() => z.union([UiTextSchema, z.string().max(600)]));
export type UndoLabel = z.infer<typeof UndoLabelSchema>;

export const UndoEntrySchema = lazy(() =>
  z.object({
    id: z.string().min(1).max(64),
    at: z.number(),
    expiresAt: z.number(),
    action: z.enum(['delete', 'change']),
    /** What the user sees: "Ada Lovelace", "12 records", "An interaction with Ada". */
    label: UndoLabelSchema,
    removed: RecordSetSchema,
    before: z.array(PartySchema),
    /** Party id → the `updatedAt` the change wrote. */
    after: z.record(z.string(), z.number()),
    /**
     * Set when the entry takes back an import's undo: `removed` holds the parties the
     * import added, `before` the records it had merged into (as merged), and undoing
     * marks the batch as not undone again.
     */
    importBatchId: z.string().max(100).optional(),
  }),
);
export type UndoEntry = z.infer<typeof UndoEntrySchema>;

/** The ids of the records one action deleted, by store. */
export const DeletedIdsSchema = lazy(() =>
  z.object({
    parties: z.array(z.string().min(1).max(64)),
    interactions: z.array(z.string().min(1).max(64)),
    followUps: z.array(z.string().min(1).max(64)),
    engagements: z.array(z.string().min(1).max(64)),
    purchases: z.array(z.string().min(1).max(64)),
  }),
);
export type DeletedIds = z.infer<typeof DeletedIdsSchema>;

/**
 * What one action deleted, kept for the sync that follows (store `tombstones`, key
 * `id`, the id of the action's undo entry): `ids` the deleted records' own ids by
 * store, `at` when they went. One record per action, not one per deleted record: a
 * bulk delete of thousands writes one tombstone, and its undo removes one. Removed
 * when the deletion is undone; pruned once older than RECENTLY_DELETED_MS, unless
 * the outbox still holds one of its records for the server.
 */
export const ActionTombstoneSchema = lazy(() =>
  z.object({
    id: z.string().min(1).max(64),
    at: z.number(),
    ids: DeletedIdsSchema,
  }),
);
export type ActionTombstone = z.infer<typeof ActionTombstoneSchema>;

/**
 * The shape tombstones were stored in before, one per deleted record (key `id`, the
 * record's own id; `store` what it was). Databases and backups may still hold them:
 * they are read as they are, and undoing their deletion removes them too.
 * `pendingSync` is no longer written: the outbox says what waits for the server.
 */
export const RecordTombstoneSchema = lazy(() =>
  z.object({
    id: z.string().min(1).max(64),
    store: z.enum(DELETABLE_STORES),
    at: z.number(),
    pendingSync: z.boolean().optional(),
  }),
);
export type RecordTombstone = z.infer<typeof RecordTombstoneSchema>;

/** A stored tombstone, of either shape. */
export const TombstoneSchema = lazy(() => z.union([ActionTombstoneSchema, RecordTombstoneSchema]));
export type Tombstone = z.infer<typeof TombstoneSchema>;

/** The records a tombstone of either shape stands for, as [store, id] pairs. */
export function tombstonedRecords(tombstone: Tombstone): [DeletableStore, string][] {
  if ('store' in tombstone) return [[tombstone.store, tombstone.id]];
  return DELETABLE_STORES.flatMap((store) =>
    tombstone.ids[store].map((id): [DeletableStore, string] => [store, id]),
  );
}

/** The ids of every record in a set, by store (an action's tombstone). */
export const idsOf = (records: RecordSet): DeletedIds => ({
  parties: records.parties.map((record) => record.id),
  interactions: records.interactions.map((record) => record.id),
  followUps: records.followUps.map((record) => record.id),
  engagements: records.engagements.map((record) => record.id),
  purchases: records.purchases.map((record) => record.id),
});
