import { z } from 'zod';
import { FollowUpSchema } from '../../domain/follow-up';
import {
  InteractionDraftSchema,
  InteractionPatchSchema,
  InteractionSchema,
} from '../../domain/interaction';
import { defineMessage } from '../define';
import { PartyViewSchema } from '../contact-schemas';

/** Logging interactions and reading a party's timeline. */
export const interactionMessages = {
  'interactions/log': defineMessage(() => ({
    sender: 'extension-page',
    request: InteractionDraftSchema,
    response: z.object({
      interaction: InteractionSchema,
      view: PartyViewSchema,
      followUp: FollowUpSchema.optional(),
      replayed: z.boolean(),
    }),
  })),
  /** Corrects a logged interaction's type, direction, date or summary (from the timeline). */
  'interactions/update': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ id: z.string().min(1).max(64), patch: InteractionPatchSchema }),
    response: z.object({ interaction: InteractionSchema, view: PartyViewSchema.optional() }),
  })),
  'interactions/list': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      partyId: z.string().min(1).max(64),
      limit: z.number().int().min(1).max(200).default(20),
      before: z.object({ at: z.number(), id: z.string().max(64) }).optional(),
    }),
    response: z.object({
      interactions: z.array(InteractionSchema),
      next: z.object({ at: z.number(), id: z.string() }).optional(),
    }),
  })),
} as const;
