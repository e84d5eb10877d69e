import { t } from '../../lib/platform/i18n';
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/platform/messaging';
import { openSidePanel } from '../../lib/platform/open-side-panel';
import { targetTabId } from './target-tab';

/**
 * The whole record — engagements, purchases, the sale — lives in the side panel; the
 * popup keeps the quick log. The panel must be opened inside the click (a user
 * gesture), so the tab is known before it: read when the button first shows.
 */
export function OpenInSidePanel({ partyId }: { partyId: string }) {
  const [tabId, setTabId] = useState<number>();
  useEffect(() => void targetTabId().then(setTabId), []);
  if (tabId === undefined) return null;
  return (
    <button
      type="button"
      class="link"
      data-testid="open-in-side-panel"
      onClick={() => {
        void openSidePanel({ id: tabId });
        void sendMessage('panel/showParty', { tabId, partyId }).then(() => window.close());
      }}
    >
      {t('popup_open_in_side_panel')}
    </button>
  );
}
