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
  onSave: (patch: FollowUpPatch) => void;
  onCancel: () => void;
}

/** Corrects one follow-up in place: when it falls due (day and time) and what it is for. */
export function EditFollowUp({ partyName, dueAt, note, onSave, onCancel }: EditFollowUpProps) {
  const [when, setWhen] = useState(toLocalInputValue(dueAt));
  const [text, setText] = useState(note);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <EditForm
      name="edit-follow-up"
      label={t('tidy_edit_follow_up_label', partyName)}
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
        testId="edit-follow-up-when"
      />
      <label>
        {t('due_what')}
        <input
          type="text"
          value={text}
          maxLength={2000}
          data-testid="edit-follow-up-note"
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
    </EditForm>
  );
}
