/**
 * Webmail: the sites read on every visit from install (the manifest's host access),
 * and the only sites where known contacts are highlighted without the user asking
 * (see lib/findings/highlight-policy.ts).
 */
export const WEBMAIL_ORIGINS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

const WEBMAIL_HOSTS = new Set(WEBMAIL_ORIGINS.map((origin) => new URL(origin).hostname));

/** Whether a page's URL is on one of the webmail sites (HTTPS only). */
export function isWebmailUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && WEBMAIL_HOSTS.has(hostname);
  } catch {
    return false;
  }
}
