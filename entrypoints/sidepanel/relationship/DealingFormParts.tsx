import { t } from '../../../lib/platform/i18n';
import { FormProblem, SubmitButton } from '../../../components/FormParts';
import { SuggestionNotice, type Send, type Suggestion } from './SuggestionNotice';

// Rows only the side panel's engagement and purchase forms use. They live apart from
// FormParts.tsx, which the popup's quick log shares: the bundler puts a module used by
// both pages in a chunk both load, and the popup has a 30 KB gzip budget.

export interface AmountFieldsProps {
  /** What the amount is called here: "Amount", "Rate". */
  label: string;
  amount: string;
  onAmount: (text: string) => void;
  currency: string;
  onCurrency: (code: string) => void;
  amountTestId: string;
  currencyTestId?: string;
  required?: boolean;
  /** Codes offered while typing the currency, with the id of the list that holds them. */
  suggestions?: { id: string; codes: readonly string[] };
}

/**
 * An amount typed as text (read exactly later, see lib/ui/amount-input) and its
 * three-letter currency code, side by side in a `.row`.
 */
export function AmountFields({
  label,
  amount,
  onAmount,
  currency,
  onCurrency,
  amountTestId,
  currencyTestId,
  required,
  suggestions,
}: AmountFieldsProps) {
  return (
    <>
      <label>
        {label}
        <input
          type="text"
          inputMode="decimal"
          value={amount}
          onInput={(e) => onAmount(e.currentTarget.value)}
          data-testid={amountTestId}
          required={required}
        />
      </label>
      <label>
        {t('panel_currency')}
        <input
          type="text"
          value={currency}
          maxLength={3}
          list={suggestions?.id}
          onInput={(e) => onCurrency(e.currentTarget.value)}
          data-testid={currencyTestId}
          required={required}
        />
        {suggestions && (
          <datalist id={suggestions.id}>
            {suggestions.codes.map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
        )}
      </label>
    </>
  );
}

/** What a form's last submission did, read out when convenient. */
export function FormSaved({ saved }: { saved: string | null }) {
  return (
    saved && (
      <p class="muted" role="status">
        {saved}
      </p>
    )
  );
}

export interface DealingFormEndProps {
  /** Names the test ids: `<name>-submit`, `<name>-cancel`. */
  name: string;
  submitLabel: string;
  busy: boolean;
  problem: string | null;
  saved: string | null;
  onCancel: (() => void) | undefined;
  partyId: string;
  suggestion: Suggestion | null;
  send: Send;
}

/**
 * How an engagement or purchase form ends: why it was refused or what was saved, its
 * buttons, and the change of kind the save suggests.
 */
export function DealingFormEnd({
  name,
  submitLabel,
  busy,
  problem,
  saved,
  onCancel,
  partyId,
  suggestion,
  send,
}: DealingFormEndProps) {
  return (
    <>
      <FormProblem problem={problem} />
      <FormSaved saved={saved} />
      <div class="row buttons">
        <SubmitButton busy={busy} label={submitLabel} testId={`${name}-submit`} />
        {onCancel && (
          <button type="button" onClick={onCancel} data-testid={`${name}-cancel`}>
            {t('panel_cancel')}
          </button>
        )}
      </div>
      {suggestion && <SuggestionNotice partyId={partyId} suggestion={suggestion} send={send} />}
    </>
  );
}
