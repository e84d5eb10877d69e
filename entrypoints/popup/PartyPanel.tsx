// The record's forms check input with zod: its eval-free mode is set before any of
// them loads (the popup's first screen carries no zod at all).
import '../../lib/domain/zod-jitless';
import { t } from '../../lib/platform/i18n';
import { DeleteParty } from '../../components/DeleteParty';
import { RecordWithUndo, type RecordActions } from '../../containers/RecordWithUndo';
import { usePartyDeletion } from '../../containers/use-party-deletion';
import { InteractionForm } from '../../components/InteractionForm';
import { PartyCard } from '../../components/PartyCard';
import { usePartyRecord } from '../../containers/party-record';
import { RecordFollowUps } from '../../containers/RecordFollowUps';
import { useEscape } from '../../components/use-escape';
import { Timeline } from '../../components/Timeline';
import { OpenInSidePanel } from './OpenInSidePanel';
import { say } from '../../lib/ui/ui-text';

export interface PartyPanelProps {
  partyId: string;
  notice: string | null;
  onBack: () => void;
}

/** One record, and the Undo toast for what is deleted from it. */
export function PartyPanel(props: PartyPanelProps) {
  return (
    <RecordWithUndo
      partyId={props.partyId}
      notice={props.notice}
      deletedFooter={
        <button type="button" class="link" onClick={props.onBack}>
          {t('popup_back')}
        </button>
      }
    >
      {(actions) => <PartyPanelBody {...props} {...actions} />}
    </RecordWithUndo>
  );
}

/** The popup is small: its record lists the soonest few follow-ups, then "Show all". */
const FOLLOW_UPS_SHOWN = 3;

/** Its card, its open follow-ups, a quick log, its timeline, and Delete. */
function PartyPanelBody({
  partyId,
  notice,
  onBack,
  onDeleted,
  onPartDeleted,
}: PartyPanelProps & RecordActions) {
  const {
    view,
    missing,
    timeline,
    hasMore,
    more,
    message,
    busy,
    log,
    changeKind,
    deleteInteraction,
    showLogged,
  } = usePartyRecord(partyId, notice);
  const deletion = usePartyDeletion(partyId, onDeleted);
  // Opening the record removed the search result that had the focus: see useEscape.
  useEscape(onBack);
  // A record that cannot be read says why where notices go; the panel stays on "Loading…".
  const shown = missing ?? message;

  const now = Date.now();
  return (
    <div class="party-panel">
      <button type="button" class="link" onClick={onBack}>
        {t('popup_back')}
      </button>
      <OpenInSidePanel partyId={partyId} />
      {shown && (
        <p class="notice" role="status" data-testid="notice">
          {shown}
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
          <RecordFollowUps
            view={view}
            now={now}
            limit={FOLLOW_UPS_SHOWN}
            onPartDeleted={onPartDeleted}
            onLogged={(next) => void showLogged(next)}
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
            hasMore={hasMore}
            onMore={() => void more()}
            onDelete={(interaction) =>
              void deleteInteraction(interaction).then(
                (entry) => entry && onPartDeleted(entry.id, say(entry.label)),
              )
            }
          />
          <DeleteParty
            name={view.party.name}
            problem={deletion.problem}
            counts={deletion.counts}
            busy={deletion.busy || busy}
            onAsk={() => void deletion.ask()}
            onConfirm={() => void deletion.confirm()}
            onCancel={deletion.cancel}
          />
        </>
      ) : (
        <p class="muted">{t('popup_loading')}</p>
      )}
    </div>
  );
}
