import { useState } from 'preact/hooks';
import {
  DIRECTIONS,
  INTERACTION_TYPES,
  type Interaction,
  type InteractionPatch,
} from '../lib/domain/interaction';
import { t } from '../lib/platform/i18n';

export interface EditInteractionProps {
  interaction: Interaction;
  onSave: (patch: InteractionPatch) => void;
  onCancel: () => void;
}

/** `datetime-local`'s value for an instant, in the user's own zone. */
const localValue = (at: number) => {
  const date = new Date(at);
  return new Date(at - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Corrects one logged interaction in place: type, direction, date and summary. */
export function EditInteraction({ interaction, onSave, onCancel }: EditInteractionProps) {
  const [type, setType] = useState(interaction.type);
  const [direction, setDirection] = useState(interaction.direction);
  const [when, setWhen] = useState(localValue(interaction.at));
  const [summary, setSummary] = useState(interaction.summary);
  return (
    <form
      class="edit-interaction"
      data-testid="edit-interaction-form"
      aria-label={t('tidy_edit_interaction')}
      onSubmit={(event) => {
        event.preventDefault();
        const at = new Date(when).getTime();
        onSave({ type, direction, summary, ...(Number.isFinite(at) ? { at } : {}) });
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <select
        aria-label={t('tidy_interaction_type')}
        value={type}
        onChange={(e) => setType(e.currentTarget.value as Interaction['type'])}
      >
        {INTERACTION_TYPES.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <select
        aria-label={t('tidy_interaction_direction')}
        value={direction}
        onChange={(e) => setDirection(e.currentTarget.value as Interaction['direction'])}
      >
        {DIRECTIONS.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <input
        type="datetime-local"
        aria-label={t('tidy_interaction_when')}
        value={when}
        onInput={(e) => setWhen(e.currentTarget.value)}
      />
      <textarea
        aria-label={t('tidy_interaction_summary')}
        data-testid="edit-interaction-summary"
        value={summary}
        onInput={(e) => setSummary(e.currentTarget.value)}
      />
      <button type="submit" class="primary" data-testid="edit-interaction-save">
        {t('tidy_save')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('tidy_cancel')}
      </button>
    </form>
  );
}
