import { selectAll, skippedElementTest } from './element-skip';
import { readMailto } from './mailto';
import { readTel } from './tel-links';
import { detectorOf } from './element-pass';
import type { Finding } from './types';

const MAILTO = /^mailto:/i;
const TEL = /^(?:tel|callto):/i;
/** Links read between two pauses: a page of thousands of links is more than one frame. */
const LINKS_PER_STEP = 64;

/**
 * `mailto:`, `tel:` and `callto:` links (see mailto.ts and tel-links.ts), found with
 * one query for every link rather than one per scheme: on a page of 1,500 elements
 * each query costs a third of the floor (budgets.md), and a selector list costs more
 * than its parts. The `mailto:` findings come first, as when each had its own query.
 * Links share ancestors, so whether a link is readable is asked of one memory of them.
 * Pauses after the query and after every 64 links (element-pass.ts).
 */
export function* readLinks(root: ParentNode): Generator<undefined, Finding[], undefined> {
  const mail: Finding[] = [];
  const phone: Finding[] = [];
  const isSkipped = skippedElementTest();
  const anchors = selectAll(root, 'a[href]');
  for (let i = 0; i < anchors.length; i++) {
    if (i % LINKS_PER_STEP === 0) yield;
    const anchor = anchors[i]!;
    const href = anchor.getAttribute('href')!;
    if (MAILTO.test(href)) {
      if (!isSkipped(anchor)) readMailto(anchor, href, mail);
    } else if (TEL.test(href) && !isSkipped(anchor)) readTel(anchor, href, phone);
  }
  for (const finding of phone) mail.push(finding);
  return mail;
}

/** Every `mailto:`, `tel:` and `callto:` link's finding at once. */
export const findLinks = detectorOf(readLinks);
