import { t, type MessageKey } from '../../../lib/platform/i18n';
import { useState } from 'preact/hooks';
import { sendMessage } from '../../../lib/platform/messaging';
import type { PartyView } from '../../../lib/protocol/contact-schemas';
import type { Response } from '../../../lib/protocol/messages';
import type { RelationshipKind } from '../../../lib/domain/relationship';
import { suggestionReasonText } from '../../../lib/ui/suggestion-words';
import { say } from '../../../lib/ui/ui-text';

export type Suggestion = NonNullable<Response<'parties/summary'>['suggestion']>;
export type Send = typeof sendMessage;

const KIND: Record<RelationshipKind, MessageKey> = {
  prospect: 'panel_kind_prospect',
  customer: 'panel_kind_customer',
  client: 'panel_kind_client',
  former: 'panel_kind_former',
};
const NOW_A: Record<RelationshipKind, MessageKey> = {
  prospect: 'panel_now_prospect',
  customer: 'panel_now_customer',
  client: 'panel_now_client',
  former: 'panel_now_former',
};

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
  const now = t(NOW_A[suggestion.to]);
  const reason = suggestionReasonText(suggestion);
  const apply = async () => {
    setState('busy');
    const result = await send('parties/setKind', {
      id: partyId,
      kind: suggestion.to,
      // Kept in the history as worded here, like a reason the user typed.
      reason: reason.slice(0, 500),
    });
    setState(result.ok ? 'done' : say(result.error.message));
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
        {t('panel_suggested')} {t(KIND[suggestion.from])} →{' '}
        <strong>{t(KIND[suggestion.to])}</strong>. {reason}
      </span>
      <button
        type="button"
        onClick={() => void apply()}
        disabled={state === 'busy'}
        data-testid="apply-suggestion"
      >
        {t('panel_apply')}
      </button>
      {state !== 'idle' && state !== 'busy' && (
        <span class="error" role="alert">
          {state}
        </span>
      )}
    </div>
  );
}
