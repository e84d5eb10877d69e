import { useState } from 'preact/hooks';
import type { Money } from '../lib/domain/money';
import type { PurchasePatch } from '../lib/domain/part-patch';
import type { Purchase } from '../lib/domain/purchase';
import { t, tCount, uiLanguage } from '../lib/platform/i18n';
import { formatAmount } from '../lib/ui/amount-input';
import { InPlaceEdit } from './EditForm';
import { EditPurchase } from './EditPurchase';

/** How many purchases are listed; the totals always count every one. */
const SHOWN = 5;

export interface PurchaseListProps {
  /** Newest first. */
  purchases: readonly Purchase[];
  /** One total per currency: currencies are never added together. */
  totals: readonly Money[];
  /** Given, each purchase listed offers Delete (undone from the record's toast). */
  onDelete?: (purchase: Purchase) => void;
  /** Given, each purchase listed offers Edit, corrected in place. */
  onEdit?: (purchase: Purchase, patch: PurchasePatch) => void;
}

/** What the party has bought: the totals per currency, then the latest purchases. */
export function PurchaseList({ purchases, totals, onDelete, onEdit }: PurchaseListProps) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div class="dealing-part" data-testid="summary-purchases">
      <h3>{t('purchases_heading')}</h3>
      <ul class="money-list figure" aria-label={t('purchases_totalsLabel')}>
        {totals.map((total) => (
          <li key={total.currency} data-testid="purchase-total" data-currency={total.currency}>
            {t('purchases_inTotal', formatAmount(total.amountMinor, total.currency, uiLanguage()))}
          </li>
        ))}
      </ul>
      <ul class="purchases">
        {purchases.slice(0, SHOWN).map((p) => (
          <li key={p.id} data-testid="summary-purchase">
            {p.on} · {p.description} ·{' '}
            {formatAmount(p.amount.amountMinor, p.amount.currency, uiLanguage())}
            {p.recurrence === 'recurring' ? ` ${t('purchases_recurring')}` : ''}
            {onEdit && (
              <>
                {' '}
                <InPlaceEdit
                  open={editing === p.id}
                  onOpen={() => setEditing(p.id)}
                  label={t('tidy_edit_purchase_label', p.description)}
                  testId="edit-purchase"
                >
                  <EditPurchase
                    purchase={p}
                    onCancel={() => setEditing(null)}
                    onSave={(patch) => {
                      setEditing(null);
                      onEdit(p, patch);
                    }}
                  />
                </InPlaceEdit>
              </>
            )}
            {onDelete && (
              <>
                {' '}
                <button
                  type="button"
                  class="link"
                  data-testid="delete-purchase"
                  aria-label={t('tidy_delete_purchase_label', p.description)}
                  onClick={() => onDelete(p)}
                >
                  {t('tidy_delete')}
                </button>
              </>
            )}
          </li>
        ))}
        {purchases.length > SHOWN && (
          <li class="muted">{tCount('purchases_earlier', purchases.length - SHOWN)}</li>
        )}
      </ul>
    </div>
  );
}
