import { EngagementSchema, type Engagement } from '../domain/engagement';
import { totalsByCurrency, type Money } from '../domain/money';
import { PurchaseSchema, type Purchase } from '../domain/purchase';
import type { GetDb } from './open';

export interface PartyDealings {
  engagements: Engagement[];
  /** The most recent purchases, newest first. */
  purchases: Purchase[];
  purchaseCount: number;
  purchaseTotals: Money[];
}

const STATUS_ORDER: Record<Engagement['status'], number> = {
  active: 0,
  proposed: 1,
  paused: 2,
  ended: 3,
};

/**
 * A party's engagements (live ones first, then newest) and purchases (newest
 * first, with totals per currency), in one read transaction, for a record at a glance.
 */
export async function readPartyDealings(
  getDb: GetDb,
  partyId: string,
  recentPurchases: number,
): Promise<PartyDealings> {
  const db = await getDb();
  const tx = db.transaction(['engagements', 'purchases'], 'readonly');
  const [rawEngagements, rawPurchases] = await Promise.all([
    tx.objectStore('engagements').index('byParty').getAll(partyId),
    tx.objectStore('purchases').index('byParty').getAll(partyId),
  ]);
  await tx.done;
  const engagements = rawEngagements
    .map((value) => EngagementSchema.parse(value))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.startOn.localeCompare(a.startOn),
    );
  const purchases = rawPurchases
    .map((value) => PurchaseSchema.parse(value))
    .sort((a, b) => b.on.localeCompare(a.on) || b.createdAt - a.createdAt);
  const totals = totalsByCurrency(purchases.map((purchase) => purchase.amount));
  return {
    engagements,
    purchases: purchases.slice(0, recentPurchases),
    purchaseCount: purchases.length,
    purchaseTotals: [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor })),
  };
}
