import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../lib/platform/messaging';
import { watchSession } from '../lib/platform/session-watch';
import { SYNC_STATUS_KEY } from '../lib/platform/sync-keys';
import type { SyncStatus } from '../lib/protocol/areas/sync';
import { say } from '../lib/ui/ui-text';

/** How often "synced 3 minutes ago" is worked out again while a page stays open. */
const CLOCK_MS = 30_000;

/**
 * The sync status as the options page and the popup show it, kept current: the
 * worker rewrites `storage.session`'s sync entry whenever the status changes, and
 * the page asks 'sync/status' again then (the answer is checked against its schema
 * in the background; the raw storage value is not trusted as-is). `now` ticks so
 * relative times stay true.
 */
export function useSyncStatus() {
  const [status, setStatus] = useState<SyncStatus>();
  const [loadError, setLoadError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const asked = useRef(0);

  const load = useCallback(async () => {
    const ask = ++asked.current;
    const result = await sendMessage('sync/status', {});
    if (ask !== asked.current) return; // a newer answer is on its way
    setNow(Date.now());
    if (result.ok) {
      setStatus(result.value);
      setLoadError(null);
    } else setLoadError(say(result.error.message));
  }, []);

  useEffect(() => {
    // Watch first, then read: a write between the two is not missed.
    const stop = watchSession([SYNC_STATUS_KEY], () => void load());
    void load();
    const clock = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => {
      stop();
      clearInterval(clock);
    };
  }, [load]);

  /** Takes an answer that carries the status (after Sync now, choose, disconnect). */
  const show = useCallback((next: SyncStatus) => {
    asked.current += 1;
    setNow(Date.now());
    setStatus(next);
  }, []);

  return { status, loadError, now, show };
}
