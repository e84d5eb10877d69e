import { SKIPPED_TAGS } from './element-skip';
import { OPENING_READ } from './thread-types';

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT

/**
 * The first OPENING_READ characters of a message's own text, whitespace collapsed,
 * leaving out `skip` (quoted history) and stopping as soon as it has enough: a long
 * message costs no more than a short one.
 */
export function openingText(body: Element, skip: string): string {
  const document = body.ownerDocument;
  const walker = document.createTreeWalker(body, SHOW_ELEMENT_AND_TEXT, {
    acceptNode: (node) =>
      node.nodeType === 1 &&
      (SKIPPED_TAGS.has((node as Element).tagName) || (node as Element).matches(skip))
        ? 2 // FILTER_REJECT: not this element, nor anything inside it
        : 1, // FILTER_ACCEPT
  });
  let text = '';
  for (
    let node = walker.nextNode();
    node && text.length < OPENING_READ + 1;
    node = walker.nextNode()
  ) {
    if (node.nodeType === 3) text += ` ${(node as Text).data}`;
    else if ((node as Element).tagName === 'BR') text += ' ';
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, OPENING_READ);
}
