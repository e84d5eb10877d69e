import { z } from 'zod';
import { EngagementDraftSchema, StatusChangeSchema } from '../../db/engagement-repository';
import { PurchaseDraftSchema } from '../../db/purchase-repository';
import { HEALTHS } from '../../domain/cadence';
import { EngagementSchema } from '../../domain/engagement';
import { FollowUpSchema } from '../../domain/follow-up';
import { MoneySchema } from '../../domain/money';
import {
  PartySchema,
  PartyTypeSchema,
  PROSPECT_STAGES,
  ProspectInfoSchema,
} from '../../domain/party';
import { PurchaseSchema } from '../../domain/purchase';
import { RelationshipKindSchema } from '../../domain/relationship';
import { ServiceSchema } from '../../domain/service';
import { defineMessage } from '../define';
import { PartyViewSchema } from '../contact-schemas';
import { lazy } from '../../domain/lazy';

const IdField = lazy(() => z.string().min(1).max(64));

export const LifecycleSuggestionSchema = lazy(() =>
  z.object({
    from: RelationshipKindSchema,
    to: RelationshipKindSchema,
    basis: z.enum(['first-purchase', 'bought-again', 'engagement-active', 'all-ended']),
    params: z.record(z.string().max(40), z.string()),
  }),
);
const Suggestion = lazy(() => LifecycleSuggestionSchema.nullable());

const PartyBriefSchema = lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    type: PartyTypeSchema,
    kind: RelationshipKindSchema,
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    organizationName: z.string().optional(),
    updatedAt: z.number(),
  }),
);

const MergeCountsSchema = lazy(() =>
  z.object({
    interactions: z.number().int(),
    followUps: z.number().int(),
    engagements: z.number().int(),
    purchases: z.number().int(),
    members: z.number().int(),
  }),
);

const MergeTargetSchema = lazy(() => z.object({ survivorId: IdField, absorbedId: IdField }));

const count = lazy(() => z.number().int().nonnegative());

export const DashboardFiguresSchema = lazy(() =>
  z.object({
    parties: count,
    kinds: z.array(
      z.object({
        kind: RelationshipKindSchema,
        total: count,
        byHealth: z.record(z.enum(HEALTHS), count),
      }),
    ),
    overdue: z.object({
      count,
      parties: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          kind: RelationshipKindSchema,
          dueAt: z.number(),
        }),
      ),
    }),
    revenue: z.object({
      months: z.array(z.string()),
      series: z.array(
        z.object({
          currency: z.string(),
          purchases: z.array(z.number()),
          engagements: z.array(z.number()),
        }),
      ),
    }),
    prospects: z.object({
      total: count,
      byStage: z.array(z.object({ stage: z.enum(PROSPECT_STAGES), count })),
      bySource: z.array(z.object({ source: z.string(), count })),
    }),
    interactions: z.object({ weeks: z.array(z.string()), counts: z.array(count) }),
  }),
);
export type DashboardFiguresMessage = z.infer<typeof DashboardFiguresSchema>;

/** Engagements, purchases, lifecycle suggestions, duplicates and the dashboard's figures. */
export const relationshipMessages = {
  'engagements/create': defineMessage(() => ({
    sender: 'extension-page',
    request: EngagementDraftSchema,
    response: z.object({
      engagement: EngagementSchema,
      followUp: FollowUpSchema.optional(),
      suggestion: Suggestion,
    }),
  })),
  'engagements/setStatus': defineMessage(() => ({
    sender: 'extension-page',
    request: StatusChangeSchema,
    response: z.object({ engagement: EngagementSchema, suggestion: Suggestion }),
  })),
  /** The services catalogue an engagement can be made from (archived ones left out). */
  'engagements/catalogue': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({}),
    response: z.object({ services: z.array(ServiceSchema) }),
  })),
  'engagements/list': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ partyId: IdField }),
    response: z.object({ engagements: z.array(EngagementSchema) }),
  })),
  'purchases/record': defineMessage(() => ({
    sender: 'extension-page',
    request: PurchaseDraftSchema,
    response: z.object({ purchase: PurchaseSchema, replayed: z.boolean(), suggestion: Suggestion }),
  })),
  'purchases/list': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ partyId: IdField }),
    response: z.object({ purchases: z.array(PurchaseSchema) }),
  })),
  /** What a party buys: current engagements with terms, purchases, totals, a suggestion. */
  'parties/summary': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ id: IdField }),
    response: z.object({
      view: PartyViewSchema,
      engagements: z.array(EngagementSchema),
      purchases: z.array(PurchaseSchema),
      purchaseTotals: z.array(MoneySchema),
      recurringMonthly: z.array(MoneySchema),
      suggestion: Suggestion,
    }),
  })),
  'prospects/update': defineMessage(() => ({
    sender: 'extension-page',
    request: ProspectInfoSchema.extend({ id: IdField }),
    response: PartyViewSchema,
  })),
  'duplicates/find': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({}),
    response: z.object({
      pairs: z.array(
        z.object({
          action: z.enum(['merge', 'link']),
          a: PartyBriefSchema,
          b: PartyBriefSchema,
          reasons: z.array(
            z.object({
              code: z.enum(['email', 'phone', 'name-organization', 'works-at']),
              params: z.record(z.string().max(40), z.string()),
            }),
          ),
        }),
      ),
    }),
  })),
  /** What merging would give, before anything is written. */
  'duplicates/preview': defineMessage(() => ({
    sender: 'extension-page',
    request: MergeTargetSchema,
    response: z.object({
      survivor: PartySchema,
      absorbed: PartySchema,
      merged: PartySchema,
      moved: MergeCountsSchema,
    }),
  })),
  'duplicates/merge': defineMessage(() => ({
    sender: 'extension-page',
    request: MergeTargetSchema.extend({
      expected: z.object({ survivorUpdatedAt: z.number(), absorbedUpdatedAt: z.number() }),
    }),
    response: z.object({ view: PartyViewSchema, moved: MergeCountsSchema }),
  })),
  'duplicates/link': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ personId: IdField, organizationId: IdField }),
    response: PartyViewSchema,
  })),
  'dashboard/figures': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      /** The page's IANA time zone, so weeks and months are the user's. */
      timeZone: z.string().max(100).refine(isTimeZone, { message: 'not a time zone' }).optional(),
    }),
    response: DashboardFiguresSchema,
  })),
} as const;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
