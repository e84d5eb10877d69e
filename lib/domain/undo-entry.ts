import { z } from 'zod';
import { EngagementSchema } from './engagement';
import { FollowUpSchema } from './follow-up';
import { InteractionSchema } from './interaction';
import { PartySchema } from './party';
import { PurchaseSchema } from './purchase';
import { UiTextSchema } from './ui-text-schema';

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
export const RecordSetSchema = z.object({
  parties: z.array(PartySchema),
  interactions: z.array(InteractionSchema),
  followUps: z.array(FollowUpSchema),
  engagements: z.array(EngagementSchema),
  purchases: z.array(PurchaseSchema),
});
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
export const UndoLabelSchema = z.union([UiTextSchema, z.string().max(600)]);
export type UndoLabel = z.infer<typeof UndoLabelSchema>;

export const UndoEntrySchema = z.object({
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
});
export type UndoEntry = z.infer<typeof UndoEntrySchema>;

/**
 * A deleted record's id, kept for the sync that follows (store `tombstones`, key
 * `id`): `store` says what it was, `at` when it went. A tombstone is removed when
 * the deletion is undone, and pruned once older than RECENTLY_DELETED_MS, unless
 * the sync still has to send it (`pendingSync`: the sync sets it when it first
 * learns of the deletion and clears it once the server has it).
 */
export const TombstoneSchema = z.object({
  id: z.string().min(1).max(64),
  store: z.enum(DELETABLE_STORES),
  at: z.number(),
  pendingSync: z.boolean().optional(),
});
export type Tombstone = z.infer<typeof TombstoneSchema>;
