/**
 * The instant of a message's date as the webmail page writes it: an ISO `datetime`,
 * or the browser-readable forms Gmail (`Wed, 5 Mar 2025, 10:42`) and Outlook in US
 * English (`Wed 3/5/2025 10:42 AM`) put in their headers, read in the browser's
 * time zone as the page shows them. A date that cannot be read, or lies more than a
 * day ahead of `now`, is none: the message's own date is kept, never the reading time.
 */
export function parseMessageDate(written: string | undefined, now: number): number | undefined {
  if (!written) return undefined;
  // Gmail sometimes writes "… at 10:42"; the Date parser reads the time without the word.
  const at = Date.parse(written.replace(/\s+at\s+/i, ' '));
  if (!Number.isFinite(at) || at <= 0 || at > now + 86_400_000) return undefined;
  return at;
}
