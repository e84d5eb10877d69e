import { useState } from 'preact/hooks';
import { EditForm } from '../../../components/EditForm';
import { DateField } from '../../../components/FormParts';
import type { Engagement } from '../../../lib/domain/engagement';
import type { EngagementPatch } from '../../../lib/domain/part-patch';
import { t } from '../../../lib/platform/i18n';

export interface EditEngagementProps {
  engagement: Engagement;
  onSave: (patch: EngagementPatch) => void;
  onCancel: () => void;
}

/**
 * Corrects one engagement in place: the service's name as agreed, its dates and
 * scope (an end date can be moved or emptied). Terms and status have their own
 * actions (the catalogue, EngagementStatus).
 */
export function EditEngagement({ engagement, onSave, onCancel }: EditEngagementProps) {
  const [serviceName, setServiceName] = useState(engagement.serviceName);
  const [startOn, setStartOn] = useState(engagement.startOn);
  const [endOn, setEndOn] = useState(engagement.endOn ?? '');
  const [scopeNotes, setScopeNotes] = useState(engagement.scopeNotes);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <EditForm
      name="edit-engagement"
      label={t('tidy_edit_engagement_label', engagement.serviceName)}
      problem={problem}
      onCancel={onCancel}
      onSubmit={() => {
        if (serviceName.trim() === '') return setProblem(t('tidy_engagement_need_name'));
        if (!startOn) return setProblem(t('panel_engagement_need_start'));
        if (endOn && endOn < startOn) return setProblem(t('tidy_end_before_start'));
        // An emptied end date is removed (null); one never set stays unset.
        const end = endOn ? { endOn } : engagement.endOn ? { endOn: null } : {};
        onSave({ serviceName, startOn, scopeNotes, ...end });
      }}
    >
      <label>
        {t('panel_service')}
        <input
          type="text"
          value={serviceName}
          maxLength={200}
          required
          data-testid="edit-engagement-name"
          onInput={(e) => setServiceName(e.currentTarget.value)}
        />
      </label>
      <div class="row">
        <DateField
          label={t('panel_starts')}
          value={startOn}
          onChange={setStartOn}
          required
          testId="edit-engagement-start"
        />
        <DateField
          label={t('panel_ends')}
          value={endOn}
          onChange={setEndOn}
          testId="edit-engagement-end"
        />
      </div>
      <label>
        {t('panel_scope_notes')}
        <textarea
          value={scopeNotes}
          maxLength={20_000}
          rows={3}
          data-testid="edit-engagement-scope"
          onInput={(e) => setScopeNotes(e.currentTarget.value)}
        />
      </label>
    </EditForm>
  );
}
