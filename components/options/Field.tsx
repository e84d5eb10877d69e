import type { ComponentChildren } from 'preact';

export interface FieldProps {
  /** The id of the control inside, which the label points at. */
  for: string;
  label: ComponentChildren;
  /** What is wrong with the value, shown under it; the control lists `errorId` in `aria-describedby`. */
  error?: string | undefined;
  errorId?: string;
  children: ComponentChildren;
}

/**
 * An options-page field: its label above, the control, then what is wrong with it
 * (styled by `.field` and `.field-error` in options.css).
 */
export function Field({ for: id, label, error, errorId, children }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
