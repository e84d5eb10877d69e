import { t, uiLanguage } from '../../../lib/platform/i18n';
import { formatDay } from '../../../lib/ui/local-day';
import type { Engagement } from '../../../lib/domain/engagement';
import type { Money } from '../../../lib/domain/money';
import { formatAmount } from '../../../lib/ui/amount-input';
import { describeTerms, STATUS_LABELS } from '../../../lib/ui/engagement-terms';
import { useState } from 'preact/hooks';
import { InPlaceEdit } from '../../../components/EditForm';
import type { EngagementPatch } from '../../../lib/domain/part-patch';
import { EditEngagement } from './EditEngagement';
import { EngagementStatus } from './EngagementStatus';
import type { Send } from './SuggestionNotice';

export interface EngagementListProps {
  /** The engagements not ended: active first, then paused, then proposed. */
  engagements: readonly Engagement[];
  recurringMonthly: readonly Money[];
  send?: Send;
  /** Given, each engagement offers its changes of status. */
  onChanged?: (message: string) => void;
  /** Given, each engagement offers Delete (undone from the record's toast). */
  onDelete?: (engagement: Engagement) => void;
  /** Given, each engagement can be corrected in place (name, dates, scope). */
  onEdit?: (engagement: Engagement, patch: EngagementPatch) => void;
}

const day = (isoDay: string) => formatDay(isoDay, uiLanguage());

/** What is agreed with the party now: each engagement's terms, status and dates, and the monthly total. */
export function EngagementList({
  engagements,
  recurringMonthly,
  send,
  onChanged,
  onDelete,
  onEdit,
}: EngagementListProps) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div class="dealing-part" data-testid="summary-engagements">
      <h3>{t('panel_engagements')}</h3>
      {recurringMonthly.length > 0 && (
        <p class="figure" data-testid="recurring-monthly">
          {t(
            'panel_recurring',
            recurringMonthly
              .map((m) => formatAmount(m.amountMinor, m.currency, uiLanguage()))
              .join(' + '),
          )}
        </p>
      )}
      <ul class="engagements">
        {engagements.map((e) => (
          <li key={e.id} data-testid="summary-engagement" data-status={e.status}>
            <strong>{e.serviceName}</strong> · {describeTerms(e.terms)}{' '}
            <span class={`status status-${e.status}`}>{STATUS_LABELS[e.status]}</span>
            <span class="muted dates">
              {e.renewOn
                ? t('panel_engagement_renews_on', day(e.startOn), day(e.renewOn))
                : e.endOn
                  ? t('panel_engagement_until', day(e.startOn), day(e.endOn))
                  : t('panel_engagement_from', day(e.startOn))}
            </span>
            {onChanged && (
              <EngagementStatus engagement={e} onChanged={onChanged} {...(send ? { send } : {})} />
            )}
            {onEdit && (
              <InPlaceEdit
                open={editing === e.id}
                onOpen={() => setEditing(e.id)}
                label={t('tidy_edit_engagement_label', e.serviceName)}
                testId="edit-engagement"
              >
                <EditEngagement
                  engagement={e}
                  onCancel={() => setEditing(null)}
                  onSave={(patch) => {
                    setEditing(null);
                    onEdit(e, patch);
                  }}
                />
              </InPlaceEdit>
            )}
            {onDelete && (
              <button
                type="button"
                class="link"
                data-testid="delete-engagement"
                aria-label={t('tidy_delete_engagement_label', e.serviceName)}
                onClick={() => onDelete(e)}
              >
                {t('tidy_delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
