import { useState } from 'preact/hooks';
import { normalizeEmail } from '../../lib/domain/email';
import type { EmailLogMode, EmailLogSettings } from '../../lib/email/email-settings';
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../../lib/platform/i18n';

export interface EmailLogSectionProps {
  settings: EmailLogSettings;
  onSave: (settings: EmailLogSettings) => void;
  /** "People you email", shown inside the section. */
  children?: ComponentChildren;
}

const MODES: { value: EmailLogMode; label: MessageKey }[] = [
  { value: 'off', label: 'email_modeOff' },
  { value: 'ask', label: 'email_modeAsk' },
  { value: 'auto', label: 'email_modeAuto' },
];

/**
 * Email that logs itself: whether webmail threads with known people become
 * interactions, and what of them is kept. Each control saves as it changes.
 */
export function EmailLogSection({ settings, onSave, children }: EmailLogSectionProps) {
  const [own, setOwn] = useState(settings.ownAddresses.join(', '));
  const [ownError, setOwnError] = useState('');
  const save = (change: Partial<EmailLogSettings>) => onSave({ ...settings, ...change });

  const saveOwn = () => {
    const parts = own.split(/[\s,;]+/).filter(Boolean);
    const addresses = parts.map((part) => normalizeEmail(part));
    const refused = parts.filter((_, i) => addresses[i] === null);
    if (refused.length > 0) {
      setOwnError(t('email_notAddress', refused.join(', ')));
      return;
    }
    setOwnError('');
    save({ ownAddresses: addresses.filter((a): a is string => a !== null) });
  };

  return (
    <section id="email-log" class="options-section" aria-labelledby="email-log-heading">
      <h2 id="email-log-heading">{t('email_heading')}</h2>
      <div class="field">
        <label for="email-log-mode">{t('email_modeLabel')}</label>
        <select
          id="email-log-mode"
          data-testid="email-log-mode"
          value={settings.mode}
          aria-describedby="email-log-hint"
          onChange={(event) => save({ mode: event.currentTarget.value as EmailLogMode })}
        >
          {MODES.map(({ value, label }) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
        <p id="email-log-hint" class="muted">
          {t('email_modeHint')}
        </p>
      </div>
      <div class="field">
        <label for="email-own-addresses">{t('email_ownAddresses')}</label>
        <input
          id="email-own-addresses"
          data-testid="email-own-addresses"
          value={own}
          aria-invalid={ownError ? true : undefined}
          aria-describedby={ownError ? 'email-own-addresses-error' : undefined}
          onInput={(event) => setOwn(event.currentTarget.value)}
          onBlur={saveOwn}
          onKeyDown={(event) => event.key === 'Enter' && saveOwn()}
        />
        {ownError && (
          <p id="email-own-addresses-error" class="field-error">
            {ownError}
          </p>
        )}
      </div>
      <label class="checkbox-line">
        <input
          type="checkbox"
          data-testid="email-keep-opening"
          checked={settings.keepOpening}
          onChange={(event) => save({ keepOpening: event.currentTarget.checked })}
        />{' '}
        {t('email_keepOpening')}
      </label>
      <label class="checkbox-line">
        <input
          type="checkbox"
          data-testid="email-skip-own-domain"
          checked={settings.skipOwnDomain}
          onChange={(event) => save({ skipOwnDomain: event.currentTarget.checked })}
        />{' '}
        {t('email_skipOwnDomain')}
      </label>
      <div class="field">
        <label for="email-suggest-after">{t('email_suggestAfter')}</label>
        <input
          id="email-suggest-after"
          data-testid="email-suggest-after"
          type="number"
          min={1}
          max={50}
          value={settings.suggestAfter}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            if (Number.isInteger(value) && value >= 1 && value <= 50) save({ suggestAfter: value });
          }}
        />
      </div>
      {children}
    </section>
  );
}
