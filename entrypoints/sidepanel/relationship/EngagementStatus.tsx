import { t } from '../../../lib/platform/i18n';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Engagement } from '../../../lib/domain/engagement';
import { sendMessage } from '../../../lib/platform/messaging';
import {
  describeStatusChange,
  statusActions,
  type EngagementStatus as Status,
} from '../../../lib/ui/engagement-terms';
import { localDay } from '../../../lib/ui/local-day';
import { DateField, FormProblem } from '../../../components/FormParts';
import type { Send } from './SuggestionNotice';
import { say } from '../../../lib/ui/ui-text';

export interface EngagementStatusProps {
  engagement: Pick<Engagement, 'id' | 'serviceName' | 'status' | 'startOn'>;
  send?: Send;
  /** Today in the user's calendar, the end date offered; injectable for tests. */
  today?: string;
  /** After a change is stored, with the sentence that says what changed. */
  onChanged: (message: string) => void;
}

/**
 * Pause, resume, sign or end one engagement. Ending asks for the day it ended
 * (today unless told otherwise); the background closes the renewal follow-up.
 */
export function EngagementStatus({
  engagement,
  send = sendMessage,
  today = localDay(),
  onChanged,
}: EngagementStatusProps) {
  const [ending, setEnding] = useState(false);
  const [endOn, setEndOn] = useState(today);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = engagement.serviceName;
  // The focus follows the end form in and out, so the keyboard never lands on the page.
  const form = useRef<HTMLFormElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (ending) form.current?.querySelector('input')?.focus();
    else if (opened.current) endButton.current?.focus();
    opened.current = ending;
  }, [ending]);

  const change = async (status: Status, end?: string) => {
    setBusy(true);
    const result = await send('engagements/setStatus', {
      id: engagement.id,
      status,
      ...(end ? { endOn: end } : {}),
    });
    setBusy(false);
    if (!result.ok) return setProblem(say(result.error.message));
    setProblem(null);
    setEnding(false);
    onChanged(describeStatusChange(result.value.engagement, engagement.status));
  };

  if (ending)
    return (
      <form
        ref={form}
        class="end-engagement"
        aria-label={t('panel_end_named', name)}
        data-testid="engagement-end-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!endOn) return setProblem(t('panel_end_need_day'));
          void change('ended', endOn);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          setEnding(false);
        }}
      >
        <DateField
          label={t('panel_ended_on')}
          value={endOn}
          onChange={setEndOn}
          required
          testId="engagement-end-on"
        />
        <div class="row buttons">
          <button
            type="submit"
            class="primary"
            disabled={busy}
            data-testid="engagement-end-confirm"
          >
            {busy ? t('panel_saving') : t('panel_end_engagement')}
          </button>
          <button type="button" onClick={() => setEnding(false)}>
            {t('panel_cancel')}
          </button>
        </div>
        <FormProblem problem={problem} />
      </form>
    );

  return (
    <div class="engagement-actions" role="group" aria-label={t('panel_change_named', name)}>
      {statusActions(engagement.status).map(({ to, label }) => (
        <button
          key={to}
          ref={to === 'ended' ? endButton : undefined}
          type="button"
          class="small"
          disabled={busy}
          aria-label={t('panel_action_named', label, name)}
          data-testid={`engagement-to-${to}`}
          onClick={() => (to === 'ended' ? setEnding(true) : void change(to))}
        >
          {label}
        </button>
      ))}
      <FormProblem problem={problem} />
    </div>
  );
}
