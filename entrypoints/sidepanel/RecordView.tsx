import { useEffect, useState } from 'preact/hooks';
import { DeleteParty } from '../../components/DeleteParty';
import { EditParty, type PartyEdit } from '../../components/EditParty';
import { InteractionForm } from '../../components/InteractionForm';
import { KindHistory } from '../../components/KindHistory';
import { PartyCard } from '../../components/PartyCard';
import { usePartyRecord } from '../../containers/party-record';
import { RecordWithUndo, type RecordActions } from '../../containers/RecordWithUndo';
import { RelationshipSection } from './relationship/RelationshipSection';
import { Timeline } from '../../components/Timeline';
import { usePartyDeletion } from '../../containers/use-party-deletion';
import type { InteractionType } from '../../lib/domain/interaction';
import { t } from '../../lib/platform/i18n';
import { sendMessage } from '../../lib/platform/messaging';
import { say } from '../../lib/ui/ui-text';
import { RecordFollowUps } from '../../containers/RecordFollowUps';

export interface RecordViewProps {
  partyId: string;
  /** The thread or page the user is looking at: offered as the log's link. */
  link?: string;
  logType: InteractionType;
  focusLog: boolean;
  notice: string | null;
}

/** One record in the panel, and the Undo toast for what is deleted from it. */
export function RecordView(props: RecordViewProps) {
  return (
    <RecordWithUndo partyId={props.partyId} notice={props.notice}>
      {(actions) => <RecordBody {...props} {...actions} />}
    </RecordWithUndo>
  );
}

/**
 * Card, what they buy (laid out for their kind, with the lifecycle suggestion),
 * open follow-ups, quick log, timeline, history; edited in place, deleted from the foot.
 */
function RecordBody({
  partyId,
  link,
  logType,
  focusLog,
  notice,
  onDeleted,
  onPartDeleted,
}: RecordViewProps & RecordActions) {
  const {
    view,
    setView,
    missing,
    timeline,
    hasMore,
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
  } = usePartyRecord(partyId, notice);
  const deletion = usePartyDeletion(partyId, onDeleted);
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Opened again (another party, or the same one with a new notice): as the record reloads.
  useEffect(() => {
    setEditing(false);
  }, [partyId, notice]);

  const save = async ({ patch, clear }: PartyEdit) => {
    setBusy(true);
    const result = await sendMessage('parties/update', { id: partyId, patch, clear });
    setBusy(false);
    if (!result.ok) return setProblem(say(result.error.message));
    setProblem(null);
    setView(result.value);
    setEditing(false);
    setMessage(t('panel_saved'));
  };

  if (missing)
    return (
      <p class="error" role="alert" data-testid="record-missing">
        {missing}
      </p>
    );
  if (!view) return <p class="muted">{t('panel_loading_record')}</p>;
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
      <RelationshipSection view={view} onView={setView} onPartDeleted={onPartDeleted} />
      <RecordFollowUps
        view={view}
        now={now}
        onPartDeleted={onPartDeleted}
        onLogged={(next) => void showLogged(next)}
      />
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
        hasMore={hasMore}
        onMore={() => void more()}
        onEdit={(interaction, patch) => void editInteraction(interaction, patch)}
        onDelete={(interaction) =>
          void deleteInteraction(interaction).then(
            (entry) => entry && onPartDeleted(entry.id, say(entry.label)),
          )
        }
      />
      <KindHistory history={view.party.kindHistory} />
      {view.party.notes && !editing && (
        <section class="panel-section" aria-labelledby="notes-title">
          <h3 id="notes-title">{t('panel_notes')}</h3>
          <p class="notes">{view.party.notes}</p>
        </section>
      )}
      <section class="panel-section" aria-label={t('panel_delete_section')}>
        <DeleteParty
          name={view.party.name}
          problem={deletion.problem}
          counts={deletion.counts}
          busy={deletion.busy || busy}
          onAsk={() => void deletion.ask()}
          onConfirm={() => void deletion.confirm()}
          onCancel={deletion.cancel}
        />
      </section>
    </div>
  );
}
