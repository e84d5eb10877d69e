import { z } from 'zod';
import { IdSchema, InstantSchema } from './ids';
import { lazy } from './lazy';

/** An explicit dated to-do on a party; reminders come from these. */
export const FollowUpSchema = lazy(() =>
  z.object({
    id: IdSchema,
    partyId: IdSchema,
    dueAt: InstantSchema,
    note: z.string().max(2000),
    status: z.enum(['open', 'done']),
    /** The interaction that raised it, when it was set from the log form. */
    interactionId: IdSchema.optional(),
    doneAt: InstantSchema.optional(),
    createdAt: InstantSchema,
    /**
     * When it was last changed (made, done, moved), so a merge knows which side edited
     * it later. Optional: records and backups from before schema version 6 lack it,
     * and then it is `doneAt ?? createdAt` (followUpEditedAt).
     */
    updatedAt: InstantSchema.optional(),
  }),
);
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** When a follow-up was last edited, for records that predate `updatedAt` too. */
export function followUpEditedAt(followUp: FollowUp): number {
  return followUp.updatedAt ?? followUp.doneAt ?? followUp.createdAt;
}

/**
 * A follow-up set on its own, from the party's record (the log form sets one with
 * an interaction). `requestId`, a UUID the page chose, becomes the follow-up's id,
 * so a retry after a stopped worker finds the first one rather than adding a second.
 */
export const FollowUpDraftSchema = lazy(() =>
  z.object({
    partyId: IdSchema,
    dueAt: InstantSchema,
    note: z.string().trim().max(2000).default(''),
    requestId: z.uuid().optional(),
  }),
);
export type FollowUpDraft = z.input<typeof FollowUpDraftSchema>;
