import { t, uiLanguage, type MessageKey } from '../../../lib/platform/i18n';
import { formatDay } from '../../../lib/ui/local-day';
import { useState } from 'preact/hooks';
import { sendMessage } from '../../../lib/platform/messaging';
import { formatAmount, parseAmount } from '../../../lib/ui/amount-input';
import { localDay } from '../../../lib/ui/local-day';
import { AmountFields, DealingFormEnd } from './DealingFormParts';
import { DateField, SelectField } from '../../../components/FormParts';
import type { Send, Suggestion } from './SuggestionNotice';
import { say } from '../../../lib/ui/ui-text';

export interface PurchaseFormProps {
  partyId: string;
  send?: Send;
  /** Called after a purchase is stored, with a sentence saying what was recorded. */
  onSaved?: (message: string) => void;
  /** Given, the form offers a Cancel button. */
  onCancel?: () => void;
  /** Today as `YYYY-MM-DD` in the user's calendar; injectable for tests. */
  today?: string;
  defaultCurrency?: string;
}

export const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'SEK'];
type Recurrence = 'one-time' | 'recurring';
const RECURRENCES: [Recurrence, MessageKey][] = [
  ['one-time', 'panel_recurrence_one_time'],
  ['recurring', 'panel_recurrence_recurring'],
];

/**
 * Records a purchase. The amount is typed as text and read exactly into minor
 * units for its currency (no floating point); a retried save is recorded once.
 */
export function PurchaseForm({
  partyId,
  send = sendMessage,
  onSaved,
  onCancel,
  today = localDay(),
  defaultCurrency = 'EUR',
}: PurchaseFormProps) {
  const [on, setOn] = useState(today);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(defaultCurrency);
  const [description, setDescription] = useState('');
  const [recurrence, setRecurrence] = useState<Recurrence>('one-time');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // One id per purchase being entered: a retry after a lost answer is not a second purchase.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());

  const submit = async (event: Event) => {
    event.preventDefault();
    const code = currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) return setProblem(t('panel_purchase_need_currency'));
    const minor = parseAmount(amount, code, navigator.language);
    if (!minor.ok) return setProblem(minor.error.message);
    if (description.trim() === '') return setProblem(t('panel_purchase_need_what'));
    setProblem(null);
    setBusy(true);
    const result = await send('purchases/record', {
      partyId,
      on,
      amount: { amountMinor: minor.value, currency: code },
      description,
      recurrence,
      requestId,
    });
    setBusy(false);
    if (!result.ok) return setProblem(say(result.error.message));
    const { purchase } = result.value;
    const message = t(
      'panel_purchase_recorded',
      purchase.description,
      formatAmount(purchase.amount.amountMinor, purchase.amount.currency, uiLanguage()),
      formatDay(purchase.on, uiLanguage()),
    );
    setSuggestion(result.value.suggestion);
    setSaved(message);
    setAmount('');
    setDescription('');
    setRequestId(crypto.randomUUID());
    onSaved?.(message);
  };

  return (
    <form
      class="purchase-form"
      data-testid="purchase-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('panel_purchase_form')}
    >
      <div class="row">
        <AmountFields
          label={t('panel_amount')}
          amount={amount}
          onAmount={setAmount}
          currency={currency}
          onCurrency={setCurrency}
          amountTestId="purchase-amount"
          currencyTestId="purchase-currency"
          required
          suggestions={{ id: 'purchase-currencies', codes: COMMON_CURRENCIES }}
        />
      </div>
      <label>
        {t('panel_what_bought')}
        <input
          type="text"
          value={description}
          maxLength={1000}
          onInput={(e) => setDescription(e.currentTarget.value)}
          data-testid="purchase-description"
          required
        />
      </label>
      <div class="row">
        <DateField label={t('panel_date')} value={on} onChange={setOn} required />
        <SelectField
          label={t('panel_purchase_kind')}
          value={recurrence}
          options={RECURRENCES.map(([value, key]) => [value, t(key)])}
          onChange={setRecurrence}
        />
      </div>
      <DealingFormEnd
        name="purchase"
        submitLabel={t('panel_record_purchase')}
        busy={busy}
        problem={problem}
        saved={saved}
        onCancel={onCancel}
        partyId={partyId}
        suggestion={suggestion}
        send={send}
      />
    </form>
  );
}
