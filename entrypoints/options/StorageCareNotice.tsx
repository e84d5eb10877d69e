import { t } from '../../lib/platform/i18n';
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/platform/messaging';
import {
  checkPersistence,
  readLastBackup,
  storageNudge,
  watchLastBackup,
  type Persistence,
  type PersistenceApi,
  type StorageNudge,
} from '../../lib/platform/storage-care';
import '../../components/options/storage-care.css';

export interface StorageCareNoticeProps {
  /** The browser's storage manager; `navigator.storage` unless a test passes its own. */
  persistence?: PersistenceApi;
  /** Whether the book holds anything worth a backup; asked of the background by default. */
  bookHasRecords?: () => Promise<boolean>;
  now?: () => number;
}

/** Any record at all; when the background cannot say, assume there is something to keep. */
async function askBookHasRecords(): Promise<boolean> {
  const counts = await sendMessage('transfer/counts', {});
  return !counts.ok || Object.values(counts.value).some((count) => count > 0);
}

function describe(nudge: StorageNudge): string {
  switch (nudge.reason) {
    case 'not-persisted':
      return t('options_nudge_not_persisted');
    case 'no-backup':
      return t('options_nudge_no_backup');
    case 'old-backup':
      return t('options_nudge_old_backup', nudge.days);
  }
}

/**
 * A gentle word at the top of the options page when the book could be lost: the
 * browser has not granted persistent storage, or no backup was made for 30 days.
 * Opening the page is what asks for persistence (once). The notice goes away as
 * soon as a backup is made, "Not now" hides it until the next visit, and an empty
 * book is never nagged about.
 */
export function StorageCareNotice({
  persistence = globalThis.navigator?.storage,
  bookHasRecords = askBookHasRecords,
  now = Date.now,
}: StorageCareNoticeProps) {
  const [state, setState] = useState<Persistence>();
  const [hasRecords, setHasRecords] = useState(false);
  const [lastBackupAt, setLastBackupAt] = useState<number>();
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([
      checkPersistence(persistence, now()),
      readLastBackup(),
      bookHasRecords().catch(() => true),
    ]).then(([checked, backup, any]) => {
      if (!live) return;
      setState(checked);
      setLastBackupAt(backup);
      setHasRecords(any);
    });
    const unwatch = watchLastBackup(setLastBackupAt);
    return () => {
      live = false;
      unwatch();
    };
    // Once per visit: the props are fixed for the page's life.
  }, []);

  const nudge = state && hasRecords ? storageNudge(state, lastBackupAt, now()) : null;
  if (!nudge || dismissed) return null;
  return (
    <aside class="storage-nudge" data-testid="storage-nudge" data-reason={nudge.reason}>
      <p>{describe(nudge)}</p>
      <p class="storage-nudge-actions">
        <a href="#data" data-testid="storage-nudge-backup">
          {t('options_nudge_backup')}
        </a>
        <button type="button" class="link" onClick={() => setDismissed(true)}>
          {t('options_nudge_not_now')}
        </button>
      </p>
    </aside>
  );
}
