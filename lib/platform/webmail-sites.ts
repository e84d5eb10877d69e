/**
 * Webmail: the sites read on every visit from install (the manifest's host access),
 * and the only sites where known contacts are highlighted without the user asking
 * (see lib/findings/highlight-policy.ts).
 */
/** Each webmail host, with what people call it. */
export const WEBMAIL_NAMES: Readonly<Record<string, string>> = {
  'mail.google.com': 'Gmail',
  'outlook.office.com': 'Outlook',
  'outlook.office365.com': 'Outlook',
  'outlook.live.com': 'Outlook.com',
};

export const WEBMAIL_ORIGINS = Object.keys(WEBMAIL_NAMES).map((host) => `https://${host}/*`);

const WEBMAIL_HOSTS = new Set(Object.keys(WEBMAIL_NAMES));

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
