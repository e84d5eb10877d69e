import { z } from 'zod';
import { IdSchema, InstantSchema } from './ids';

/** An explicit dated to-do on a party; reminders come from these. */
export const FollowUpSchema = z.object({
  id: IdSchema,
  partyId: IdSchema,
  dueAt: InstantSchema,
  note: z.string().max(2000),
  status: z.enum(['open', 'done']),
  /** The interaction that raised it, when it was set from the log form. */
  interactionId: IdSchema.optional(),
  doneAt: InstantSchema.optional(),
  createdAt: InstantSchema,
});
export type FollowUp = z.infer<typeof FollowUpSchema>;
