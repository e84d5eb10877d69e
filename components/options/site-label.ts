import { WEBMAIL_NAMES } from '../../lib/platform/webmail-sites';

/** `https://acme.example/*` → `acme.example`; plain-http sites keep their scheme so they stand out. */
export function siteHost(pattern: string): string {
  const match = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!match) return pattern;
  const [, scheme, host = pattern] = match;
  return scheme === 'https' ? host : `${scheme}://${host}`;
}

/** What a person calls a site: "Gmail" for mail.google.com, else its host. */
export function siteName(pattern: string): string {
  const host = siteHost(pattern);
  return WEBMAIL_NAMES[host] ?? host;
}
