import { useState } from 'preact/hooks';
import { PageContactList } from '../../components/PageContactList';
import type { RelationshipKind } from '../../lib/domain/relationship';
import { t } from '../../lib/platform/i18n';
import { ADDED_AS } from './added-as';
import { sendMessage } from '../../lib/platform/messaging';
import type { PageContact, PageContacts } from '../../lib/protocol/contact-schemas';
import { draftFromContact } from '../../lib/ui/draft-from-contact';
import { say } from '../../lib/ui/ui-text';

export interface PageViewProps {
  tabId: number;
  page: PageContacts;
  notice: string | null;
  onOpen: (partyId: string, notice?: string) => void;
  /** The records changed: ask the page's contacts again. */
  onChanged: () => void;
}

/** Everyone on a page that is not a message: known records to open, the rest to add. */
export function PageView({ tabId, page, notice, onOpen, onChanged }: PageViewProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const add = async (contact: PageContact['contact'], kind: RelationshipKind) => {
    setBusy(true);
    const result = await sendMessage(
      'parties/create',
      draftFromContact(contact, kind, page.url, Date.now()),
    );
    setBusy(false);
    if (!result.ok) return setMessage(t('panel_not_added', say(result.error.message)));
    const { view, created, matchedBy } = result.value;
    onChanged();
    onOpen(
      view.party.id,
      created
        ? t(ADDED_AS[kind], view.party.name)
        : t(matchedBy === 'phone' ? 'panel_on_file_phone' : 'panel_on_file_email', view.party.name),
    );
  };

  // The panel has no activeTab grant of its own: this works where Clientele may read the site.
  const scan = async () => {
    setBusy(true);
    const result = await sendMessage('page/scan', { tabId });
    setBusy(false);
    if (!result.ok) return setMessage(say(result.error.message));
    if (!result.value.scanned) setMessage(t('panel_may_not_read'));
    onChanged();
  };

  const shown = message ?? notice;
  return (
    <section aria-labelledby="page-title" data-testid="page-view">
      <h2 id="page-title">{t('panel_page_heading')}</h2>
      {shown && (
        <p class="notice" role="status" data-testid="notice">
          {shown}
        </p>
      )}
      {!page.scanned && (
        <div class="empty-state">
          <p class="empty">{t('panel_not_read')}</p>
          <button type="button" disabled={busy} onClick={() => void scan()} data-testid="scan-page">
            {t('panel_scan')}
          </button>
        </div>
      )}
      {page.scanned && page.contacts.length === 0 && (
        <p class="empty" data-testid="page-contacts-empty">
          {t('panel_no_contacts')}
        </p>
      )}
      {page.contacts.length > 0 && (
        <PageContactList
          contacts={page.contacts}
          now={Date.now()}
          busy={busy}
          onAdd={(contact, kind) => void add(contact, kind)}
          onOpen={(id) => onOpen(id)}
        />
      )}
    </section>
  );
}
