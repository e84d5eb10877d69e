import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { InteractionForm, type InteractionInput } from '../../components/InteractionForm';
import { PartyCard } from '../../components/PartyCard';
import { Timeline } from '../../components/Timeline';
import type { Interaction } from '../../lib/domain/interaction';
import type { RelationshipKind } from '../../lib/domain/relationship';
import type { PartyView } from '../../lib/protocol/contact-schemas';
import { sendMessage } from '../../lib/platform/messaging';

const PAGE = 20;

export interface PartyPanelProps {
  partyId: string;
  notice: string | null;
  onBack: () => void;
}

/** One record: its card, a quick log, and its timeline. */
export function PartyPanel({ partyId, notice, onBack }: PartyPanelProps) {
  const [view, setView] = useState<PartyView | null>(null);
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
    void sendMessage('parties/get', { id: partyId }).then((result) =>
      result.ok ? setView(result.value) : setMessage(result.error.message),
    );
    void loadTimeline();
  }, [partyId, loadTimeline]);

  const log = async (input: InteractionInput) => {
    setBusy(true);
    pendingRequest.current ??= crypto.randomUUID();
    const result = await sendMessage('interactions/log', {
      partyId,
      ...input,
      requestId: pendingRequest.current,
    });
    setBusy(false);
    if (!result.ok) return setMessage(`Not saved: ${result.error.message}`);
    pendingRequest.current = null;
    setView(result.value.view);
    setMessage(`Logged ${input.type}.${result.value.followUp ? ' Follow-up set.' : ''}`);
    await loadTimeline();
  };

  const changeKind = async (kind: RelationshipKind) => {
    setBusy(true);
    const result = await sendMessage('parties/setKind', { id: partyId, kind });
    setBusy(false);
    if (result.ok) setView(result.value);
    setMessage(result.ok ? `Now a ${kind}.` : result.error.message);
  };

  const more = async () => {
    if (!next) return;
    const page = await sendMessage('interactions/list', { partyId, limit: PAGE, before: next });
    if (page.ok) {
      setTimeline((current) => [...current, ...page.value.interactions]);
      setNext(page.value.next);
    }
  };

  const now = Date.now();
  return (
    <div class="party-panel" onKeyDown={(e) => e.key === 'Escape' && onBack()}>
      <button type="button" class="link" onClick={onBack}>
        ← Back
      </button>
      {message && (
        <p class="notice" role="status" data-testid="notice">
          {message}
        </p>
      )}
      {view ? (
        <>
          <PartyCard
            view={view}
            now={now}
            busy={busy}
            onChangeKind={(kind) => void changeKind(kind)}
          />
          <InteractionForm
            partyName={view.party.name}
            now={now}
            busy={busy}
            onSubmit={(input) => void log(input)}
          />
          <Timeline
            interactions={timeline}
            now={now}
            hasMore={next !== undefined}
            onMore={() => void more()}
          />
        </>
      ) : (
        <p class="muted">Loading…</p>
      )}
    </div>
  );
}
