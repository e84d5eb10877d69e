// The rows the record forms (engagement, purchase, interaction) are built from.
// Each control sits inside its label, so the label is its accessible name.

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  /** `[value, label]` pairs, in the order shown. */
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
  testId?: string;
}

/** A labelled drop-down whose values are one of a fixed set. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: SelectFieldProps<T>) {
  return (
    <label>
      {label}
      <select
        value={value}
        onChange={(e) => onChange(e.currentTarget.value as T)}
        data-testid={testId}
      >
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` for a `datetime-local` field; empty when unset. */
  value: string;
  onChange: (value: string) => void;
  type?: 'date' | 'datetime-local';
  required?: boolean;
  testId?: string;
}

/** A labelled date (or date and time) picker. */
export function DateField({
  label,
  value,
  onChange,
  type = 'date',
  required,
  testId,
}: DateFieldProps) {
  return (
    <label>
      {label}
      <input
        type={type}
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
        required={required}
        data-testid={testId}
      />
    </label>
  );
}

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
        Currency
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

/** What stopped a form, read out at once. */
export function FormProblem({ problem }: { problem: string | null }) {
  return (
    problem && (
      <p class="error" role="alert">
        {problem}
      </p>
    )
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

export interface SubmitButtonProps {
  busy: boolean;
  label: string;
  testId: string;
}

/** A form's main button: disabled and saying so while the form is being saved. */
export function SubmitButton({ busy, label, testId }: SubmitButtonProps) {
  return (
    <button type="submit" class="primary" disabled={busy} data-testid={testId}>
      {busy ? 'Saving…' : label}
    </button>
  );
}
