import { z } from 'zod';
import { InstantSchema } from './ids';
import { lazy } from './lazy';

/**
 * The relationship a party has with the user (see product.md):
 * - prospect: a potential buyer, no purchase yet;
 * - customer: buys transactionally (one-time or periodic purchases);
 * - client: an ongoing advisory relationship (retainer, hourly, fixed fee) with regular check-ins;
 * - former: was a client or customer; the history stays.
 */
export const RELATIONSHIP_KINDS = ['prospect', 'customer', 'client', 'former'] as const;
export const RelationshipKindSchema = lazy(() => z.enum(RELATIONSHIP_KINDS));
export type RelationshipKind = z.infer<typeof RelationshipKindSchema>;

/** One dated change of kind, kept forever in the party's history. */
export const KindChangeSchema = lazy(() =>
  z.object({
    kind: RelationshipKindSchema,
    from: RelationshipKindSchema.optional(),
    at: InstantSchema,
    reason: z.string().max(500).optional(),
  }),
);
export type KindChange = z.infer<typeof KindChangeSchema>;
