import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PanelIntent } from '../../lib/menus/panel-intent-schema';
import { sendMessage } from '../../lib/platform/messaging';
import { panelIntentKey } from '../../lib/platform/panel-keys';
import { watchSession } from '../../lib/platform/session-watch';

/**
 * What a right-click asked this panel to show for its tab. The background writes
 * the intent to `storage.session` after acting (the panel may be open already, or
 * still opening); the panel takes it — once — on open and on every write.
 */
export function usePanelIntent(tabId: number | null): [PanelIntent | null, () => void] {
  const [intent, setIntent] = useState<PanelIntent | null>(null);

  useEffect(() => {
    setIntent(null);
    if (tabId === null) return;
    let stopped = false;
    const take = async () => {
      const result = await sendMessage('panel/takeIntent', { tabId });
      if (!stopped && result.ok && result.value.intent) setIntent(result.value.intent);
    };
    const stop = watchSession([panelIntentKey(tabId)], () => void take());
    void take();
    return () => {
      stopped = true;
      stop();
    };
  }, [tabId]);

  const clear = useCallback(() => setIntent(null), []);
  return [intent, clear];
}
