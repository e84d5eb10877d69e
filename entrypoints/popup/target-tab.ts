import { browser } from 'wxt/browser';

/**
 * The tab this page acts for: `?tab=<id>` when given (tests, or a page opened for a
 * specific tab), otherwise the active tab of the current window.
 */
export async function targetTabId(search: string = location.search): Promise<number | undefined> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
