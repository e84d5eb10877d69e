import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Response } from '../lib/protocol/messages';
import { sendMessage } from '../lib/platform/messaging';
import { formatAmount } from '../lib/ui/amount-input';
import { KIND_LABELS } from '../lib/ui/format';

type Summary = Response<'parties/summary'>;
export type Suggestion = NonNullable<Summary['suggestion']>;
export type Send = typeof sendMessage;
type Terms = Summary['engagements'][number]['terms'];

const PERIOD: Record<string, string> = {
  week: 'a week',
  month: 'a month',
  quarter: 'a quarter',
  year: 'a year',
};
const MODEL: Record<Terms['pricingModel'], string> = {
  hourly: 'an hour',
  'fixed-fee': 'fixed fee',
  retainer: 'retainer',
  subscription: 'subscription',
  'one-time': 'one time',
};

/** "€2,500.00 a month (retainer)", "€150.00 an hour", "€9,000.00 (fixed fee)". */
export function describeTerms(terms: Terms): string {
  const amount = formatAmount(terms.rate.amountMinor, terms.rate.currency);
  if (terms.pricingModel === 'hourly') return `${amount} an hour`;
  if (terms.billingPeriod)
    return `${amount} ${PERIOD[terms.billingPeriod] ?? ''} (${MODEL[terms.pricingModel]})`;
  return `${amount} (${MODEL[terms.pricingModel]})`;
}

/**
 * A suggested change of kind with its reason and an "Apply" button; applying is
 * always the user's choice (parties/setKind), and it is kept in the history with
 * the reason.
 */
export function SuggestionNotice({
  partyId,
  suggestion,
  send = sendMessage,
  onApplied,
}: {
  partyId: string;
  suggestion: Suggestion;
  send?: Send;
  onApplied?: () => void;
}) {
  // 'idle', 'busy', 'done', or the message of a failure.
  const [state, setState] = useState<string>('idle');
  const apply = async () => {
    setState('busy');
    const result = await send('parties/setKind', {
      id: partyId,
      kind: suggestion.to,
      reason: suggestion.reason.slice(0, 500),
    });
    setState(result.ok ? 'done' : result.error.message);
    if (result.ok) onApplied?.();
  };
  if (state === 'done')
    return (
      <p class="notice" role="status">
        Now a {KIND_LABELS[suggestion.to].toLowerCase()}.
      </p>
    );
  return (
    <div class="notice suggestion" data-testid="suggestion" data-to={suggestion.to}>
      <span>
        Suggested: {KIND_LABELS[suggestion.from]} → <strong>{KIND_LABELS[suggestion.to]}</strong>.{' '}
        {suggestion.reason}
      </span>
      <button
        type="button"
        onClick={() => void apply()}
        disabled={state === 'busy'}
        data-testid="apply-suggestion"
      >
        Apply
      </button>
      {state !== 'idle' && state !== 'busy' && (
        <span class="error" role="alert">
          {state}
        </span>
      )}
    </div>
  );
}

export interface RelationshipSummaryProps {
  partyId: string;
  /** Only for tests and embedding: how messages are sent. */
  send?: Send;
  /** Bump to read again after a write elsewhere (a new purchase or engagement). */
  version?: number;
}

/** What this party buys from the user: current engagements, purchases, totals per currency. */
export function RelationshipSummary({
  partyId,
  send = sendMessage,
  version = 0,
}: RelationshipSummaryProps) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(async () => {
    const result = await send('parties/summary', { id: partyId });
    if (result.ok) setSummary(result.value);
    else setProblem(result.error.message);
  }, [partyId, send]);
  useEffect(() => void load(), [load, version]);

  if (problem)
    return (
      <p class="error" role="alert">
        {problem}
      </p>
    );
  if (!summary) return <p class="muted">Reading…</p>;
  const { engagements, purchases, purchaseTotals, recurringMonthly, suggestion } = summary;
  const nothing = engagements.length === 0 && purchases.length === 0;
  return (
    <section
      class="relationship-summary"
      data-testid="relationship-summary"
      aria-label="What they buy"
    >
      {suggestion && (
        <SuggestionNotice
          partyId={partyId}
          suggestion={suggestion}
          send={send}
          onApplied={() => void load()}
        />
      )}
      {nothing && <p class="empty">No engagements or purchases yet.</p>}
      {engagements.length > 0 && (
        <>
          <h3>Engagements</h3>
          <ul class="engagements">
            {engagements.map((e) => (
              <li key={e.id} data-testid="summary-engagement" data-status={e.status}>
                <strong>{e.serviceName}</strong> · {describeTerms(e.terms)} ·{' '}
                <span class="muted">
                  {e.status}, from {e.startOn}
                  {e.renewOn ? `, renews ${e.renewOn}` : e.endOn ? `, until ${e.endOn}` : ''}
                </span>
              </li>
            ))}
          </ul>
          {recurringMonthly.length > 0 && (
            <p data-testid="recurring-monthly">
              Recurring:{' '}
              {recurringMonthly.map((m) => formatAmount(m.amountMinor, m.currency)).join(' + ')} a
              month
            </p>
          )}
        </>
      )}
      {purchases.length > 0 && (
        <>
          <h3>Purchases</h3>
          <ul class="money-list" aria-label="Purchases in total, per currency">
            {purchaseTotals.map((total) => (
              <li key={total.currency} data-testid="purchase-total" data-currency={total.currency}>
                {formatAmount(total.amountMinor, total.currency)} in total
              </li>
            ))}
          </ul>
          <ul class="purchases">
            {purchases.slice(0, 5).map((p) => (
              <li key={p.id}>
                {p.on} · {p.description} · {formatAmount(p.amount.amountMinor, p.amount.currency)}
                {p.recurrence === 'recurring' ? ' (recurring)' : ''}
              </li>
            ))}
            {purchases.length > 5 && <li class="muted">and {purchases.length - 5} earlier</li>}
          </ul>
        </>
      )}
    </section>
  );
}
