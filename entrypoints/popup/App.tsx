import { t } from '../../lib/platform/i18n';
import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import { lazyView } from '../../components/lazy-view';
import { sendMessage } from '../../lib/platform/messaging';
import { initialView, VIEWS, type View } from './views';
import { ViewTabs } from './ViewTabs';

// Each view loads when first shown: the popup opens on one of them, and its first
// answer should not wait for the code of the others (budgets.md: popup JS ≤ 30 KB gzip).
const OnThisPage = lazyView(() => import('./OnThisPage').then((m) => m.OnThisPage));
const BulkSearch = lazyView(() => import('./BulkSearch').then((m) => m.BulkSearch));
const DueList = lazyView(() => import('./DueList').then((m) => m.DueList));
const PartyPanel = lazyView(() => import('./PartyPanel').then((m) => m.PartyPanel));
const PopupSyncStatus = lazyView(() => import('./PopupSyncStatus').then((m) => m.PopupSyncStatus));

interface Open {
  partyId: string;
  notice: string | null;
}

/**
 * The toolbar popup: who is on this page, search over every record, and what is
 * due — and, once the user picks someone, that record with a quick log.
 * `?view=search|due` opens on a view (notifications open the Due list this way).
 */
export function App() {
  const [view, setView] = useState<View>(() => initialView(location.search));
  const [open, setOpen] = useState<Open | null>(null);

  // "/" jumps to search from anywhere that is not a text field, as in most web apps.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable]');
      if (event.key === '/' && !typing && !open) {
        event.preventDefault();
        setView('search');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const openParty = (partyId: string, notice?: string) =>
    setOpen({ partyId, notice: notice ?? null });

  if (open) {
    return (
      <main class="popup">
        <PartyPanel partyId={open.partyId} notice={open.notice} onBack={() => setOpen(null)} />
      </main>
    );
  }

  return (
    <main class="popup">
      <ViewTabs views={VIEWS} current={view} onChange={setView} />
      <div role="tabpanel" id={`view-${view}`} aria-labelledby={`tab-${view}`}>
        {view === 'page' && <OnThisPage onOpen={openParty} />}
        {view === 'search' && <BulkSearch onOpen={openParty} autoFocus />}
        {view === 'due' && <DueList send={sendMessage} onOpen={openParty} />}
      </div>
      <PopupSyncStatus />
      <PopupFooter />
    </main>
  );
}

/** Pages that do not fit a popup open in a tab. */
function PopupFooter() {
  return (
    <footer class="popup-footer">
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popup_options_link')}
      </button>
      <button
        type="button"
        class="link"
        onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })}
      >
        {t('popup_dashboard_link')}
      </button>
    </footer>
  );
}
