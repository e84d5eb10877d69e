import { browser } from 'wxt/browser';
import { SyncStatusLine } from '../../components/SyncStatusLine';
import { useSyncStatus } from '../../containers/use-sync-status';
import { t } from '../../lib/platform/i18n';

/**
 * The popup's small word on sync: last synced, changes waiting, the last error —
 * only once sync is set up (a book that lives on one device needs no line saying
 * so). It links to the options page's sync section, where the error can be fixed.
 */
export function PopupSyncStatus({ locale }: { locale?: string }) {
  const { status, now } = useSyncStatus();
  if (!status || status.state === 'off') return null;
  return (
    <div class="popup-sync" data-testid="popup-sync">
      <SyncStatusLine status={status} now={now} {...(locale ? { locale } : {})} />
      <button
        type="button"
        class="link"
        data-testid="popup-sync-settings"
        onClick={() =>
          void browser.tabs.create({ url: browser.runtime.getURL('/options.html?tab=sync') })
        }
      >
        {t('sync_popup_settings')}
      </button>
    </div>
  );
}
