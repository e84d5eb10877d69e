import { browser } from 'wxt/browser';
import type { ThreadReport } from '../detect/thread-types';
import { CHANNEL } from '../protocol/channel';

/**
 * The thread script's one message: the open thread's message headers. Nothing comes
 * back to the page; the background decides what becomes an interaction.
 */
export async function reportThread(report: ThreadReport): Promise<void> {
  try {
    await browser.runtime.sendMessage({
      channel: CHANNEL,
      name: 'email/threadRead',
      request: report,
    });
  } catch {
    // The extension was reloaded or updated under this page.
  }
}
