import { useEffect, useRef, useState } from 'preact/hooks';
import {
  DIRECTIONS,
  INTERACTION_TYPES,
  type Direction,
  type InteractionType,
} from '../lib/domain/interaction';
import { fromLocalInputValue, toLocalInputValue } from '../lib/ui/format';

export interface InteractionInput {
  type: InteractionType;
  direction: Direction;
  at: number;
  summary: string;
  followUpAt?: number;
}

export interface InteractionFormProps {
  partyName: string;
  now: number;
  busy: boolean;
  defaultType?: InteractionType;
  onSubmit: (input: InteractionInput) => void;
}

const TYPE_LABELS: Record<InteractionType, string> = {
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  message: 'Message',
  note: 'Note',
};

/**
 * Logs a touch with one party. The summary has focus first; Enter saves; the
 * time defaults to now, so a call is logged with a type and a few words.
 */
export function InteractionForm({
  partyName,
  now,
  busy,
  defaultType = 'call',
  onSubmit,
}: InteractionFormProps) {
  const [type, setType] = useState<InteractionType>(defaultType);
  const [direction, setDirection] = useState<Direction>('outbound');
  const [when, setWhen] = useState(() => toLocalInputValue(now));
  const [summary, setSummary] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const summaryField = useRef<HTMLInputElement>(null);
  // Focus by hand: `autofocus` is not honoured in every extension popup.
  useEffect(() => summaryField.current?.focus(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    const at = fromLocalInputValue(when);
    if (at === undefined) return setProblem('Enter when it happened.');
    const followUpAt = fromLocalInputValue(followUp);
    if (followUpAt !== undefined && followUpAt <= at)
      return setProblem('The follow-up must come after the interaction.');
    setProblem(null);
    onSubmit({ type, direction, at, summary, ...(followUpAt !== undefined ? { followUpAt } : {}) });
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
      aria-label={`Log an interaction with ${partyName}`}
    >
      <div class="row">
        <label>
          Type
          <select
            value={type}
            onChange={(e) => setType(e.currentTarget.value as InteractionType)}
            data-testid="log-type"
          >
            {INTERACTION_TYPES.map((value) => (
              <option key={value} value={value}>
                {TYPE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Direction
          <select
            value={direction}
            onChange={(e) => setDirection(e.currentTarget.value as Direction)}
          >
            {DIRECTIONS.map((value) => (
              <option key={value} value={value}>
                {value === 'outbound' ? 'I reached out' : 'They reached out'}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Summary
        <input
          type="text"
          value={summary}
          maxLength={10_000}
          placeholder="What was said or agreed"
          onInput={(e) => setSummary(e.currentTarget.value)}
          data-testid="log-summary"
          ref={summaryField}
        />
      </label>
      <div class="row">
        <label>
          When
          <input
            type="datetime-local"
            value={when}
            onInput={(e) => setWhen(e.currentTarget.value)}
            required
          />
        </label>
        <label>
          Follow up on
          <input type="date" value={followUp} onInput={(e) => setFollowUp(e.currentTarget.value)} />
        </label>
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy} data-testid="log-submit">
        {busy ? 'Saving…' : 'Log it'}
      </button>
    </form>
  );
}
