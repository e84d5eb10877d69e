import { z } from 'zod';
import { browser } from 'wxt/browser';
import { uiText, type UiText } from '../../lib/domain/ui-text';
import { lazy } from '../../lib/domain/lazy';

// What went wrong in the page, as a code and its one value (the page that shows it words it).
const FAILURES = ['card_link_status', 'card_link_too_large', 'card_link_fetch_failed'] as const;
type Failure = (typeof FAILURES)[number];

const ReadSchema = lazy(() =>
  z.union([
    z.object({ text: z.string(), pageUrl: z.string() }),
    z.object({ error: z.enum(FAILURES), value: z.union([z.string().max(500), z.number()]) }),
  ]),
);

const VALUE_NAME: Record<Failure, string> = {
  card_link_status: 'status',
  card_link_too_large: 'size',
  card_link_fetch_failed: 'detail',
};

/**
 * Fetches `url` from inside the tab's page — the page's own request to its own
 * site, with its cookies, as if the user had clicked the link — and stops reading
 * past `maxBytes`. Needs activeTab (the popup is open on the tab) or a host grant.
 * What comes back came out of a web page, so it is parsed like any message.
 */
export async function readTabText(
  tabId: number,
  url: string,
  maxBytes: number,
): Promise<{ ok: true; text: string; pageUrl: string } | { ok: false; words: UiText }> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: fetchCapped,
      args: [url, maxBytes],
    });
    const read = ReadSchema.safeParse(injection?.result);
    if (!read.success) return { ok: false, words: uiText('card_link_no_answer') };
    if ('error' in read.data) {
      const { error, value } = read.data;
      return { ok: false, words: uiText(error, { [VALUE_NAME[error]]: value }) };
    }
    return { ok: true, ...read.data };
  } catch {
    return { ok: false, words: uiText('card_link_unreadable_page') };
  }
}

// Runs in the page: self-contained, no closures over extension code.
async function fetchCapped(
  href: string,
  max: number,
): Promise<{ text: string; pageUrl: string } | { error: Failure; value: string | number }> {
  try {
    const response = await fetch(href, { credentials: 'include' });
    if (!response.ok) return { error: 'card_link_status', value: response.status };
    const reader = response.body?.getReader();
    if (!reader) return { text: await response.text(), pageUrl: location.href };
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        return { error: 'card_link_too_large', value: Math.round(max / 1024) };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return { text: new TextDecoder().decode(bytes), pageUrl: location.href };
  } catch (error) {
    return { error: 'card_link_fetch_failed', value: String(error).slice(0, 500) };
  }
}
