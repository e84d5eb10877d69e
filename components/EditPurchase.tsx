import type { PurchasePatch } from '../lib/domain/part-patch';
import type { Purchase } from '../lib/domain/purchase';
import { t } from '../lib/platform/i18n';
import { formatAmount, parseAmount } from '../lib/ui/amount-input';
import { EditForm } from './EditForm';
import { DateField, SelectField, TextField } from './FormParts';
import { useCorrection } from './use-correction';

export interface EditPurchaseProps {
  purchase: Purchase;
  onSave: (patch: PurchasePatch) => void;
  onCancel: () => void;
}

/** Corrects one purchase in place: what, when, how much (in its own currency), how often. */
export function EditPurchase({ purchase, onSave, onCancel }: EditPurchaseProps) {
  const { currency } = purchase.amount;
  const { draft, field, problem, refuse } = useCorrection(() => ({
    description: purchase.description,
    on: purchase.on,
    // Shown as formatAmount writes it, which parseAmount reads back.
    amount: formatAmount(purchase.amount.amountMinor, currency, navigator.language),
    recurrence: purchase.recurrence,
  }));
  return (
    <EditForm
      name="edit-purchase"
      label={t('tidy_edit_purchase_label', purchase.description)}
      problem={problem}
      onCancel={onCancel}
      onSubmit={() => {
        const { description, on, amount, recurrence } = draft;
        const minor = parseAmount(amount, currency, navigator.language);
        if (!minor.ok) return refuse(minor.error.message);
        if (description.trim() === '') return refuse(t('panel_purchase_need_what'));
        onSave({ description, on, recurrence, amount: { amountMinor: minor.value, currency } });
      }}
    >
      <TextField
        label={t('panel_what_bought')}
        value={draft.description}
        maxLength={1000}
        required
        testId="edit-purchase-description"
        onChange={field('description')}
      />
      <TextField
        label={`${t('panel_amount')} (${currency})`}
        inputMode="decimal"
        value={draft.amount}
        required
        testId="edit-purchase-amount"
        onChange={field('amount')}
      />
      <DateField label={t('panel_date')} value={draft.on} onChange={field('on')} required />
      <SelectField
        label={t('panel_purchase_kind')}
        value={draft.recurrence}
        options={[
          ['one-time', t('panel_recurrence_one_time')],
          ['recurring', t('panel_recurrence_recurring')],
        ]}
        onChange={field('recurrence')}
      />
    </EditForm>
  );
}
