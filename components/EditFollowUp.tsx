import { useState } from 'preact/hooks';
import type { FollowUpPatch } from '../lib/domain/part-patch';
import { t } from '../lib/platform/i18n';
import { fromLocalInputValue, toLocalInputValue } from '../lib/ui/format';
import { EditForm } from './EditForm';
import { DateField } from './FormParts';

export interface EditFollowUpProps {
  /** Whom the follow-up is with: it names the form. */
  partyName: string;
  dueAt: number;
  note: string;
  /** Names the form and its fields (`${name}-form`, `${name}-when`…); a correction by default. */
  name?: string;
  /** The form's accessible name; "Edit the follow-up with …" by default. */
  label?: string;
  onSave: (patch: Required<FollowUpPatch>) => void;
  onCancel: () => void;
}

/**
 * Corrects one follow-up in place: when it falls due (day and time) and what it is
 * for. The same fields set a new one (`name` and `label` then say so).
 */
export function EditFollowUp({
  partyName,
  dueAt,
  note,
  name = 'edit-follow-up',
  label,
  onSave,
  onCancel,
}: EditFollowUpProps) {
  const [when, setWhen] = useState(toLocalInputValue(dueAt));
  const [text, setText] = useState(note);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <EditForm
      name={name}
      label={label ?? t('tidy_edit_follow_up_label', partyName)}
      problem={problem}
      onCancel={onCancel}
      onSubmit={() => {
        const at = fromLocalInputValue(when);
        if (at === undefined) return setProblem(t('tidy_follow_up_need_day'));
        onSave({ dueAt: at, note: text });
      }}
    >
      <DateField
        label={t('log_followUpOn')}
        type="datetime-local"
        value={when}
        onChange={setWhen}
        required
        testId={`${name}-when`}
      />
      <label>
        {t('due_what')}
        <input
          type="text"
          value={text}
          maxLength={2000}
          data-testid={`${name}-note`}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
    </EditForm>
  );
}
