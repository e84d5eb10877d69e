import { EditForm } from '../../../components/EditForm';
import { DateField, TextField } from '../../../components/FormParts';
import { useCorrection } from '../../../components/use-correction';
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
  const { draft, field, problem, refuse } = useCorrection(() => ({
    serviceName: engagement.serviceName,
    startOn: engagement.startOn,
    endOn: engagement.endOn ?? '',
    scopeNotes: engagement.scopeNotes,
  }));
  return (
    <EditForm
      name="edit-engagement"
      label={t('tidy_edit_engagement_label', engagement.serviceName)}
      problem={problem}
      onCancel={onCancel}
      onSubmit={() => {
        const { serviceName, startOn, endOn, scopeNotes } = draft;
        if (serviceName.trim() === '') return refuse(t('tidy_engagement_need_name'));
        if (!startOn) return refuse(t('panel_engagement_need_start'));
        if (endOn && endOn < startOn) return refuse(t('tidy_end_before_start'));
        // An emptied end date is removed (null); one never set stays unset.
        const end = endOn ? { endOn } : engagement.endOn ? { endOn: null } : {};
        onSave({ serviceName, startOn, scopeNotes, ...end });
      }}
    >
      <TextField
        label={t('panel_service')}
        value={draft.serviceName}
        maxLength={200}
        required
        testId="edit-engagement-name"
        onChange={field('serviceName')}
      />
      <div class="row">
        <DateField
          label={t('panel_starts')}
          value={draft.startOn}
          onChange={field('startOn')}
          required
          testId="edit-engagement-start"
        />
        <DateField
          label={t('panel_ends')}
          value={draft.endOn}
          onChange={field('endOn')}
          testId="edit-engagement-end"
        />
      </div>
      <label>
        {t('panel_scope_notes')}
        <textarea
          value={draft.scopeNotes}
          maxLength={20_000}
          rows={3}
          data-testid="edit-engagement-scope"
          onInput={(e) => field('scopeNotes')(e.currentTarget.value)}
        />
      </label>
    </EditForm>
  );
}
