import { t, type MessageKey } from '../../../lib/platform/i18n';
import { useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../../lib/platform/messaging';
import type { PartEdit } from '../../../lib/domain/part-patch';
import type { PartyView } from '../../../lib/protocol/contact-schemas';
import { relationshipLayout, type DealingAction } from '../../../lib/ui/relationship-layout';
import { DisclosureButton, DisclosurePanel } from '../../../components/Disclosure';
import { EngagementForm } from './EngagementForm';
import { ProspectDetails } from './ProspectDetails';
import { PurchaseForm } from './PurchaseForm';
import { RelationshipSummary } from './RelationshipSummary';
import type { Send } from './SuggestionNotice';
import { say } from '../../../lib/ui/ui-text';

export interface RelationshipSectionProps {
  view: PartyView;
  send?: Send;
  /** The record changed here (prospect details saved, a kind applied, or read again). */
  onView: (view: PartyView) => void;
  /** Given, engagements and purchases can be deleted here; the record shows the Undo. */
  onPartDeleted?: (entryId: string, label: string) => void;
}

const ACTION_LABELS: Record<DealingAction, MessageKey> = {
  engagement: 'panel_add_engagement',
  purchase: 'panel_purchase_form',
};

/**
 * A record's dealings, laid out for its kind (lib/ui/relationship-layout): a
 * prospect's sale, what the party buys with the lifecycle suggestion, and the
 * two ways to add to it, each opening its form in place. Each save closes the
 * form, says what was saved and reads the summary again.
 */
export function RelationshipSection({
  view,
  send = sendMessage,
  onView,
  onPartDeleted,
}: RelationshipSectionProps) {
  const { party } = view;
  const layout = relationshipLayout(party.kind);
  const [open, setOpen] = useState<DealingAction | null>(null);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const buttons = useRef<Partial<Record<DealingAction, HTMLButtonElement | null>>>({});

  const close = () => {
    if (open) buttons.current[open]?.focus();
    setOpen(null);
  };
  const changed = (message: string) => {
    setStatus(message);
    setVersion((v) => v + 1);
  };
  const remove = async (store: 'engagements' | 'purchases', id: string) => {
    const result = await send('records/delete', { store, id });
    if (!result.ok) return setStatus(say(result.error.message));
    changed(t('tidy_deleted', say(result.value.entry.label)));
    onPartDeleted?.(result.value.entry.id, say(result.value.entry.label));
  };
  const edit = async (part: PartEdit) => {
    const result = await send('records/update', part);
    if (!result.ok) return setStatus(say(result.error.message));
    const { value } = result;
    changed(
      value.store === 'engagements'
        ? t('tidy_updated_engagement', value.record.serviceName)
        : value.store === 'purchases'
          ? t('tidy_updated_purchase', value.record.description)
          : t('panel_saved'),
    );
  };
  const saved = (message: string) => {
    close();
    changed(message);
  };

  const panelId = `${party.id}-add-${open ?? ''}`;
  return (
    <section class="panel-section relationship" data-testid="relationship" data-kind={party.kind}>
      {layout.prospectDetails && (
        <ProspectDetails
          key={party.id}
          partyId={party.id}
          prospect={party.prospect}
          send={send}
          onSaved={(saved, message) => {
            onView(saved);
            setStatus(message);
          }}
        />
      )}
      <RelationshipSummary
        partyId={party.id}
        send={send}
        version={version}
        kind={party.kind}
        lead={layout.lead}
        onView={onView}
        onChanged={changed}
        {...(onPartDeleted ? { onDelete: (store, id) => void remove(store, id) } : {})}
        {...(onPartDeleted ? { onEdit: (part) => void edit(part) } : {})}
      />
      <div class="row buttons dealing-actions">
        {layout.actions.map((action, i) => (
          <DisclosureButton
            key={action}
            label={t(ACTION_LABELS[action])}
            expanded={open === action}
            controls={panelId}
            primary={i === 0 && !layout.quietActions}
            onToggle={() => (open === action ? close() : setOpen(action))}
            testId={`add-${action}`}
            buttonRef={(button) => {
              buttons.current[action] = button;
            }}
          />
        ))}
      </div>
      {open && (
        <DisclosurePanel key={open} id={panelId} label={t(ACTION_LABELS[open])} onClose={close}>
          {open === 'engagement' ? (
            <EngagementForm partyId={party.id} send={send} onSaved={saved} onCancel={close} />
          ) : (
            <PurchaseForm partyId={party.id} send={send} onSaved={saved} onCancel={close} />
          )}
        </DisclosurePanel>
      )}
      {/* Always there, so assistive tech is already listening when a save fills it. */}
      <p
        class={status ? 'notice relationship-status' : 'relationship-status'}
        role="status"
        data-testid="relationship-status"
      >
        {status}
      </p>
    </section>
  );
}
