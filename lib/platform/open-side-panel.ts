import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  sidebarAction?: { open: () => Promise<void> };
}

/**
 * Opens the side panel (Chrome) or the sidebar (Firefox) on a tab. Both browsers
 * honour this only during a user gesture, so call it synchronously from the click
 * listener, before any `await`; the returned promise reports whether it opened.
 */
export function openSidePanel(tab: { id?: number; windowId?: number }): Promise<boolean> {
  try {
    const opening = browser.sidePanel?.open
      ? tab.id !== undefined
        ? browser.sidePanel.open({ tabId: tab.id })
        : browser.sidePanel.open({ windowId: tab.windowId ?? browser.windows.WINDOW_ID_CURRENT })
      : (browser as unknown as FirefoxSidebar).sidebarAction?.open();
    if (!opening) return Promise.resolve(false);
    return Promise.resolve(opening).then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}
