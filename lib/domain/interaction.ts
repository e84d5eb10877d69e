import { z } from 'zod';
import { IdSchema, InstantSchema } from './ids';
import { lazy } from './lazy';

export const INTERACTION_TYPES = ['email', 'call', 'meeting', 'message', 'note'] as const;
export const InteractionTypeSchema = lazy(() => z.enum(INTERACTION_TYPES));
export type InteractionType = z.infer<typeof InteractionTypeSchema>;

export const DIRECTIONS = ['outbound', 'inbound'] as const;
export const DirectionSchema = lazy(() => z.enum(DIRECTIONS));
export type Direction = z.infer<typeof DirectionSchema>;

/** Links are kept only for the schemes a user can open again from the record. */
export const LinkSchema = lazy(() =>
  z
    .string()
    .max(2048)
    .refine((value) => /^(https?|mailto):/i.test(value), { message: 'an http(s) or mailto link' }),
);

/** A touch with a party: what happened, when, which way, and where to find it again. */
export const InteractionSchema = lazy(() =>
  z.object({
    id: IdSchema,
    partyId: IdSchema,
    type: InteractionTypeSchema,
    direction: DirectionSchema,
    at: InstantSchema,
    summary: z.string().max(10_000),
    link: LinkSchema.optional(),
    /**
     * Chosen by the sender of the write, so a retried write after a stopped service
     * worker never records the same interaction twice.
     */
    requestId: z.string().min(1).max(100),
    createdAt: InstantSchema,
  }),
);
export type Interaction = z.infer<typeof InteractionSchema>;

export const InteractionDraftSchema = lazy(() =>
  z.object({
    partyId: IdSchema,
    type: InteractionTypeSchema,
    direction: DirectionSchema.default('outbound'),
    at: InstantSchema.optional(),
    summary: z.string().trim().max(10_000).default(''),
    link: LinkSchema.optional(),
    followUpAt: InstantSchema.optional(),
    requestId: z.string().min(1).max(100),
  }),
);
export type InteractionDraft = z.input<typeof InteractionDraftSchema>;

/** What can be corrected on a logged interaction from the timeline. */
export const InteractionPatchSchema = lazy(() =>
  InteractionSchema.pick({
    type: true,
    direction: true,
    at: true,
    summary: true,
  }).partial(),
);
export type InteractionPatch = z.input<typeof InteractionPatchSchema>;
