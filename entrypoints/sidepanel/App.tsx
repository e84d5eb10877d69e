import { t } from '../../lib/platform/i18n';
import { BrandMark } from '../../components/BrandMark';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useEscape } from '../../components/use-escape';
import type { PanelIntent, PanelShow } from '../../lib/menus/panel-intent-schema';
import { AddView } from './AddView';
import { useFollowedTab } from './followed-tab';
import { usePageContacts } from './page-contacts';
import { usePanelIntent } from './use-panel-intent';
import { PageView } from './PageView';
import { senderKey, senderOf } from './pick-sender';
import { RecordView } from './RecordView';
import { ThreadLog } from '../../components/ThreadLog';
import { useThreadLog } from './thread-log';
import { say } from '../../lib/ui/ui-text';

/** What the user (or a right-click) chose to look at instead of following the page. */
interface Chosen {
  show: Exclude<PanelShow, { view: 'follow' }>;
  focusLog: boolean;
  notice: string | null;
}

function chosenFrom(intent: PanelIntent): Chosen | null {
  if (intent.show.view === 'follow') return null;
  const notice = intent.notice === undefined ? null : say(intent.notice);
  return { show: intent.show, focusLog: intent.focus === 'log', notice };
}

/**
 * The side panel follows the user: the sender of the message being read (their
 * record, or an add form), or else the page's contacts. A right-click, or opening
 * someone from the list, shows that instead, until the user goes back or opens
 * another message.
 */
export function App() {
  const tabId = useFollowedTab();
  const { state, reload } = usePageContacts(tabId);
  const [intent, clearIntent] = usePanelIntent(tabId);
  const thread = useThreadLog(tabId);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [followNotice, setFollowNotice] = useState<string | null>(null);

  const page = state.status === 'ready' ? state.page : undefined;
  const sender = page ? senderOf(page.contacts, page.openSender) : undefined;
  const key = page ? senderKey(sender) : null;

  useEffect(() => {
    setChosen(null);
    setFollowNotice(null);
  }, [tabId]);

  useEffect(() => {
    if (!intent) return;
    setChosen(chosenFrom(intent));
    setFollowNotice(
      intent.show.view === 'follow' && intent.notice !== undefined ? say(intent.notice) : null,
    );
    clearIntent();
  }, [intent, clearIntent]);

  // Another message opened (a different sender): follow it, dropping any choice.
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    if (key === null) return;
    if (lastKey.current !== null && lastKey.current !== key) {
      setChosen(null);
      setFollowNotice(null);
    }
    lastKey.current = key;
  }, [key]);

  const back = () => setChosen(null);
  useEscape(back, chosen !== null);
  const openParty = (partyId: string, notice?: string) =>
    setChosen({ show: { view: 'party', partyId }, focusLog: false, notice: notice ?? null });

  const link = page?.url && /^https?:/i.test(page.url) ? page.url : undefined;

  const body = () => {
    if (tabId === null) return <p class="empty">{t('panel_no_tab')}</p>;
    if (chosen?.show.view === 'party')
      return (
        <RecordView
          key={chosen.show.partyId}
          partyId={chosen.show.partyId}
          logType={sender ? 'email' : 'call'}
          focusLog={chosen.focusLog}
          notice={chosen.notice}
          {...(link ? { link } : {})}
        />
      );
    if (chosen?.show.view === 'add')
      return (
        <AddView
          key={JSON.stringify(chosen.show.contact)}
          contact={chosen.show.contact}
          notice={chosen.notice}
          detailsFrom="page"
          {...(link ? { url: link } : {})}
          {...(chosen.show.kind ? { kind: chosen.show.kind } : {})}
          onAdded={(partyId, notice) =>
            setChosen({ show: { view: 'party', partyId }, focusLog: chosen.focusLog, notice })
          }
        />
      );
    if (state.status === 'loading') return <p class="muted">{t('panel_reading_page')}</p>;
    if (state.status === 'error')
      return (
        <p class="error" role="alert">
          {state.message}
        </p>
      );
    const current = state.page;
    if (chosen?.show.view !== 'page' && sender?.known)
      return (
        <RecordView
          key={sender.known.party.id}
          partyId={sender.known.party.id}
          logType="email"
          focusLog={false}
          notice={followNotice}
          {...(link ? { link } : {})}
        />
      );
    if (chosen?.show.view !== 'page' && sender)
      return (
        <AddView
          key={key}
          contact={sender.contact}
          notice={followNotice}
          detailsFrom="signature"
          {...(link ? { url: link } : {})}
          onAdded={(_partyId, notice) => {
            setFollowNotice(notice);
            void reload();
          }}
        />
      );
    return (
      <PageView
        tabId={tabId}
        page={current}
        notice={chosen?.notice ?? followNotice}
        onOpen={openParty}
        onChanged={() => void reload()}
      />
    );
  };

  return (
    <main class="side-panel" data-testid="side-panel" data-tab-id={tabId ?? ''}>
      <header class="panel-header">
        <h1>
          <BrandMark />
          {t('extName')}
        </h1>
        {chosen && (
          <button type="button" class="link" onClick={back} data-testid="panel-back">
            {sender ? t('panel_back_message') : t('panel_back_page')}
          </button>
        )}
      </header>
      {thread.status && (
        <ThreadLog
          status={thread.status}
          busy={thread.busy}
          message={thread.message}
          onLog={() => void thread.log()}
          onRemove={(id) => void thread.remove(id)}
        />
      )}
      {body()}
    </main>
  );
}
