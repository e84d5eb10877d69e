import { z } from 'zod';
import { IdSchema, InstantSchema } from './ids';
import { MoneySchema } from './money';
import { lazy } from './lazy';

export const PRICING_MODELS = [
  'hourly',
  'fixed-fee',
  'retainer',
  'subscription',
  'one-time',
] as const;
export const PricingModelSchema = lazy(() => z.enum(PRICING_MODELS));
export type PricingModel = z.infer<typeof PricingModelSchema>;

export const BillingPeriodSchema = lazy(() => z.enum(['week', 'month', 'quarter', 'year']));
export type BillingPeriod = z.infer<typeof BillingPeriodSchema>;

/**
 * Terms of a service or engagement. Retainers and subscriptions recur, so they need
 * a billing period; the others must not pretend to have one.
 */
export const TermsSchema = lazy(() =>
  z
    .object({
      pricingModel: PricingModelSchema,
      rate: MoneySchema,
      billingPeriod: BillingPeriodSchema.optional(),
    })
    .refine((terms) => isRecurring(terms.pricingModel) === (terms.billingPeriod !== undefined), {
      message: 'error_billing_period',
      path: ['billingPeriod'],
    }),
);
export type Terms = z.infer<typeof TermsSchema>;

export function isRecurring(model: PricingModel): boolean {
  return model === 'retainer' || model === 'subscription';
}

/** What the user offers, in the catalogue that engagements are made from. */
export const ServiceSchema = lazy(() =>
  z.object({
    id: IdSchema,
    name: z.string().trim().min(1).max(200),
    scope: z.string().max(5000),
    terms: TermsSchema,
    archived: z.boolean(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  }),
);
export type Service = z.infer<typeof ServiceSchema>;
