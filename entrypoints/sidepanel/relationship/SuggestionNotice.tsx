import { useState } from 'preact/hooks';
import { sendMessage } from '../../../lib/platform/messaging';
import type { PartyView } from '../../../lib/protocol/contact-schemas';
import type { Response } from '../../../lib/protocol/messages';
import { KIND_LABELS } from '../../../lib/ui/format';

export type Suggestion = NonNullable<Response<'parties/summary'>['suggestion']>;
export type Send = typeof sendMessage;

export interface SuggestionNoticeProps {
  partyId: string;
  suggestion: Suggestion;
  send?: Send;
  /** The record as it stands after the change, and a sentence saying what changed. */
  onApplied?: (view: PartyView, message: string) => void;
}

/**
 * A suggested change of kind with its reason and an "Apply" button; applying is
 * always the user's choice (parties/setKind), and it is kept in the history with
 * the reason.
 */
export function SuggestionNotice({
  partyId,
  suggestion,
  send = sendMessage,
  onApplied,
}: SuggestionNoticeProps) {
  // 'idle', 'busy', 'done', or the message of a failure.
  const [state, setState] = useState<string>('idle');
  const now = `Now a ${KIND_LABELS[suggestion.to].toLowerCase()}.`;
  const apply = async () => {
    setState('busy');
    const result = await send('parties/setKind', {
      id: partyId,
      kind: suggestion.to,
      reason: suggestion.reason.slice(0, 500),
    });
    setState(result.ok ? 'done' : result.error.message);
    if (result.ok) onApplied?.(result.value, now);
  };
  if (state === 'done')
    return (
      <p class="notice" role="status">
        {now}
      </p>
    );
  return (
    <div class="notice suggestion" data-testid="suggestion" data-to={suggestion.to}>
      <span>
        Suggested: {KIND_LABELS[suggestion.from]} → <strong>{KIND_LABELS[suggestion.to]}</strong>.{' '}
        {suggestion.reason}
      </span>
      <button
        type="button"
        onClick={() => void apply()}
        disabled={state === 'busy'}
        data-testid="apply-suggestion"
      >
        Apply
      </button>
      {state !== 'idle' && state !== 'busy' && (
        <span class="error" role="alert">
          {state}
        </span>
      )}
    </div>
  );
}
