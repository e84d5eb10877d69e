import { useState } from 'preact/hooks';
import { PageContactList } from '../../components/PageContactList';
import type { RelationshipKind } from '../../lib/domain/relationship';
import { sendMessage } from '../../lib/platform/messaging';
import type { PageContact, PageContacts } from '../../lib/protocol/contact-schemas';
import { draftFromContact } from '../../lib/ui/draft-from-contact';

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
    if (!result.ok) return setMessage(`Not added: ${result.error.message}`);
    const { view, created, matchedBy } = result.value;
    onChanged();
    onOpen(
      view.party.id,
      created
        ? `Added ${view.party.name} as a ${kind}.`
        : `${view.party.name} is already on file (same ${matchedBy}).`,
    );
  };

  // The panel has no activeTab grant of its own: this works where Clientele may read the site.
  const scan = async () => {
    setBusy(true);
    const result = await sendMessage('page/scan', { tabId });
    setBusy(false);
    if (!result.ok) return setMessage(result.error.message);
    if (!result.value.scanned)
      setMessage(
        'Clientele may not read this page. Open the toolbar popup here, or right-click the page and choose “Find contacts on this page”.',
      );
    onChanged();
  };

  const shown = message ?? notice;
  return (
    <section aria-labelledby="page-title" data-testid="page-view">
      <h2 id="page-title">On this page</h2>
      {shown && (
        <p class="notice" role="status" data-testid="notice">
          {shown}
        </p>
      )}
      {!page.scanned && (
        <div class="empty-state">
          <p class="empty">This page has not been read.</p>
          <button type="button" disabled={busy} onClick={() => void scan()} data-testid="scan-page">
            Find contacts on this page
          </button>
        </div>
      )}
      {page.scanned && page.contacts.length === 0 && (
        <p class="empty" data-testid="page-contacts-empty">
          No email addresses or phone numbers on this page.
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
