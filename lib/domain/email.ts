// No zod here: the content script uses this module and must stay small.

/**
 * Normalises an email address for storage and matching: trimmed, lower-cased, and
 * an internationalised domain turned into its ASCII (punycode) form, so
 * `Zoë@Bücher.de` and `zoë@xn--bcher-kva.de` are the same address.
 * Returns `null` for anything that is not a plausible address.
 *
 * @example normalizeEmail(' Ada@Example.COM ') // 'ada@example.com'
 */
export function normalizeEmail(raw: string): string | null {
  const trimmed = raw.trim().replace(/^mailto:/i, '');
  if (trimmed.length > 254) return null;
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;
  const local = trimmed.slice(0, at).toLowerCase();
  const domain = toAsciiDomain(trimmed.slice(at + 1));
  if (domain === null || !isValidLocalPart(local)) return null;
  return `${local}@${domain}`;
}

// Dot-atom local parts only (RFC 5322 §3.4.1); quoted local parts are legal but are
// not seen in the wild for people's addresses and make matching ambiguous.
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
// The same for the (lower-cased) ASCII local parts nearly all addresses have, tried first.
const ASCII_LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

function isValidLocalPart(local: string): boolean {
  return local.length <= 64 && (ASCII_LOCAL_PART.test(local) || LOCAL_PART.test(local));
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

// A valid domain in plain ASCII whose last label starts with a letter: what the URL
// parser would return for it is the same in lower case. (A last label starting with a
// digit may be read as IPv4, and punycode labels are checked by IDNA: both take the
// URL path, as does everything this does not match.)
const PLAIN_DOMAIN =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** The URL parser applies IDNA (UTS #46) mapping, so we do not hand-roll punycode. */
function toAsciiDomain(raw: string): string | null {
  const trimmed = raw.trim();
  const candidate = trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  // The common case without the URL parser (~5 µs a call on pages full of addresses).
  if (PLAIN_DOMAIN.test(candidate)) {
    const host = candidate.toLowerCase();
    if (!host.includes('xn--')) return host;
  }
  if (candidate === '' || /[\s/?#@:[\]\\]/.test(candidate)) return null;
  const host = urlHostname(candidate);
  if (host === null) return null;
  const labels = host.split('.');
  if (labels.length < 2) return null;
  if (!labels.every((label) => LABEL.test(label))) return null;
  // A top-level domain is never all digits: this rejects IPv4 literals.
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return null;
  return host;
}

function urlHostname(candidate: string): string | null {
  try {
    return new URL(`http://${candidate}`).hostname;
  } catch {
    return null;
  }
}

/**
 * Normalises a bare domain the way addresses' domains are normalised (lower case,
 * IDNA to ASCII), so an organization's `bücher.de` matches `zoe@bücher.de`.
 */
export function normalizeDomain(raw: string): string | null {
  return toAsciiDomain(raw.trim().replace(/^@/, ''));
}

/** The domain part of an already normalised address. */
export function emailDomain(normalized: string): string {
  return normalized.slice(normalized.lastIndexOf('@') + 1);
}
