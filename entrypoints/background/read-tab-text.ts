import { z } from 'zod';
import { browser } from 'wxt/browser';

const ReadSchema = z.union([
  z.object({ text: z.string(), pageUrl: z.string() }),
  z.object({ error: z.string() }),
]);

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
): Promise<{ ok: true; text: string; pageUrl: string } | { ok: false; message: string }> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: fetchCapped,
      args: [url, maxBytes],
    });
    const read = ReadSchema.safeParse(injection?.result);
    if (!read.success) return { ok: false, message: 'The page gave no answer for that card.' };
    if ('error' in read.data) return { ok: false, message: read.data.error };
    return { ok: true, ...read.data };
  } catch {
    return {
      ok: false,
      message: 'Clientele cannot read this page (open the popup on it and try again).',
    };
  }
}

// Runs in the page: self-contained, no closures over extension code.
async function fetchCapped(
  href: string,
  max: number,
): Promise<{ text: string; pageUrl: string } | { error: string }> {
  try {
    const response = await fetch(href, { credentials: 'include' });
    if (!response.ok) return { error: `The site answered ${response.status} for that card.` };
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
        return {
          error: `That card file is larger than ${Math.round(max / 1024)} KB; download it and import the file instead.`,
        };
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
    return { error: `The card could not be fetched (${String(error)}).` };
  }
}
