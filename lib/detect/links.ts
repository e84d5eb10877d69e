import { selectAll, skippedElementTest } from './element-skip';
import { readMailto } from './mailto';
import { readTel } from './tel-links';
import type { Finding } from './types';

const MAILTO = /^mailto:/i;
const TEL = /^(?:tel|callto):/i;

/**
 * `mailto:`, `tel:` and `callto:` links (see mailto.ts and tel-links.ts), found with
 * one query for every link rather than one per scheme: on a page of 1,500 elements
 * each query costs a third of the floor (budgets.md), and a selector list costs more
 * than its parts. The `mailto:` findings come first, as when each had its own query.
 * Links share ancestors, so whether a link is readable is asked of one memory of them.
 */
export function findLinks(root: ParentNode): Finding[] {
  const mail: Finding[] = [];
  const phone: Finding[] = [];
  const isSkipped = skippedElementTest();
  for (const anchor of selectAll(root, 'a[href]')) {
    const href = anchor.getAttribute('href')!;
    if (MAILTO.test(href)) {
      if (!isSkipped(anchor)) readMailto(anchor, href, mail);
    } else if (TEL.test(href) && !isSkipped(anchor)) readTel(anchor, href, phone);
  }
  for (const finding of phone) mail.push(finding);
  return mail;
}
