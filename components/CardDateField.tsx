import { cardDateInput, formatCardDate } from '../lib/domain/card-format';
import { uiLanguage } from '../lib/platform/i18n';

export interface CardDateFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  testId: string;
}

/**
 * A birthday or an anniversary, typed as 1990-04-15 or 04-15 (no year), and read
 * back in the user's own words beside it, so a day and a month swapped are seen.
 */
export function CardDateField({ label, value, onInput, testId }: CardDateFieldProps) {
  const date = cardDateInput(value);
  return (
    <div class="date-field">
      <label>
        {label}
        <input
          type="text"
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
          aria-describedby={date ? `${testId}-reads` : undefined}
          data-testid={testId}
        />
      </label>
      {date && (
        <p class="muted date-reads" id={`${testId}-reads`} data-testid={`${testId}-reads`}>
          {formatCardDate(date, uiLanguage())}
        </p>
      )}
    </div>
  );
}
