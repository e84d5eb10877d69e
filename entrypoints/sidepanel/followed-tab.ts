import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** `?tab=<id>`: a panel opened for one tab (tests open it as an ordinary page this way). */
export function fixedTabId(search: string): number | undefined {
  const param = new URLSearchParams(search).get('tab');
  return param !== null && /^\d+$/.test(param) ? Number(param) : undefined;
}

/**
 * The tab the panel acts for: the one given in the address, or else the active tab
 * of the panel's own window, followed as the user switches tabs. `null` while there
 * is none (a window of only browser pages, or still asking).
 */
export function useFollowedTab(search: string = location.search): number | null {
  const fixed = fixedTabId(search);
  const [tabId, setTabId] = useState<number | null>(fixed ?? null);

  useEffect(() => {
    if (fixed !== undefined) return;
    let windowId: number | undefined;
    let stopped = false;
    const follow = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (stopped) return;
      windowId = tab?.windowId;
      setTabId(tab?.id ?? null);
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    // A tab that navigates keeps its id; its findings change and are watched separately.
    // A tab replaced by prerendering gets a new id, which only this query notices.
    const onUpdated = (_id: number, change: { status?: string }) => {
      if (change.status === 'complete') void follow();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    void follow();
    return () => {
      stopped = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [fixed]);

  return tabId;
}
