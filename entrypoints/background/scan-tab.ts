import { browser } from 'wxt/browser';
import { PageFindingsSchema, type PageFindings } from '../../lib/protocol/contact-schemas';
import { SCAN_SCRIPT_FILE } from '../../lib/platform/scan-registration';

/**
 * Runs the scanner in a tab's top frame and returns what it found. Needs activeTab
 * (the user opened the popup on this tab) or a host grant; without either, or on a
 * page no extension may touch, the answer is undefined and the popup says so.
 * The result came out of a web page, so it is parsed like any message.
 */
export async function scanTab(tabId: number): Promise<PageFindings | undefined> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      files: [SCAN_SCRIPT_FILE],
    });
    const parsed = PageFindingsSchema.safeParse(injection?.result);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
