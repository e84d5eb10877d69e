import { useState } from 'preact/hooks';
import type { PurchasePatch } from '../lib/domain/part-patch';
import type { Purchase } from '../lib/domain/purchase';
import { t } from '../lib/platform/i18n';
import { formatAmount, parseAmount } from '../lib/ui/amount-input';
import { EditForm } from './EditForm';
import { DateField, SelectField } from './FormParts';

export interface EditPurchaseProps {
  purchase: Purchase;
  onSave: (patch: PurchasePatch) => void;
  onCancel: () => void;
}

/** Corrects one purchase in place: what, when, how much (in its own currency), how often. */
export function EditPurchase({ purchase, onSave, onCancel }: EditPurchaseProps) {
  const { currency } = purchase.amount;
  const [description, setDescription] = useState(purchase.description);
  const [on, setOn] = useState(purchase.on);
  // Shown as formatAmount writes it, which parseAmount reads back.
  const [amount, setAmount] = useState(
    formatAmount(purchase.amount.amountMinor, currency, navigator.language),
  );
  const [recurrence, setRecurrence] = useState(purchase.recurrence);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <EditForm
      name="edit-purchase"
      label={t('tidy_edit_purchase_label', purchase.description)}
      problem={problem}
      onCancel={onCancel}
      onSubmit={() => {
        const minor = parseAmount(amount, currency, navigator.language);
        if (!minor.ok) return setProblem(minor.error.message);
        if (description.trim() === '') return setProblem(t('panel_purchase_need_what'));
        onSave({ description, on, recurrence, amount: { amountMinor: minor.value, currency } });
      }}
    >
      <label>
        {t('panel_what_bought')}
        <input
          type="text"
          value={description}
          maxLength={1000}
          required
          data-testid="edit-purchase-description"
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </label>
      <label>
        {`${t('panel_amount')} (${currency})`}
        <input
          type="text"
          inputMode="decimal"
          value={amount}
          required
          data-testid="edit-purchase-amount"
          onInput={(e) => setAmount(e.currentTarget.value)}
        />
      </label>
      <DateField label={t('panel_date')} value={on} onChange={setOn} required />
      <SelectField
        label={t('panel_purchase_kind')}
        value={recurrence}
        options={[
          ['one-time', t('panel_recurrence_one_time')],
          ['recurring', t('panel_recurrence_recurring')],
        ]}
        onChange={setRecurrence}
      />
    </EditForm>
  );
}
