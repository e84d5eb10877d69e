import { browser } from 'wxt/browser';

/** Shows on the toolbar icon how many contacts a tab's page holds (blank for none). */
export async function showContactCount(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#2457d6' });
    await browser.action.setBadgeText({
      tabId,
      text: count > 0 ? String(Math.min(count, 999)) : '',
    });
  } catch {
    // The tab closed meanwhile: nothing to badge.
  }
}
