import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Direction, InteractionType } from '../lib/domain/interaction';
import { t } from '../lib/platform/i18n';
import { fromLocalInputValue, INTERACTION_LABELS, toLocalInputValue } from '../lib/ui/format';
import { DateField, FormProblem, SelectField, SubmitButton } from './FormParts';

export interface InteractionInput {
  type: InteractionType;
  direction: Direction;
  at: number;
  summary: string;
  followUpAt?: number;
  /** The email thread or page this was about, when the user kept it attached. */
  link?: string;
}

export interface InteractionFormProps {
  partyName: string;
  now: number;
  busy: boolean;
  defaultType?: InteractionType;
  /** The thread or page the log is about (http(s) or mailto); offered, attached by default. */
  link?: string;
  /** Takes the focus when shown (default); a panel that follows the page asks only when told to. */
  autoFocus?: boolean;
  onSubmit: (input: InteractionInput) => void;
}

// Listed from the labels, not lib/domain/interaction: that module brings zod into the bundle.
const typeOptions = () => Object.entries(INTERACTION_LABELS) as [InteractionType, string][];
const directionOptions = (): [Direction, string][] => [
  ['outbound', t('log_outbound')],
  ['inbound', t('log_inbound')],
];

/**
 * Logs a touch with one party. The summary has focus first; Enter saves; the
 * time defaults to now, so a call is logged with a type and a few words.
 */
export function InteractionForm({
  partyName,
  now,
  busy,
  defaultType = 'call',
  link,
  autoFocus = true,
  onSubmit,
}: InteractionFormProps) {
  const [type, setType] = useState<InteractionType>(defaultType);
  const [direction, setDirection] = useState<Direction>('outbound');
  const [when, setWhen] = useState(() => toLocalInputValue(now));
  const [summary, setSummary] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [attachLink, setAttachLink] = useState(true);
  const summaryField = useRef<HTMLInputElement>(null);
  // Focus by hand: `autofocus` is not honoured in every extension popup. Before paint,
  // so that nothing typed as the form appears lands elsewhere.
  useLayoutEffect(() => {
    if (autoFocus) summaryField.current?.focus();
  }, [autoFocus]);
  const keptLink =
    link !== undefined && attachLink && /^(https?|mailto):/i.test(link) ? link : undefined;

  const submit = (event: Event) => {
    event.preventDefault();
    const at = fromLocalInputValue(when);
    if (at === undefined) return setProblem(t('log_whenMissing'));
    const followUpAt = fromLocalInputValue(followUp);
    if (followUpAt !== undefined && followUpAt <= at) return setProblem(t('log_followUpBefore'));
    setProblem(null);
    onSubmit({
      type,
      direction,
      at,
      summary,
      ...(followUpAt !== undefined ? { followUpAt } : {}),
      ...(keptLink !== undefined ? { link: keptLink } : {}),
    });
    setSummary('');
    setFollowUp('');
    // The next log is about something happening now, not at the previous one's time.
    setWhen(toLocalInputValue(now));
  };

  return (
    <form
      class="log-form"
      data-testid="log-form"
      onSubmit={submit}
      aria-label={t('log_label', partyName)}
    >
      <div class="row">
        <SelectField
          label={t('log_type')}
          value={type}
          options={typeOptions()}
          onChange={setType}
          testId="log-type"
        />
        <SelectField
          label={t('log_direction')}
          value={direction}
          options={directionOptions()}
          onChange={setDirection}
        />
      </div>
      <label>
        {t('log_summary')}
        <input
          type="text"
          value={summary}
          maxLength={10_000}
          placeholder={t('log_summaryHint')}
          onInput={(e) => setSummary(e.currentTarget.value)}
          data-testid="log-summary"
          ref={summaryField}
        />
      </label>
      <div class="row">
        <DateField
          label={t('log_when')}
          type="datetime-local"
          value={when}
          onChange={setWhen}
          required
        />
        <DateField label={t('log_followUpOn')} value={followUp} onChange={setFollowUp} />
      </div>
      {link !== undefined && (
        <label class="check" title={link}>
          <input
            type="checkbox"
            checked={attachLink}
            onChange={(e) => setAttachLink(e.currentTarget.checked)}
            data-testid="log-attach-link"
          />
          {/^mailto:/i.test(link) ? t('log_attachAddress') : t('log_attachPage')}
          <span class="log-link">{shortLink(link)}</span>
        </label>
      )}
      <FormProblem problem={problem} />
      <SubmitButton busy={busy} label={t('log_submit')} testId="log-submit" />
    </form>
  );
}

/** A link short enough for one line: host and the start of the path. */
function shortLink(link: string): string {
  try {
    const url = new URL(link);
    if (url.protocol === 'mailto:') return url.pathname;
    const rest = `${url.pathname}${url.hash}`;
    return `${url.host}${rest.length > 32 ? `${rest.slice(0, 31)}…` : rest}`;
  } catch {
    return link.slice(0, 40);
  }
}
