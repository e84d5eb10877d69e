import { z } from 'zod';
import { EngagementSchema } from '../../domain/engagement';
import { FollowUpSchema } from '../../domain/follow-up';
import { PartEditSchema } from '../../domain/part-patch';
import { PurchaseSchema } from '../../domain/purchase';
import { RelationshipKindSchema } from '../../domain/relationship';
import { UndoLabelSchema } from '../../domain/undo-entry';
import { defineMessage } from '../define';
import { PartyViewSchema } from '../contact-schemas';
import { lazy } from '../../domain/lazy';

const IdSchema = lazy(() => z.string().min(1).max(64));
/** A selection: a bulk action over thousands is still one message and one transaction. */
const SelectionSchema = lazy(() => z.array(IdSchema).min(1).max(20_000));
/**
 * Names a bulk action while it runs, so `bulk/cancel` can stop it. Cancelled before
 * its transaction commits, the action answers `cancelled` and nothing was changed.
 */
const OperationSchema = lazy(() => z.string().min(1).max(64).optional());

const CountsSchema = lazy(() =>
  z.object({
    parties: z.number().int(),
    interactions: z.number().int(),
    followUps: z.number().int(),
    engagements: z.number().int(),
    purchases: z.number().int(),
  }),
);

export const DeletionSummarySchema = lazy(() =>
  z.object({
    id: z.string(),
    at: z.number(),
    expiresAt: z.number(),
    label: UndoLabelSchema,
    counts: CountsSchema,
    emails: z.array(z.string()),
    phones: z.array(z.string()),
  }),
);
export type DeletionSummaryMessage = z.infer<typeof DeletionSummarySchema>;

const PartChangeSchema = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('kind'),
      to: RelationshipKindSchema,
      reason: z.string().max(500).optional(),
    }),
    z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(100), add: z.boolean() }),
  ]),
);

/** Deleting, changing many at once, and taking either back. */
export const undoMessages = {
  /** How many records deleting these parties would remove, by store. */
  'parties/deletionCounts': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ ids: SelectionSchema }),
    response: CountsSchema,
  })),
  'parties/delete': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ ids: SelectionSchema, operation: OperationSchema }),
    response: DeletionSummarySchema,
  })),
  /** Changes the kind (with a reason kept in each history) or a tag of many parties. */
  'parties/changeMany': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      ids: SelectionSchema,
      change: PartChangeSchema,
      operation: OperationSchema,
    }),
    response: z.object({
      entryId: z.string(),
      label: UndoLabelSchema,
      changed: z.number().int(),
      unchanged: z.number().int(),
    }),
  })),
  /**
   * Stops a running bulk delete or change: its transaction aborts, so the book stays
   * as it was. `cancelled` is false when it had already finished (its Undo still works).
   */
  'bulk/cancel': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ operation: z.string().min(1).max(64) }),
    response: z.object({ cancelled: z.boolean() }),
  })),
  /** Deletes one interaction, follow-up, engagement or purchase. */
  'records/delete': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      store: z.enum(['interactions', 'followUps', 'engagements', 'purchases']),
      id: IdSchema,
    }),
    response: z.object({ entry: DeletionSummarySchema, view: PartyViewSchema.optional() }),
  })),
  /** Corrects one follow-up, engagement or purchase where it is listed. */
  'records/update': defineMessage(() => ({
    sender: 'extension-page',
    request: PartEditSchema,
    response: z.discriminatedUnion('store', [
      z.object({ store: z.literal('followUps'), record: FollowUpSchema }),
      z.object({ store: z.literal('engagements'), record: EngagementSchema }),
      z.object({ store: z.literal('purchases'), record: PurchaseSchema }),
    ]),
  })),
  /** Takes back a deletion or a bulk change. */
  'undo/apply': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ entryId: IdSchema }),
    response: z.object({ label: UndoLabelSchema, restored: CountsSchema, kept: z.number().int() }),
  })),
  /** The "Recently deleted" list (expired entries are pruned first). */
  'undo/recentlyDeleted': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({}),
    response: z.object({ entries: z.array(DeletionSummarySchema) }),
  })),
  /** Every import, newest first: when, which file, how many it added and merged into. */
  'imports/list': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({}),
    response: z.object({
      batches: z.array(
        z.object({
          id: z.string(),
          at: z.number(),
          fileName: z.string(),
          added: z.number().int(),
          merged: z.number().int(),
          undoneAt: z.number().optional(),
        }),
      ),
    }),
  })),
  /** Takes an import back: what it added and nobody changed goes, merged records go back. */
  'imports/undo': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ batchId: z.string().min(1).max(100) }),
    response: z.object({
      entryId: z.string(),
      label: UndoLabelSchema,
      removed: z.number().int(),
      restored: z.number().int(),
      keptEdited: z.number().int(),
      keptWithRecords: z.number().int(),
      gone: z.number().int(),
    }),
  })),
  /** "Forget for good", and with `neverCapture` also never capture its addresses and phones. */
  'undo/forget': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ entryId: IdSchema, neverCapture: z.boolean().default(false) }),
    response: DeletionSummarySchema,
  })),
} as const;
