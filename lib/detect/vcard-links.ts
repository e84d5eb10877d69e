import { isInSkippedElement, selectAll } from './element-skip';

const MAX_LINKS = 50;
// `^=` rather than `=` with the `i` flag: happy-dom (the tests' DOM) mishandles `=… i`.
const VCARD_LINK = 'a[href*=".vcf" i], a[href][type^="text/" i]';

/**
 * Links to vCard files (`….vcf`, or typed `text/vcard`), as absolute http(s) URLs
 * resolved against `baseUrl`, without their fragment, deduplicated, at most 50. Not a
 * detector: the files are offered to the user to import, never fetched here.
 *
 * @example findVcardLinks(document, document.baseURI)
 */
export function findVcardLinks(root: ParentNode, baseUrl: string): string[] {
  const links = new Set<string>();
  for (const anchor of selectAll(root, VCARD_LINK)) {
    if (links.size >= MAX_LINKS) break;
    if (isInSkippedElement(anchor)) continue;
    let url: URL;
    try {
      url = new URL(anchor.getAttribute('href') ?? '', baseUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    const typed = /^text\/(?:x-)?vcard$/i.test(anchor.getAttribute('type')?.trim() ?? '');
    if (!typed && !url.pathname.toLowerCase().endsWith('.vcf')) continue;
    url.hash = '';
    links.add(url.href);
  }
  return [...links];
}
