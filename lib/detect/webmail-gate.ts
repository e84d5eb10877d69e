import type { Detector } from './types';

/**
 * The webmail pages, by URL: HTTPS on the hosts in lib/platform/webmail-sites.ts
 * (whose test keeps the two lists agreeing). Written as patterns here because the
 * content script carries them and must stay small.
 */
export const GMAIL_PAGE = /^https:\/\/mail\.google\.com\//;
export const OUTLOOK_PAGE = /^https:\/\/outlook\.(?:office(?:365)?|live)\.com\//;
export const WEBMAIL_PAGE = /^https:\/\/(?:mail\.google|outlook\.(?:office(?:365)?|live))\.com\//;

/**
 * A webmail detector that runs only on its webmail's pages. Any page can copy Gmail's
 * attributes or Outlook's ARIA labels: read elsewhere, a page could dress its text as
 * the sender of an open message, the strongest evidence there is.
 */
export const onlyOn =
  (page: RegExp, detect: Detector): Detector =>
  (root, context) =>
    page.test(context.url) ? detect(root, context) : [];
