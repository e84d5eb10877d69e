import { t } from '../../lib/platform/i18n';
import { InteractionForm } from '../../components/InteractionForm';
import { PartyCard } from '../../components/PartyCard';
import { usePartyRecord } from '../../components/party-record';
import { useEscape } from '../../components/use-escape';
import { Timeline } from '../../components/Timeline';
import { OpenInSidePanel } from './OpenInSidePanel';

export interface PartyPanelProps {
  partyId: string;
  notice: string | null;
  onBack: () => void;
}

/** One record: its card, a quick log, and its timeline. */
export function PartyPanel({ partyId, notice, onBack }: PartyPanelProps) {
  const { view, missing, timeline, hasMore, more, message, busy, log, changeKind } = usePartyRecord(
    partyId,
    notice,
  );
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
          />
        </>
      ) : (
        <p class="muted">{t('popup_loading')}</p>
      )}
    </div>
  );
}
