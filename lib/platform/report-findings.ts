import { browser } from 'wxt/browser';
import type { KnownText } from '../page-scan/highlights';
import type { PageReport } from '../page-scan/page-session';
import { CHANNEL } from '../protocol/channel';

const KINDS = new Set<string>(['prospect', 'customer', 'client', 'former']);

/**
 * The content script's one message: what it found on this page; the answer is
 * which of it is known, to highlight. It imports no zod (the content script must
 * stay small): the background parses what it receives, and the few fields read
 * from the answer are checked here by hand.
 */
export async function reportFindings(report: PageReport): Promise<KnownText[]> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({
      channel: CHANNEL,
      name: 'page/contactsFound',
      request: report,
    });
  } catch {
    return []; // the extension was reloaded or updated under this page
  }
  const known = (reply as { ok?: unknown; value?: { known?: unknown } } | undefined)?.value?.known;
  if (!Array.isArray(known)) return [];
  return known.filter(
    (item): item is KnownText =>
      typeof (item as KnownText)?.text === 'string' &&
      KINDS.has((item as { kind?: string }).kind ?? ''),
  );
}
