// The rows the record forms (engagement, purchase, interaction) are built from.
// Each control sits inside its label, so the label is its accessible name. Rows only
// the side panel's engagement and purchase forms use are in DealingFormParts.tsx:
// this module is shared with the popup, whose bundle would carry them too.

import { t } from '../lib/platform/i18n';

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

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  required?: boolean;
  /** `decimal` for an amount: a phone shows its number pad. */
  inputMode?: 'decimal';
  testId?: string;
}

/** A labelled line of text. */
export function TextField({
  label,
  value,
  onChange,
  maxLength,
  required,
  inputMode,
  testId,
}: TextFieldProps) {
  return (
    <label>
      {label}
      <input
        type="text"
        value={value}
        maxLength={maxLength}
        required={required}
        inputMode={inputMode}
        data-testid={testId}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
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

export interface SubmitButtonProps {
  busy: boolean;
  label: string;
  testId: string;
}

/** A form's main button: disabled and saying so while the form is being saved. */
export function SubmitButton({ busy, label, testId }: SubmitButtonProps) {
  return (
    <button type="submit" class="primary" disabled={busy} data-testid={testId}>
      {busy ? t('form_saving') : label}
    </button>
  );
}
