import { useState } from 'preact/hooks';
import { sendMessage } from '../lib/platform/messaging';
import { parseAmount } from '../lib/ui/amount-input';
import { SuggestionNotice, type Send, type Suggestion } from './RelationshipSummary';

export interface PurchaseFormProps {
  partyId: string;
  send?: Send;
  /** Called after a purchase is stored. */
  onSaved?: () => void;
  /** Today as `YYYY-MM-DD` in the user's calendar; injectable for tests. */
  today?: string;
  defaultCurrency?: string;
}

export const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'SEK'];

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Records a purchase. The amount is typed as text and read exactly into minor
 * units for its currency (no floating point); a retried save is recorded once.
 */
export function PurchaseForm({
  partyId,
  send = sendMessage,
  onSaved,
  today = localToday(),
  defaultCurrency = 'EUR',
}: PurchaseFormProps) {
  const [on, setOn] = useState(today);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(defaultCurrency);
  const [description, setDescription] = useState('');
  const [recurrence, setRecurrence] = useState<'one-time' | 'recurring'>('one-time');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // One id per purchase being entered: a retry after a lost answer is not a second purchase.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());

  const submit = async (event: Event) => {
    event.preventDefault();
    const code = currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code))
      return setProblem('Enter a three-letter currency code, such as EUR.');
    const minor = parseAmount(amount, code, navigator.language);
    if (!minor.ok) return setProblem(minor.error.message);
    if (description.trim() === '') return setProblem('Say what was bought.');
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
    if (!result.ok) return setProblem(result.error.message);
    setSuggestion(result.value.suggestion);
    setSaved(`Recorded: ${description.trim()}.`);
    setAmount('');
    setDescription('');
    setRequestId(crypto.randomUUID());
    onSaved?.();
  };

  return (
    <form
      class="purchase-form"
      data-testid="purchase-form"
      onSubmit={(e) => void submit(e)}
      aria-label="Record a purchase"
    >
      <div class="row">
        <label>
          Amount
          <input
            type="text"
            inputMode="decimal"
            value={amount}
            onInput={(e) => setAmount(e.currentTarget.value)}
            data-testid="purchase-amount"
            required
          />
        </label>
        <label>
          Currency
          <input
            type="text"
            value={currency}
            maxLength={3}
            list="purchase-currencies"
            onInput={(e) => setCurrency(e.currentTarget.value)}
            data-testid="purchase-currency"
            required
          />
          <datalist id="purchase-currencies">
            {COMMON_CURRENCIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
      </div>
      <label>
        What was bought
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
        <label>
          Date
          <input type="date" value={on} onInput={(e) => setOn(e.currentTarget.value)} required />
        </label>
        <label>
          Kind
          <select
            value={recurrence}
            onChange={(e) => setRecurrence(e.currentTarget.value as 'one-time' | 'recurring')}
          >
            <option value="one-time">One-time</option>
            <option value="recurring">Recurring</option>
          </select>
        </label>
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {saved && (
        <p class="muted" role="status">
          {saved}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy} data-testid="purchase-submit">
        {busy ? 'Saving…' : 'Record purchase'}
      </button>
      {suggestion && <SuggestionNotice partyId={partyId} suggestion={suggestion} send={send} />}
    </form>
  );
}
