import { t, type MessageKey } from '../../lib/platform/i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { PageContactList } from '../../components/PageContactList';
import { SiteAccess } from '../../components/SiteAccess';
import { VcardLinks } from './VcardLinks';
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
import { targetTabId } from './target-tab';
import { say } from '../../lib/ui/ui-text';

const ADDED_AS: Record<RelationshipKind, MessageKey> = {
  prospect: 'popup_added_prospect',
  customer: 'popup_added_customer',
  client: 'popup_added_client',
  former: 'popup_added_former',
};

type Load =
  | { state: 'loading' }
  | { state: 'ready'; page: PageContacts }
  | { state: 'failed'; message: string };

export interface OnThisPageProps {
  /** Opens a record, with a line to say what just happened to it. */
  onOpen: (partyId: string, notice?: string) => void;
}

/** Who is on the current tab: known records with their kind and health, and the rest to add. */
export function OnThisPage({ onOpen }: OnThisPageProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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
    if (tab === undefined) return setLoad({ state: 'failed', message: t('popup_no_tab') });
    let result = await sendMessage('page/contacts', { tabId: tab });
    if (result.ok && !result.value.scanned) result = await sendMessage('page/scan', { tabId: tab });
    setLoad(
      result.ok
        ? { state: 'ready', page: result.value }
        : { state: 'failed', message: say(result.error.message) },
    );
  }, []);

  useEffect(() => {
    void targetTabId().then(refresh);
  }, [refresh]);

  const add = async (contact: PageContact['contact'], kind: RelationshipKind) => {
    setBusy(true);
    const url = load.state === 'ready' ? load.page.url : undefined;
    const result = await sendMessage(
      'parties/create',
      draftFromContact(contact, kind, url, Date.now()),
    );
    setBusy(false);
    if (!result.ok) return setNotice(say(result.error.message));
    const { view, created, matchedBy } = result.value;
    onOpen(
      view.party.id,
      created
        ? t(ADDED_AS[kind], view.party.name)
        : t(matchedBy === 'phone' ? 'popup_on_file_phone' : 'popup_on_file_email', view.party.name),
    );
  };

  return (
    <section aria-labelledby="on-this-page">
      <h2 id="on-this-page" class="visually-hidden">
        {t('popup_view_page')}
      </h2>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {load.state === 'loading' && <p class="muted">{t('popup_looking')}</p>}
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
        <p class="empty">{t('popup_cannot_scan')}</p>
      )}
      {load.state === 'ready' && load.page.scanned && load.page.contacts.length === 0 && (
        <p class="empty" data-testid="page-contacts-empty">
          {t('popup_no_contacts')}
        </p>
      )}
      {load.state === 'ready' && load.page.contacts.length > 0 && (
        <PageContactList
          contacts={load.page.contacts}
          now={Date.now()}
          busy={busy}
          onAdd={(contact, kind) => void add(contact, kind)}
          onOpen={(id) => onOpen(id)}
        />
      )}
      {load.state === 'ready' && <VcardLinks urls={load.page.vcards ?? []} />}
    </section>
  );
}
