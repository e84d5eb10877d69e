import { useEffect, useRef, useState } from 'preact/hooks';
import type { CadenceDefaults } from '../../lib/domain/cadence';
import { readCadenceDays } from './cadence-days';
import { t } from '../../lib/platform/i18n';

const KINDS = [
  { kind: 'client', label: 'cadence_clients', hint: 'cadence_clientsHint' },
  { kind: 'customer', label: 'cadence_customers', hint: 'cadence_customersHint' },
  { kind: 'prospect', label: 'cadence_prospects', hint: 'cadence_prospectsHint' },
] as const;
type EditableKind = (typeof KINDS)[number]['kind'];

export interface CadenceSectionProps {
  cadence: CadenceDefaults;
  onSave: (cadence: CadenceDefaults) => void;
  /** How long typing must pause before a valid change is saved. */
  delayMs?: number;
}

const asText = (days: number | null) => (days === null ? '' : String(days));

/**
 * Days between check-ins for each kind. A valid change saves itself a moment after
 * typing stops (or at once on Enter or leaving the field); a wrong one is explained
 * beside its field and never saved.
 */
export function CadenceSection({ cadence, onSave, delayMs = 600 }: CadenceSectionProps) {
  const [text, setText] = useState<Record<EditableKind, string>>({
    client: asText(cadence.client),
    customer: asText(cadence.customer),
    prospect: asText(cadence.prospect),
  });
  // Problems are shown once the user pauses or leaves a field, not on every key.
  const [checked, setChecked] = useState<ReadonlySet<EditableKind>>(new Set());
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const saved = useRef(cadence);
  useEffect(() => () => clearTimeout(timer.current), []);

  const readings: Record<EditableKind, ReturnType<typeof readCadenceDays>> = {
    client: readCadenceDays(text.client),
    customer: readCadenceDays(text.customer),
    prospect: readCadenceDays(text.prospect),
  };

  const commit = (kind: EditableKind, next: Record<EditableKind, string>) => {
    clearTimeout(timer.current);
    setChecked((previous) => new Set(previous).add(kind));
    const read = KINDS.map(({ kind }) => readCadenceDays(next[kind]));
    if (!read.every((r) => r.ok)) return;
    const [client, customer, prospect] = read.map((r) => (r.ok ? r.value : null));
    const cadenceNext = { ...saved.current, client, customer, prospect } as CadenceDefaults;
    if (KINDS.every(({ kind }) => cadenceNext[kind] === saved.current[kind])) return;
    saved.current = cadenceNext;
    onSave(cadenceNext);
  };

  const change = (kind: EditableKind, value: string) => {
    const next = { ...text, [kind]: value };
    setText(next);
    setChecked((previous) => {
      const without = new Set(previous);
      without.delete(kind);
      return without;
    });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(kind, next), delayMs);
  };

  return (
    <section id="cadence" class="options-section" aria-labelledby="cadence-heading">
      <h2 id="cadence-heading">{t('cadence_heading')}</h2>
      <p class="muted">{t('cadence_intro')}</p>
      <div class="cadence-grid">
        {KINDS.map(({ kind, label, hint }) => {
          const reading = checked.has(kind) ? readings[kind] : ({ ok: true } as const);
          const errorId = `cadence-${kind}-error`;
          return (
            <div class="field" key={kind}>
              <label for={`cadence-${kind}`}>
                {t(label)} <span class="muted">— {t(hint)}</span>
              </label>
              <span class="with-unit">
                <input
                  id={`cadence-${kind}`}
                  data-testid={`cadence-${kind}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  size={5}
                  value={text[kind]}
                  aria-invalid={!reading.ok}
                  aria-describedby={reading.ok ? undefined : errorId}
                  onInput={(event) => change(kind, event.currentTarget.value)}
                  onBlur={() => commit(kind, text)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') commit(kind, text);
                  }}
                />
                <span aria-hidden="true">{t('cadence_days')}</span>
              </span>
              {!reading.ok && (
                <p id={errorId} class="field-error" role="alert">
                  {reading.message}
                </p>
              )}
            </div>
          );
        })}
        <div class="field">
          <span class="field-label">{t('kind_former')}</span>
          <p class="muted former-cadence">{t('cadence_former')}</p>
        </div>
      </div>
    </section>
  );
}
