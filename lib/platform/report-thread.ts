import { browser } from 'wxt/browser';
import type { ThreadReport } from '../detect/thread-types';
import { CHANNEL } from '../protocol/channel';

/**
 * The thread script's one message: the open thread's message headers. Only whether to
 * read openings comes back; the background decides what becomes an interaction.
 */
export async function reportThread(report: ThreadReport): Promise<{ opening: boolean }> {
  try {
    const reply: unknown = await browser.runtime.sendMessage({
      channel: CHANNEL,
      name: 'email/threadRead',
      request: report,
    });
    // The one field read from the answer, checked by hand (no zod in content scripts).
    const opening = (reply as { value?: { opening?: unknown } } | undefined)?.value?.opening;
    return { opening: opening === true };
  } catch {
    return { opening: false }; // the extension was reloaded or updated under this page
  }
}
