import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Dealings } from '../../components/Dealings';
import { EditParty, type PartyEdit } from '../../components/EditParty';
import { InteractionForm, type InteractionInput } from '../../components/InteractionForm';
import { KindHistory } from '../../components/KindHistory';
import { PartyCard } from '../../components/PartyCard';
import { Timeline } from '../../components/Timeline';
import type { Interaction, InteractionType } from '../../lib/domain/interaction';
import type { RelationshipKind } from '../../lib/domain/relationship';
import { sendMessage } from '../../lib/platform/messaging';
import type { PartyView } from '../../lib/protocol/contact-schemas';
import type { Response } from '../../lib/protocol/messages';

const PAGE = 20;

export interface RecordViewProps {
  partyId: string;
  /** The thread or page the user is looking at: offered as the log's link. */
  link?: string;
  logType: InteractionType;
  focusLog: boolean;
  notice: string | null;
}

type Dealings = Response<'panel/dealings'>;

/** One record in the panel: card, history, dealings, quick log, timeline; edited in place. */
export function RecordView({ partyId, link, logType, focusLog, notice }: RecordViewProps) {
  const [view, setView] = useState<PartyView | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [dealings, setDealings] = useState<Dealings | null>(null);
  const [timeline, setTimeline] = useState<Interaction[]>([]);
  const [next, setNext] = useState<{ at: number; id: string } | undefined>();
  const [message, setMessage] = useState<string | null>(notice);
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
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
    setEditing(false);
    setMessage(notice);
    void sendMessage('parties/get', { id: partyId }).then((result) =>
      result.ok ? setView(result.value) : setMissing(result.error.message),
    );
    void sendMessage('panel/dealings', { partyId }).then((result) => {
      if (result.ok) setDealings(result.value);
    });
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
    if (!result.ok) return setMessage(`Not saved: ${result.error.message}`);
    pendingRequest.current = null;
    setView(result.value.view);
    setMessage(`Logged ${input.type}.${result.value.followUp ? ' Follow-up set.' : ''}`);
    await loadTimeline();
  };

  const save = async ({ patch, clear }: PartyEdit) => {
    setBusy(true);
    const result = await sendMessage('parties/update', { id: partyId, patch, clear });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    setView(result.value);
    setEditing(false);
    setMessage('Saved.');
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

  if (missing)
    return (
      <p class="error" role="alert">
        {missing}
      </p>
    );
  if (!view) return <p class="muted">Loading the record…</p>;
  const now = Date.now();
  return (
    <div class="record" data-testid="record" data-party-id={partyId}>
      {message && (
        <p class="notice" role="status" data-testid="notice">
          {message}
        </p>
      )}
      {editing ? (
        <EditParty
          party={view.party}
          busy={busy}
          problem={problem}
          onSave={(edit) => void save(edit)}
          onCancel={() => {
            setProblem(null);
            setEditing(false);
          }}
        />
      ) : (
        <PartyCard
          view={view}
          now={now}
          busy={busy}
          detailed
          onEdit={() => setEditing(true)}
          onChangeKind={(kind) => void changeKind(kind)}
        />
      )}
      <InteractionForm
        key={`${partyId}-${focusLog ? 'focus' : 'quiet'}`}
        partyName={view.party.name}
        now={now}
        busy={busy}
        defaultType={logType}
        autoFocus={focusLog}
        {...(link ? { link } : {})}
        onSubmit={(input) => void log(input)}
      />
      <Timeline
        interactions={timeline}
        now={now}
        hasMore={next !== undefined}
        onMore={() => void more()}
      />
      {dealings && <Dealings {...dealings} />}
      <KindHistory history={view.party.kindHistory} />
      {view.party.notes && !editing && (
        <section class="panel-section" aria-labelledby="notes-title">
          <h3 id="notes-title">Notes</h3>
          <p class="notes">{view.party.notes}</p>
        </section>
      )}
    </div>
  );
}
