import { browser } from 'wxt/browser';
import type { KnownText } from '../page-scan/highlights';
import type { PageReport } from '../page-scan/page-session';
import { CHANNEL } from '../protocol/channel';

/**
 * The content script's one message: what it found on this page; the answer is
 * which of it is known, to highlight. It imports no zod (the content script must
 * stay small): the background parses what it receives, and the one field read
 * from the answer is checked here by hand.
 */
export async function reportFindings(report: PageReport): Promise<KnownText[]> {
  // A rejection (the extension was reloaded or updated under this page, or the background
  // could not be reached) reaches the page session, which then sends the report again on
  // the next change instead of taking it as told.
  const reply: unknown = await browser.runtime.sendMessage({
    channel: CHANNEL,
    name: 'page/contactsFound',
    request: report,
  });
  const known = (reply as { ok?: unknown; value?: { known?: unknown } } | undefined)?.value?.known;
  if (!Array.isArray(known)) return [];
  // The background checked its answer against the reply's schema before sending it; a
  // text is all that is read here (highlightKnown styles only the kinds it knows).
  return known.filter((item): item is KnownText => typeof (item as KnownText)?.text === 'string');
}
