import type { IDBPTransaction } from 'idb';
import { z } from 'zod';
import {
  CalendarDateSchema,
  EngagementSchema,
  EngagementStatusSchema,
  type Engagement,
} from '../domain/engagement';
import type { FollowUp } from '../domain/follow-up';
import { IdSchema, newId, type Instant } from '../domain/ids';
import { describeIssues } from '../domain/issues';
import { suggestKind, type LifecycleSuggestion } from '../domain/lifecycle-suggestions';
import { withoutUndefined } from '../domain/new-party';
import { monthlyRate } from '../domain/dashboard';
import { totalsByCurrency, type Money } from '../domain/money';
import { PartySchema, type Party } from '../domain/party';
import { PurchaseSchema, type Purchase } from '../domain/purchase';
import { err, ok, refusal, type Result } from '../domain/result';
import { ServiceSchema, TermsSchema, type Service } from '../domain/service';
import { inTransaction } from './in-transaction';
import type { GetDb } from './open';
import type { ClienteleSchema } from './schema';
import type { RepositoryContext } from './party-repository';
import { sortPurchases } from './purchase-repository';
import { lazy } from '../domain/lazy';

const WRITE = { durability: 'strict' } as const;

/**
 * A new engagement: from a catalogue service (its terms are copied now, at
 * signing; `terms` may override them as negotiated) or ad hoc, with a name and terms.
 */
export const EngagementDraftSchema = lazy(() =>
  z
    .object({
      partyId: IdSchema,
      serviceId: IdSchema.optional(),
      serviceName: z.string().trim().min(1).max(200).optional(),
      terms: TermsSchema.optional(),
      startOn: CalendarDateSchema,
      endOn: CalendarDateSchema.optional(),
      renewOn: CalendarDateSchema.optional(),
      status: EngagementStatusSchema.default('proposed'),
      scopeNotes: z.string().max(20_000).default(''),
      /** How long before the renewal date its follow-up falls due. */
      remindDaysBefore: z.number().int().min(0).max(365).default(30),
    })
    .refine((d) => d.serviceId !== undefined || (d.serviceName && d.terms), {
      message: 'error_engagement_needs_service',
      path: ['serviceId'],
    })
    .refine((d) => !d.endOn || d.endOn >= d.startOn, {
      message: 'error_end_before_start',
      path: ['endOn'],
    })
    .refine((d) => !d.renewOn || d.renewOn >= d.startOn, {
      message: 'error_renewal_before_start',
      path: ['renewOn'],
    }),
);
export type EngagementDraft = z.input<typeof EngagementDraftSchema>;

export const StatusChangeSchema = lazy(() =>
  z.object({
    id: IdSchema,
    status: EngagementStatusSchema,
    /** Usually given when ending: the day it ended. */
    endOn: CalendarDateSchema.optional(),
  }),
);
export type StatusChange = z.input<typeof StatusChangeSchema>;

export interface EngagementOutcome {
  engagement: Engagement;
  followUp?: FollowUp;
  suggestion: LifecycleSuggestion | null;
}

/**
 * When a renewal's follow-up falls due: 09:00 local time, `daysBefore` days ahead
 * of the renewal date (the worker's clock runs in the user's time zone). `null`
 * when the renewal date itself has passed; due now when it is closer than that.
 */
export function renewalFollowUpAt(renewOn: string, daysBefore: number, now: Instant) {
  const [y = 1970, m = 1, d = 1] = renewOn.split('-').map(Number);
  if (new Date(y, m - 1, d, 23, 59).getTime() < now) return null;
  return Math.max(now, new Date(y, m - 1, d - daysBefore, 9).getTime());
}

/**
 * Records an engagement and, in the same transaction, the follow-up ahead of its
 * renewal date; answers with the lifecycle change it suggests, if any.
 */
export async function createEngagement(
  context: RepositoryContext,
  draft: EngagementDraft,
): Promise<Result<EngagementOutcome>> {
  const parsed = EngagementDraftSchema.safeParse(draft);
  if (!parsed.success) return err({ code: 'invalid', message: describeIssues(parsed.error) });
  const input = parsed.data;
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(
    ['parties', 'services', 'engagements', 'purchases', 'followUps'],
    'readwrite',
    WRITE,
  );
  return inTransaction(tx, async (): Promise<Result<EngagementOutcome>> => {
    const stored = await tx.objectStore('parties').get(input.partyId);
    if (!stored) return err(refusal('not_found', 'error_record_gone'));
    const party = PartySchema.parse(stored);
    let serviceName = input.serviceName;
    let terms = input.terms;
    if (input.serviceId !== undefined) {
      const service = await tx.objectStore('services').get(input.serviceId);
      if (!service) return err(refusal('not_found', 'error_service_gone'));
      const parsedService = ServiceSchema.parse(service);
      serviceName ??= parsedService.name;
      terms ??= parsedService.terms;
    }
    if (!serviceName || !terms) return err(refusal('invalid', 'error_terms_missing'));

    const engagementId = newId();
    const dueAt = input.renewOn
      ? renewalFollowUpAt(input.renewOn, input.remindDaysBefore, now)
      : null;
    const followUp: FollowUp | undefined =
      dueAt === null || input.renewOn === undefined
        ? undefined
        : {
            id: newId(),
            partyId: party.id,
            dueAt,
            note: `Renewal of “${serviceName}” on ${input.renewOn}`,
            status: 'open',
            createdAt: now,
            updatedAt: now,
          };
    const engagement: Engagement = withoutUndefined({
      id: engagementId,
      partyId: party.id,
      serviceId: input.serviceId,
      serviceName,
      terms,
      startOn: input.startOn,
      endOn: input.endOn,
      renewOn: input.renewOn,
      status: input.status,
      scopeNotes: input.scopeNotes,
      renewalFollowUpId: followUp?.id,
      createdAt: now,
      updatedAt: now,
    });
    await tx.objectStore('engagements').add(EngagementSchema.parse(engagement));
    if (followUp) await tx.objectStore('followUps').add(followUp);
    const suggestion = suggestKind(party, await factsOf(tx, party.id));
    return ok({ engagement, suggestion, ...(followUp ? { followUp } : {}) });
  });
}

