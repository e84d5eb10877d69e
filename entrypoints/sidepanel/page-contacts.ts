import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/platform/messaging';
import { tabFindingsKey } from '../../lib/platform/panel-keys';
import { watchSession } from '../../lib/platform/session-watch';
import type { PageContacts } from '../../lib/protocol/contact-schemas';
import { say } from '../../lib/ui/ui-text';

export type PageState =
  | { status: 'loading' }
  | { status: 'ready'; page: PageContacts }
  | { status: 'error'; message: string };

/**
 * What the tab's page holds, kept current: the background rewrites the tab's
 * findings in `storage.session` whenever the content script reports (a new
 * message opened in webmail, a navigation), and the panel asks again then.
 * Watching storage rather than waiting for a broadcast means a panel that opens
 * late, or a worker that was asleep, loses nothing: the state is read, not heard.
 */
export function usePageContacts(tabId: number | null) {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const asked = useRef(0);

  const load = useCallback(async () => {
    if (tabId === null) return;
    const ask = ++asked.current;
    const result = await sendMessage('page/contacts', { tabId });
    if (ask !== asked.current) return; // a newer answer is on its way
    setState(
      result.ok
        ? { status: 'ready', page: result.value }
        : { status: 'error', message: say(result.error.message) },
    );
  }, [tabId]);

  useEffect(() => {
    if (tabId === null) return;
    setState({ status: 'loading' });
    // Watch first, then read: a write between the two is not missed.
    const stop = watchSession([tabFindingsKey(tabId)], () => void load());
    void load();
    return stop;
  }, [tabId, load]);

  return { state, reload: load };
}
