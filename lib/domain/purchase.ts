import { z } from 'zod';
import { CalendarDateSchema } from './engagement';
import { IdSchema, InstantSchema } from './ids';
import { MoneySchema } from './money';
import { lazy } from './lazy';

/** A customer's transaction: what was bought, when, for how much, once or recurring. */
export const PurchaseSchema = lazy(() =>
  z.object({
    id: IdSchema,
    partyId: IdSchema,
    on: CalendarDateSchema,
    amount: MoneySchema,
    description: z.string().trim().min(1).max(1000),
    recurrence: z.enum(['one-time', 'recurring']),
    /** Chosen by the sender, so a retried write never records the same purchase twice. */
    requestId: z.string().min(1).max(100).optional(),
    createdAt: InstantSchema,
  }),
);
export type Purchase = z.infer<typeof PurchaseSchema>;
