import type { Engagement } from '../lib/domain/engagement';
import type { Money } from '../lib/domain/money';
import type { Purchase } from '../lib/domain/purchase';

export interface DealingsProps {
  engagements: readonly Engagement[];
  purchases: readonly Purchase[];
  purchaseCount: number;
  purchaseTotals: readonly Money[];
}

const PERIOD: Record<string, string> = {
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};

/** Engagements and purchases in brief: what is agreed, what was bought, how much in all. */
export function Dealings({ engagements, purchases, purchaseCount, purchaseTotals }: DealingsProps) {
  return (
    <section class="panel-section" aria-labelledby="dealings-title" data-testid="dealings">
      <h3 id="dealings-title">Engagements and purchases</h3>
      {engagements.length === 0 && purchaseCount === 0 && (
        <p class="empty">No engagements or purchases yet.</p>
      )}
      {engagements.length > 0 && (
        <ul class="dealings" aria-label="Engagements">
          {engagements.map((engagement) => (
            <li key={engagement.id} data-testid="engagement" data-status={engagement.status}>
              <span class="dealing-name">{engagement.serviceName}</span>
              <span class={`status status-${engagement.status}`}>{engagement.status}</span>
              <span class="muted">
                {formatMoney(engagement.terms.rate)}
                {engagement.terms.billingPeriod
                  ? ` a ${PERIOD[engagement.terms.billingPeriod]}`
                  : ` · ${engagement.terms.pricingModel.replace('-', ' ')}`}
                {` · since ${engagement.startOn}`}
                {engagement.renewOn
                  ? ` · renews ${engagement.renewOn}`
                  : engagement.endOn
                    ? ` · ends ${engagement.endOn}`
                    : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {purchaseCount > 0 && (
        <>
          <p data-testid="purchase-summary">
            {purchaseCount} purchase{purchaseCount === 1 ? '' : 's'},{' '}
            {purchaseTotals.map(formatMoney).join(' + ')} in all
          </p>
          <ul class="dealings" aria-label="Latest purchases">
            {purchases.map((purchase) => (
              <li key={purchase.id} data-testid="purchase">
                <span class="dealing-name">{purchase.description}</span>
                <span class="muted">
                  {purchase.on} · {formatMoney(purchase.amount)}
                  {purchase.recurrence === 'recurring' ? ' · recurring' : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** An amount in its currency's own minor units, written the user's way (`€1,250.00`). */
export function formatMoney({ amountMinor, currency }: Money): string {
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amountMinor / 10 ** digits);
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${currency}`;
  }
}