/**
 * Moves an engagement to another status. Ending it closes the open follow-up for
 * its renewal (there is nothing left to renew). Answers with the lifecycle change
 * this suggests, if any: the last active engagement ending suggests "former".
 */
export async function setEngagementStatus(
  context: RepositoryContext,
  change: StatusChange,
): Promise<Result<EngagementOutcome>> {
  const parsed = StatusChangeSchema.safeParse(change);
  if (!parsed.success) return err({ code: 'invalid', message: describeIssues(parsed.error) });
  const { id, status, endOn } = parsed.data;
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(
    ['parties', 'engagements', 'purchases', 'followUps'],
    'readwrite',
    WRITE,
  );
  return inTransaction(tx, async (): Promise<Result<EngagementOutcome>> => {
    const stored = await tx.objectStore('engagements').get(id);
    if (!stored) return err(refusal('not_found', 'error_engagement_gone'));
    const current = EngagementSchema.parse(stored);
    if (endOn !== undefined && endOn < current.startOn)
      return err(refusal('invalid', 'error_end_before_start'));
    const unchanged = current.status === status && (endOn === undefined || endOn === current.endOn);
    const engagement: Engagement = unchanged
      ? current
      : { ...current, status, ...(endOn ? { endOn } : {}), updatedAt: now };
    if (!unchanged) await tx.objectStore('engagements').put(engagement);

    if (status === 'ended' && current.renewalFollowUpId) {
      const followUp = await tx.objectStore('followUps').get(current.renewalFollowUpId);
      if (followUp?.status === 'open')
        await tx.objectStore('followUps').put({ ...followUp, status: 'done', doneAt: now });
    }
    const party = await tx.objectStore('parties').get(current.partyId);
    const suggestion = party
      ? suggestKind(PartySchema.parse(party), await factsOf(tx, current.partyId))
      : null;
    return ok({ engagement, suggestion });
  });
}

/** Any transaction over at least the engagements and purchases stores. */
type FactsTx = Pick<
  IDBPTransaction<ClienteleSchema, ('engagements' | 'purchases')[], IDBTransactionMode>,
  'objectStore'
>;

/** A party's engagements and purchases, read inside the caller's transaction. */
export async function factsOf(tx: FactsTx, partyId: string) {
  const [engagements, purchases] = await Promise.all([
    tx.objectStore('engagements').index('byParty').getAll(partyId),
    tx.objectStore('purchases').index('byParty').getAll(partyId),
  ]);
  return {
    engagements: engagements.map((e) => EngagementSchema.parse(e)),
    purchases: purchases.map((p) => PurchaseSchema.parse(p)),
  };
}

/** A party's engagements, the most recent start first. */
export async function listEngagements(getDb: GetDb, partyId: string): Promise<Engagement[]> {
  const db = await getDb();
  const stored = await db.getAllFromIndex('engagements', 'byParty', partyId);
  return stored
    .map((e) => EngagementSchema.parse(e))
    .sort((a, b) => b.startOn.localeCompare(a.startOn) || b.createdAt - a.createdAt);
}

export interface PartySummary {
  party: Party;
  /** What they buy from the user now: engagements active, paused or proposed. */
  engagements: Engagement[];
  purchases: Purchase[];
  /** Purchases added up per currency; currencies are never added together. */
  purchaseTotals: Money[];
  /** What active retainers and subscriptions bring in a month, per currency. */
  recurringMonthly: Money[];
  suggestion: LifecycleSuggestion | null;
}

/** What a party buys from the user, read in one transaction. */
export async function partySummary(getDb: GetDb, partyId: string): Promise<PartySummary | null> {
  const db = await getDb();
  const tx = db.transaction(['parties', 'engagements', 'purchases'], 'readonly');
  const stored = await tx.objectStore('parties').get(partyId);
  const facts = await factsOf(tx, partyId);
  await tx.done;
  if (!stored) return null;
  const party = PartySchema.parse(stored);
  const current = facts.engagements
    .filter((e) => e.status !== 'ended')
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        b.startOn.localeCompare(a.startOn) ||
        a.serviceName.localeCompare(b.serviceName),
    );
  const monthly = current.flatMap((e) => {
    const amountMinor = e.status === 'active' ? monthlyRate(e.terms) : null;
    return amountMinor === null ? [] : [{ amountMinor, currency: e.terms.rate.currency }];
  });
  return {
    party,
    engagements: current,
    purchases: sortPurchases(facts.purchases),
    purchaseTotals: asList(totalsByCurrency(facts.purchases.map((p) => p.amount))),
    recurringMonthly: asList(totalsByCurrency(monthly)),
    suggestion: suggestKind(party, facts),
  };
}

const STATUS_ORDER = { active: 0, paused: 1, proposed: 2, ended: 3 } as const;

function asList(totals: Map<string, number>): Money[] {
  return [...totals]
    .map(([currency, amountMinor]) => ({ currency, amountMinor }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The catalogue's services still offered, by name, read straight from the store. */
export async function listCatalogue(getDb: GetDb): Promise<Service[]> {
  const db = await getDb();
  return (await db.getAll('services'))
    .flatMap((value) => {
      const parsed = ServiceSchema.safeParse(value);
      return parsed.success && !parsed.data.archived ? [parsed.data] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
