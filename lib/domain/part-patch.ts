import { z } from 'zod';
import { CalendarDateSchema } from './engagement';
import { InstantSchema } from './ids';
import { MoneySchema } from './money';
import { lazy } from './lazy';

/*
 * What can be corrected on one follow-up, engagement or purchase from where it is
 * listed, as InteractionPatchSchema is for an interaction. Links to other records
 * (party, service, renewal follow-up) and statuses have their own actions.
 *
 * An optional field of the record can be removed: its patch value is `null` (a JSON
 * message cannot carry `undefined`, and an absent field means "unchanged"). Only
 * fields the record may lack accept it; a required one is corrected, never removed.
 */

export const FollowUpPatchSchema = lazy(() =>
  z
    .object({ dueAt: InstantSchema, note: z.string().trim().max(2000) })
    .partial()
    .strict(),
);

export const EngagementPatchSchema = lazy(() =>
  z
    .object({
      serviceName: z.string().trim().min(1).max(200),
      startOn: CalendarDateSchema,
      /** `null` removes the end date: the engagement runs on with none. */
      endOn: CalendarDateSchema.nullable(),
      scopeNotes: z.string().max(20_000),
    })
    .partial()
    .strict(),
);

export const PurchasePatchSchema = lazy(() =>
  z
    .object({
      on: CalendarDateSchema,
      amount: MoneySchema.refine((money) => money.amountMinor > 0, {
        message: 'error_amount_not_positive',
        path: ['amountMinor'],
      }),
      description: z.string().trim().min(1).max(1000),
      recurrence: z.enum(['one-time', 'recurring']),
    })
    .partial()
    .strict(),
);

/** One correction, by the store of the record it applies to. */
export const PartEditSchema = lazy(() =>
  z.discriminatedUnion('store', [
    z.object({
      store: z.literal('followUps'),
      id: z.string().min(1).max(64),
      patch: FollowUpPatchSchema,
    }),
    z.object({
      store: z.literal('engagements'),
      id: z.string().min(1).max(64),
      patch: EngagementPatchSchema,
    }),
    z.object({
      store: z.literal('purchases'),
      id: z.string().min(1).max(64),
      patch: PurchasePatchSchema,
    }),
  ]),
);
export type PartEdit = z.input<typeof PartEditSchema>;
export type FollowUpPatch = z.input<typeof FollowUpPatchSchema>;
export type EngagementPatch = z.input<typeof EngagementPatchSchema>;
export type PurchasePatch = z.input<typeof PurchasePatchSchema>;
