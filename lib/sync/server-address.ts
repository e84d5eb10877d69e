/**
 * What the user typed as the server, read before anything is asked of the browser:
 * the one origin the host permission is asked for (`https://dav.example.com/*`),
 * and the refusals that need no network — not an address, or plain `http:` off this
 * machine (passwords would cross the network readable). Loopback may use `http:`
 * because nothing leaves the computer (a server run for testing or on a NAS tunnel).
 */
export type ServerAddress =
  | { ok: true; url: string; origin: string; pattern: string }
  | { ok: false; problem: 'invalid' | 'insecure' };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function readServerAddress(text: string): ServerAddress {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: 'invalid' };
  // People type "dav.example.com"; the secure scheme is the one to assume.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, problem: 'invalid' };
  if (!url.hostname || url.username || url.password) return { ok: false, problem: 'invalid' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname))
    return { ok: false, problem: 'insecure' };
  return { ok: true, url: url.href, origin: url.origin, pattern: `${url.origin}/*` };
}
