import { t } from '../../../lib/platform/i18n';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RelationshipKind } from '../../../lib/domain/relationship';
import { sendMessage } from '../../../lib/platform/messaging';
import type { PartyView } from '../../../lib/protocol/contact-schemas';
import type { Response } from '../../../lib/protocol/messages';
import type { DealingPart } from '../../../lib/ui/relationship-layout';
import { EngagementList } from './EngagementList';
import { PastEngagements } from './PastEngagements';
import { PurchaseList } from '../../../components/PurchaseList';
import type { PartEdit } from '../../../lib/domain/part-patch';
import { SuggestionNotice, type Send } from './SuggestionNotice';
import { say } from '../../../lib/ui/ui-text';

type Summary = Response<'parties/summary'>;

export interface RelationshipSummaryProps {
  partyId: string;
  /** Only for tests and embedding: how messages are sent. */
  send?: Send;
  /** Bump to read again after a write elsewhere (a new purchase or engagement). */
  version?: number;
  /**
   * The kind the record shows. Changing it decides the suggestion (it is not made
   * again), so the summary is read again when it changes.
   */
  kind?: RelationshipKind;
  /** Which part comes first: engagements for a client, purchases for a customer. */
  lead?: DealingPart;
  /** The record as the summary read it, or as applying the suggestion left it. */
  onView?: (view: PartyView) => void;
  /** Given, engagements offer their changes of status; called with what changed. */
  onChanged?: (message: string) => void;
  /** Given, engagements and purchases offer Delete. */
  onDelete?: (store: 'engagements' | 'purchases', id: string) => void;
  /** Given, engagements and purchases can be corrected in place. */
  onEdit?: (edit: PartEdit) => void;
}

/** What this party buys from the user: current engagements, purchases, totals per currency. */
export function RelationshipSummary({
  partyId,
  send = sendMessage,
  version = 0,
  kind,
  lead = 'engagements',
  onView,
  onChanged,
  onDelete,
  onEdit,
}: RelationshipSummaryProps) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Read through a ref: a new callback on every render of the record must not read again.
  const viewTo = useRef(onView);
  viewTo.current = onView;
  const load = useCallback(async () => {
    const result = await send('parties/summary', { id: partyId });
    if (!result.ok) return setProblem(say(result.error.message));
    setProblem(null);
    setSummary(result.value);
    viewTo.current?.(result.value.view);
  }, [partyId, send]);
  useEffect(() => void load(), [load, version, kind]);

  if (problem)
    return (
      <p class="error" role="alert">
        {problem}
      </p>
    );
  if (!summary) return <p class="muted">{t('panel_reading')}</p>;
  const { engagements, purchases, purchaseTotals, recurringMonthly, suggestion } = summary;
  const parts = {
    engagements: engagements.length > 0 && (
      <EngagementList
        key="engagements"
        engagements={engagements}
        recurringMonthly={recurringMonthly}
        send={send}
        {...(onChanged ? { onChanged } : {})}
        {...(onDelete ? { onDelete: (e: { id: string }) => onDelete('engagements', e.id) } : {})}
        {...(onEdit
          ? { onEdit: (e, patch) => onEdit({ store: 'engagements', id: e.id, patch }) }
          : {})}
      />
    ),
    purchases: purchases.length > 0 && (
      <PurchaseList
        key="purchases"
        purchases={purchases}
        totals={purchaseTotals}
        {...(onDelete ? { onDelete: (p: { id: string }) => onDelete('purchases', p.id) } : {})}
        {...(onEdit
          ? { onEdit: (p, patch) => onEdit({ store: 'purchases', id: p.id, patch }) }
          : {})}
      />
    ),
  };
  const order: DealingPart[] =
    lead === 'engagements' ? ['engagements', 'purchases'] : ['purchases', 'engagements'];
  return (
    <section
      class="relationship-summary"
      data-testid="relationship-summary"
      data-lead={lead}
      aria-label={t('panel_what_they_buy')}
    >
      {suggestion && (
        <SuggestionNotice
          key={`${suggestion.basis}-${suggestion.to}`}
          partyId={partyId}
          suggestion={suggestion}
          send={send}
          onApplied={(view, message) => {
            onView?.(view);
            onChanged?.(message);
            // With `kind` given, the new kind reaching it reads the summary again.
            if (kind === undefined) void load();
          }}
        />
      )}
      {engagements.length === 0 && purchases.length === 0 && (
        <p class="empty">{t('panel_nothing_bought')}</p>
      )}
      {order.map((part) => parts[part])}
      <PastEngagements partyId={partyId} send={send} version={version} />
    </section>
  );
}
