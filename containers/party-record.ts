import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Interaction, InteractionPatch } from '../lib/domain/interaction';
import type { RelationshipKind } from '../lib/domain/relationship';
import { t, type MessageKey } from '../lib/platform/i18n';
import { sendMessage } from '../lib/platform/messaging';
import { INTERACTION_WORDS } from '../lib/ui/format';
import type { PartyView } from '../lib/protocol/contact-schemas';
import type { InteractionInput } from '../components/InteractionForm';
import { say } from '../lib/ui/ui-text';

const PAGE = 20;

const NOW_A: Record<RelationshipKind, MessageKey> = {
  client: 'record_nowClient',
  customer: 'record_nowCustomer',
  prospect: 'record_nowProspect',
  former: 'record_nowFormer',
};

/**
 * One record as the popup and the side panel show it: the party, its timeline a
 * page at a time, and the quick log and kind change both offer. Everything is
 * loaded again, and the notice shown again, when `partyId` or `notice` changes.
 */
export function usePartyRecord(partyId: string, notice: string | null) {
  const [view, setView] = useState<PartyView | null>(null);
  /** Why the party could not be read (it was deleted or merged away). */
  const [missing, setMissing] = useState<string | null>(null);
  const [timeline, setTimeline] = useState<Interaction[]>([]);
  const [next, setNext] = useState<{ at: number; id: string } | undefined>();
  const [message, setMessage] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);
  // One id per submission: a retry after the worker was stopped cannot log twice.
  const pendingRequest = useRef<string | null>(null);

  const loadTimeline = useCallback(async () => {
    const page = await sendMessage('interactions/list', { partyId, limit: PAGE });
    if (page.ok) {
      setTimeline(page.value.interactions);
      setNext(page.value.next);
    }
  }, [partyId]);

  useEffect(() => {
    setView(null);
    setMissing(null);
    setMessage(notice);
    void sendMessage('parties/get', { id: partyId }).then((result) =>
      result.ok ? setView(result.value) : setMissing(say(result.error.message)),
    );
    void loadTimeline();
  }, [partyId, notice, loadTimeline]);

  const log = async (input: InteractionInput) => {
    setBusy(true);
    pendingRequest.current ??= crypto.randomUUID();
    const result = await sendMessage('interactions/log', {
      partyId,
      ...input,
      requestId: pendingRequest.current,
    });
    setBusy(false);
    if (!result.ok) return setMessage(t('record_notSaved', say(result.error.message)));
    pendingRequest.current = null;
    setView(result.value.view);
    const logged = t('record_logged', INTERACTION_WORDS[input.type]);
    setMessage(result.value.followUp ? `${logged} ${t('record_followUpSet')}` : logged);
    await loadTimeline();
  };

  const changeKind = async (kind: RelationshipKind) => {
    setBusy(true);
    const result = await sendMessage('parties/setKind', { id: partyId, kind });
    setBusy(false);
    if (result.ok) setView(result.value);
    setMessage(result.ok ? t(NOW_A[kind]) : say(result.error.message));
  };

  /** Deletes one interaction; the party's last contact is recomputed from the rest. */
  const deleteInteraction = async (interaction: Interaction) => {
    setBusy(true);
    const result = await sendMessage('records/delete', {
      store: 'interactions',
      id: interaction.id,
    });
    setBusy(false);
    if (!result.ok) {
      setMessage(t('record_notDeleted', say(result.error.message)));
      return undefined;
    }
    if (result.value.view) setView(result.value.view);
    setMessage(null);
    await loadTimeline();
    return result.value.entry;
  };

  const editInteraction = async (interaction: Interaction, patch: InteractionPatch) => {
    setBusy(true);
    const result = await sendMessage('interactions/update', { id: interaction.id, patch });
    setBusy(false);
    if (!result.ok) return setMessage(t('record_notSaved', say(result.error.message)));
    if (result.value.view) setView(result.value.view);
    setMessage(null);
    await loadTimeline();
  };

  /**
   * Something else on the record logged an interaction (a follow-up done): the party
   * as it now stands, and the timeline read again.
   */
  const showLogged = async (next: PartyView | undefined) => {
    if (next) setView(next);
    await loadTimeline();
  };

  /** Appends the next page of the timeline. */
  const more = async () => {
    if (!next) return;
    const page = await sendMessage('interactions/list', { partyId, limit: PAGE, before: next });
    if (page.ok) {
      setTimeline((current) => [...current, ...page.value.interactions]);
      setNext(page.value.next);
    }
  };

  return {
    view,
    setView,
    missing,
    timeline,
    hasMore: next !== undefined,
    more,
    message,
    setMessage,
    busy,
    setBusy,
    log,
    changeKind,
    deleteInteraction,
    editInteraction,
    showLogged,
  };
}
