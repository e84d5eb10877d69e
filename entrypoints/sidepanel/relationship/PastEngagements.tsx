import { t, uiLanguage } from '../../../lib/platform/i18n';
import { formatDay } from '../../../lib/ui/local-day';
import { useEffect, useState } from 'preact/hooks';
import type { Engagement } from '../../../lib/domain/engagement';
import { sendMessage } from '../../../lib/platform/messaging';
import { describeTerms } from '../../../lib/ui/engagement-terms';
import type { Send } from './SuggestionNotice';

export interface PastEngagementsProps {
  partyId: string;
  send?: Send;
  /** Bump to read again (an engagement has just ended). */
  version?: number;
}

/**
 * Engagements that have ended, folded away: the summary lists only what runs
 * now, and a former client's history should not vanish with it.
 */
export function PastEngagements({
  partyId,
  send = sendMessage,
  version = 0,
}: PastEngagementsProps) {
  const [ended, setEnded] = useState<Engagement[]>([]);
  useEffect(() => {
    void send('engagements/list', { partyId }).then((result) => {
      if (result.ok) setEnded(result.value.engagements.filter((e) => e.status === 'ended'));
    });
  }, [partyId, send, version]);
  if (ended.length === 0) return null;
  return (
    <details class="past-engagements" data-testid="past-engagements">
      <summary>{t('panel_past_engagements', ended.length)}</summary>
      <ul class="engagements">
        {ended.map((e) => (
          <li key={e.id} data-testid="past-engagement" data-status={e.status}>
            <strong>{e.serviceName}</strong> · {describeTerms(e.terms)}{' '}
            <span class="muted">
              {t(
                'panel_past_span',
                formatDay(e.startOn, uiLanguage()),
                e.endOn ? formatDay(e.endOn, uiLanguage()) : t('panel_past_ended'),
              )}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
