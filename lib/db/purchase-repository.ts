import { z } from 'zod';
import { CalendarDateSchema } from '../domain/engagement';
import { IdSchema, newId } from '../domain/ids';
import { describeIssues } from '../domain/issues';
import { suggestKind, type LifecycleSuggestion } from '../domain/lifecycle-suggestions';
import { MoneySchema } from '../domain/money';
import { withoutUndefined } from '../domain/new-party';
import { PartySchema } from '../domain/party';
import { PurchaseSchema, type Purchase } from '../domain/purchase';
import { err, ok, refusal, type Result } from '../domain/result';
import { factsOf } from './engagement-repository';
import { inTransaction } from './in-transaction';
import type { GetDb } from './open';
import type { RepositoryContext } from './party-repository';
import { lazy } from '../domain/lazy';

export const PurchaseDraftSchema = lazy(() =>
  z.object({
    partyId: IdSchema,
    on: CalendarDateSchema,
    amount: MoneySchema.refine((money) => money.amountMinor > 0, {
      message: 'error_amount_not_positive',
      path: ['amountMinor'],
    }),
    description: z.string().trim().min(1, 'say what was bought').max(1000),
    recurrence: z.enum(['one-time', 'recurring']).default('one-time'),
    requestId: z.string().min(1).max(100).optional(),
  }),
);
export type PurchaseDraft = z.input<typeof PurchaseDraftSchema>;

export interface PurchaseOutcome {
  purchase: Purchase;
  /** True when this request had already been recorded (a retry): nothing new was written. */
  replayed: boolean;
  suggestion: LifecycleSuggestion | null;
}

/**
 * Records a purchase and answers with the lifecycle change it suggests (a
 * prospect's first purchase suggests "customer"). A repeated `requestId` for the
 * same party returns the first purchase unchanged.
 */
export async function recordPurchase(
  context: RepositoryContext,
  draft: PurchaseDraft,
): Promise<Result<PurchaseOutcome>> {
  const parsed = PurchaseDraftSchema.safeParse(draft);
  if (!parsed.success) return err({ code: 'invalid', message: describeIssues(parsed.error) });
  const input = parsed.data;
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(['parties', 'purchases', 'engagements'], 'readwrite', {
    durability: 'strict',
  });
  return inTransaction(tx, async (): Promise<Result<PurchaseOutcome>> => {
    const stored = await tx.objectStore('parties').get(input.partyId);
    if (!stored) return err(refusal('not_found', 'error_record_gone'));
    const party = PartySchema.parse(stored);
    const before = await factsOf(tx, party.id);
    const previous = input.requestId
      ? before.purchases.find((p) => p.requestId === input.requestId)
      : undefined;
    if (previous) return ok({ purchase: previous, replayed: true, suggestion: null });

    const purchase: Purchase = withoutUndefined({
      id: newId(),
      partyId: party.id,
      on: input.on,
      amount: input.amount,
      description: input.description,
      recurrence: input.recurrence,
      requestId: input.requestId,
      createdAt: now,
    });
    await tx.objectStore('purchases').add(PurchaseSchema.parse(purchase));
    const suggestion = suggestKind(party, {
      engagements: before.engagements,
      purchases: [...before.purchases, purchase],
    });
    return ok({ purchase, replayed: false, suggestion });
  });
}

/** A party's purchases, newest first. */
export async function listPurchases(getDb: GetDb, partyId: string): Promise<Purchase[]> {
  const db = await getDb();
  const stored = await db.getAllFromIndex('purchases', 'byParty', partyId);
  return sortPurchases(stored.map((p) => PurchaseSchema.parse(p)));
}

export function sortPurchases(purchases: Purchase[]): Purchase[] {
  return purchases.sort((a, b) => b.on.localeCompare(a.on) || b.createdAt - a.createdAt);
}
