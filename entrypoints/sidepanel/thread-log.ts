import { t, tCount } from '../../lib/platform/i18n';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/platform/messaging';
import { tabThreadKey } from '../../lib/platform/panel-keys';
import { watchSession } from '../../lib/platform/session-watch';
import type { ThreadStatus } from '../../lib/protocol/areas/email';
import { say } from '../../lib/ui/ui-text';

/**
 * The followed tab's webmail thread: what is offered and what is logged, read again
 * whenever the background stores a new read of the thread (session storage, as the
 * page's contacts are). Logging and removing report in one line.
 */
export function useThreadLog(tabId: number | null) {
  const [status, setStatus] = useState<ThreadStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const asked = useRef(0);

  const load = useCallback(async () => {
    if (tabId === null) return;
    const ask = ++asked.current;
    const result = await sendMessage('email/thread', { tabId });
    if (ask === asked.current && result.ok) setStatus(result.value);
  }, [tabId]);

  useEffect(() => {
    setStatus(null);
    setMessage(null);
    if (tabId === null) return;
    const stop = watchSession([tabThreadKey(tabId)], () => void load());
    void load();
    return stop;
  }, [tabId, load]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(await work());
    setBusy(false);
    await load();
  };

  return {
    status,
    busy,
    message,
    log: () =>
      act(async () => {
        if (tabId === null) return '';
        const done = await sendMessage('email/logThread', { tabId });
        if (!done.ok) return t('panel_thread_not_logged', say(done.error.message));
        return tCount('panel_thread_logged', done.value.logged);
      }),
    remove: (interactionId: string) =>
      act(async () => {
        const done = await sendMessage('email/undo', { interactionId });
        if (!done.ok) return t('panel_thread_not_removed', say(done.error.message));
        return done.value.removed ? t('panel_thread_removed') : '';
      }),
  };
}
