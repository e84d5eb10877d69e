import { useCallback, useEffect, useState } from 'preact/hooks';
import { PageContactList } from '../../components/PageContactList';
import { SiteAccess } from '../../components/SiteAccess';
import { VcardLinks } from '../../components/VcardLinks';
import type { RelationshipKind } from '../../lib/domain/relationship';
import type { PageContact, PageContacts } from '../../lib/protocol/contact-schemas';
import { sendMessage } from '../../lib/platform/messaging';
import {
  hasSiteAccess,
  requestSiteAccess,
  revokeSiteAccess,
  sitePattern,
} from '../../lib/platform/site-access';
import { draftFromContact } from '../../lib/ui/draft-from-contact';
import { PartyPanel } from './PartyPanel';
import { targetTabId } from './target-tab';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; page: PageContacts }
  | { state: 'failed'; message: string };

/** The toolbar popup: who is on this page, and the record of whoever the user picks. */
export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tabId, setTabId] = useState<number | undefined>();
  const [siteGranted, setSiteGranted] = useState<boolean | undefined>();
  const pattern = load.state === 'ready' ? sitePattern(load.page.url) : null;

  useEffect(() => {
    if (pattern) void hasSiteAccess(pattern).then(setSiteGranted);
  }, [pattern]);

  const setSiteAccess = async (grant: boolean) => {
    if (!pattern) return;
    const changed = grant ? await requestSiteAccess(pattern) : await revokeSiteAccess(pattern);
    if (changed) setSiteGranted(grant);
  };

  const refresh = useCallback(async (tab: number | undefined) => {
    if (tab === undefined) return setLoad({ state: 'failed', message: 'No tab to look at.' });
    let result = await sendMessage('page/contacts', { tabId: tab });
    if (result.ok && !result.value.scanned) result = await sendMessage('page/scan', { tabId: tab });
    setLoad(
      result.ok
        ? { state: 'ready', page: result.value }
        : { state: 'failed', message: result.error.message },
    );
  }, []);

  useEffect(() => {
    void targetTabId().then((tab) => {
      setTabId(tab);
      return refresh(tab);
    });
  }, [refresh]);

  const add = async (contact: PageContact['contact'], kind: RelationshipKind) => {
    setBusy(true);
    const url = load.state === 'ready' ? load.page.url : undefined;
    const result = await sendMessage(
      'parties/create',
      draftFromContact(contact, kind, url, Date.now()),
    );
    setBusy(false);
    if (!result.ok) return setNotice(result.error.message);
    const { view, created, matchedBy } = result.value;
    setNotice(
      created
        ? `Added ${view.party.name} as ${kind}.`
        : `${view.party.name} is already on file (same ${matchedBy}).`,
    );
    setSelected(view.party.id);
    await refresh(tabId);
  };

  if (selected) {
    return (
      <main class="popup">
        <PartyPanel
          partyId={selected}
          notice={notice}
          onBack={() => {
            setSelected(null);
            setNotice(null);
            void refresh(tabId);
          }}
        />
      </main>
    );
  }

  return (
    <main class="popup">
      <h1>On this page</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {load.state === 'loading' && <p class="muted">Looking for contacts…</p>}
      {pattern && (
        <SiteAccess
          host={new URL(pattern.slice(0, -1)).host}
          granted={siteGranted}
          onGrant={() => void setSiteAccess(true)}
          onRevoke={() => void setSiteAccess(false)}
        />
      )}
      {load.state === 'failed' && (
        <p class="error" role="alert">
          {load.message}
        </p>
      )}
      {load.state === 'ready' && !load.page.scanned && (
        <p class="empty">
          This page can't be scanned (browser pages and the extension gallery are off limits).
        </p>
      )}
      {load.state === 'ready' && load.page.scanned && load.page.contacts.length === 0 && (
        <p class="empty" data-testid="page-contacts-empty">
          No email addresses or phone numbers on this page.
        </p>
      )}
      {load.state === 'ready' && load.page.contacts.length > 0 && (
        <PageContactList
          contacts={load.page.contacts}
          now={Date.now()}
          busy={busy}
          onAdd={(contact, kind) => void add(contact, kind)}
          onOpen={setSelected}
        />
      )}
      {load.state === 'ready' && <VcardLinks urls={load.page.vcards ?? []} />}
    </main>
  );
}
