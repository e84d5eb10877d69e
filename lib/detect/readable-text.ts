/**
 * Elements whose text is never read: code, styling, templates, and anything the
 * user is typing into (form fields, editable regions), which is theirs, not the page's.
 */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'svg',
]);

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * Calls `visit` with each readable text node under `root`. The parent check sits in
 * the loop rather than in a TreeWalker filter callback, which measured 4–5× slower;
 * a cheap `[@]`-style prefilter is the caller's job.
 */
export function forEachReadableText(root: ParentNode, visit: (text: Text) => void): void {
  const document = (root as Node).ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let lastParent: Element | null = null;
  let lastSkipped = false;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent !== lastParent) {
      lastParent = parent;
      lastSkipped = parent !== null && hasSkippedAncestor(parent, root);
    }
    if (!lastSkipped) visit(node as Text);
  }
}

function hasSkippedAncestor(element: Element, root: ParentNode): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (isSkippedElement(current)) return true;
    if (current === root) break;
  }
  return false;
}
