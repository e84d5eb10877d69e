import { isInSkippedElement, selectAll } from '../../lib/detect/element-skip';
import { readMailto } from '../../lib/detect/mailto';
import { readTel } from '../../lib/detect/tel-links';
import type { Finding } from '../../lib/detect/types';

/*
 * One query per scheme, as the detectors once read links: the oracle that
 * lib/detect/links.ts (one query for every link) is checked against, and the way
 * the mailto and tel readers are tested alone.
 */

/**
 * `mailto:` links: every recipient in the path (comma-separated, percent-encoded),
 * named by the link's text or title when that text is a name and not the address.
 * Query parameters (`?cc=`, `?subject=`) are not recipients of this link's contact.
 * (The content script reads these with the other links in one query: see links.ts.)
 */
export function findMailtoLinks(root: ParentNode): Finding[] {
  const findings: Finding[] = [];
  for (const anchor of selectAll(root, 'a[href^="mailto:" i]')) {
    if (!isInSkippedElement(anchor)) readMailto(anchor, anchor.getAttribute('href')!, findings);
  }
  return findings;
}

// One selector each: see selectAll.
const SELECTORS = ['a[href^="tel:" i]', 'a[href^="callto:" i]'];

/**
 * `tel:` and `callto:` links: the number as written in the link (percent-decoded,
 * separators kept, RFC 3966 parameters other than `;ext=` dropped), named by the
 * link's text or title when that is a name and not the number itself.
 * The background validates the number; `callto:` Skype names (no digits) are skipped.
 * (The content script reads these with the other links in one query: see links.ts.)
 */
export function findTelLinks(root: ParentNode): Finding[] {
  const findings: Finding[] = [];
  for (const anchor of selectAll(root, SELECTORS)) {
    if (!isInSkippedElement(anchor)) readTel(anchor, anchor.getAttribute('href')!, findings);
  }
  return findings;
}
