import { browser } from 'wxt/browser';
import type { DetectedContact } from '../detect/types';
import { CHANNEL } from '../protocol/channel';

/**
 * The content script's one message: what it found on this page. It imports no zod
 * (the background parses everything it receives), which keeps the script small.
 */
export async function reportFindings(url: string, contacts: DetectedContact[]): Promise<void> {
  try {
    await browser.runtime.sendMessage({
      channel: CHANNEL,
      name: 'page/contactsFound',
      request: { url, contacts },
    });
  } catch {
    // The extension was reloaded or updated under this page: nothing to report to.
  }
}
