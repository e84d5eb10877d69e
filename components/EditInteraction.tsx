import { useState } from 'preact/hooks';
import {
  DIRECTIONS,
  INTERACTION_TYPES,
  type Interaction,
  type InteractionPatch,
} from '../lib/domain/interaction';
import { t } from '../lib/platform/i18n';
import { fromLocalInputValue, INTERACTION_LABELS, toLocalInputValue } from '../lib/ui/format';
import { EditForm } from './EditForm';

export interface EditInteractionProps {
  interaction: Interaction;
  onSave: (patch: InteractionPatch) => void;
  onCancel: () => void;
}

/** Corrects one logged interaction in place: type, direction, date and summary. */
export function EditInteraction({ interaction, onSave, onCancel }: EditInteractionProps) {
  const [type, setType] = useState(interaction.type);
  const [direction, setDirection] = useState(interaction.direction);
  const [when, setWhen] = useState(toLocalInputValue(interaction.at));
  const [summary, setSummary] = useState(interaction.summary);
  return (
    <EditForm
      name="edit-interaction"
      label={t('tidy_edit_interaction')}
      onCancel={onCancel}
      onSubmit={() => {
        const at = fromLocalInputValue(when);
        onSave({ type, direction, summary, ...(at === undefined ? {} : { at }) });
      }}
    >
      <select
        aria-label={t('tidy_interaction_type')}
        value={type}
        onChange={(e) => setType(e.currentTarget.value as Interaction['type'])}
      >
        {INTERACTION_TYPES.map((value) => (
          <option key={value} value={value}>
            {INTERACTION_LABELS[value]}
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
            {t(value === 'inbound' ? 'log_inbound' : 'log_outbound')}
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
    </EditForm>
  );
}
