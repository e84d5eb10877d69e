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
      return (
        'This browser has not promised to keep Clientele’s records: if the computer runs short ' +
        'of space, it may clear them. A backup file keeps your book safe.'
      );
    case 'no-backup':
      return (
        'You have not made a backup yet. Everything lives only in this browser; a backup file ' +
        'keeps your book safe.'
      );
    case 'old-backup':
      return `Your last backup was ${nudge.days} days ago. A fresh one keeps what you have added since safe.`;
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
          Back up in “Your data”
        </a>
        <button type="button" class="link" onClick={() => setDismissed(true)}>
          Not now
        </button>
      </p>
    </aside>
  );
}
