import { z } from 'zod';
import { IdSchema, InstantSchema } from './ids';
import { TermsSchema } from './service';
import { lazy } from './lazy';

export const ENGAGEMENT_STATUSES = ['proposed', 'active', 'paused', 'ended'] as const;
export const EngagementStatusSchema = lazy(() => z.enum(ENGAGEMENT_STATUSES));

/** ISO calendar date (`2026-11-23`): agreements start and end on days, not instants. */
export const CalendarDateSchema = lazy(() => z.iso.date());

/**
 * An agreement with a client for a service. Terms are copied at signing, so later
 * changes to the catalogue never rewrite what was agreed.
 */
export const EngagementSchema = lazy(() =>
  z.object({
    id: IdSchema,
    partyId: IdSchema,
    serviceId: IdSchema.optional(),
    serviceName: z.string().trim().min(1).max(200),
    terms: TermsSchema,
    startOn: CalendarDateSchema,
    endOn: CalendarDateSchema.optional(),
    renewOn: CalendarDateSchema.optional(),
    status: EngagementStatusSchema,
    scopeNotes: z.string().max(20_000),
    /** The follow-up raised ahead of `renewOn`, so a change of status can close it. */
    renewalFollowUpId: IdSchema.optional(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  }),
);
export type Engagement = z.infer<typeof EngagementSchema>;
