/**
 * Elements whose text is never read: code, styling, templates, and anything the
 * user is typing into (form fields, editable regions), which is theirs, not the page's.
 */
export const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'svg',
  // SVG's own text elements keep their lower-case names (HTML tag names are upper case).
  'text',
  'tspan',
  'textPath',
  'desc',
]);

/**
 * Editable regions (the user's own text), as a selector. They are recognised by their
 * attribute, not `isContentEditable`: that property makes Chromium recompute style,
 * which measured ~50 ms on the first call on a 15,000-element page.
 */
export const EDITABLE = '[contenteditable]:not([contenteditable="false" i])';

// The skipped tags as CSS type selectors match them, by local name: HTML names in lower
// case, SVG's as written (`textPath` is in an `svg` anyway).
const SKIPPED_NAMES = new Set([...SKIPPED_TAGS].map((tag) => tag.toLowerCase()));

/**
 * True when `element`'s content is never read: a script, a form field, an editable
 * region. What `matches()` says of the skipped tags and `EDITABLE`, read from the
 * element's name and one attribute: matching a list of fourteen selectors cost more
 * (~0.3 µs an element).
 */
export function isSkippedElement(element: Element): boolean {
  const editable = element.getAttribute('contenteditable') ?? 'false';
  return SKIPPED_NAMES.has(element.localName) || editable.toLowerCase() !== 'false';
}

/**
 * True when an ancestor of `element` (not the element itself) is one whose content is
 * never read: a template, a form field, an editable region. Walks to the top, not to
 * a slice's root: a slice inside an editor is still the user's text.
 */
export function isUnderSkippedElement(element: Element): boolean {
  const parent = element.parentElement;
  return parent !== null && isInSkippedElement(parent);
}

/** True when `element` itself, or an ancestor, is never read. */
export function isInSkippedElement(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (isSkippedElement(at)) return true;
  }
  return false;
}

/**
 * `isInSkippedElement` for many elements of one unchanging DOM: each ancestor is read
 * once, and what it says is remembered for the elements below it (links share their
 * ancestors: a list, a footer). Make one per read of the page, as a DOM that changes
 * makes it wrong.
 */
export function skippedElementTest(): (element: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (element) => {
    const path: Element[] = [];
    let skipped = false;
    for (let at: Element | null = element; at; at = at.parentElement) {
      const said = known.get(at);
      if (said !== undefined) {
        skipped = said;
        break;
      }
      path.push(at);
      if (isSkippedElement(at)) {
        skipped = true;
        break;
      }
    }
    for (const seen of path) known.set(seen, skipped);
    return skipped;
  };
}

/**
 * The elements matching `selector` in `root`, `root` itself included when it matches
 * (the content script scans added nodes, and an added node may be the item itself).
 *
 * A list of selectors gives what their comma-joined list would, in document order,
 * but runs one query per selector: Chromium matches a single selector natively fast
 * and a selector list element by element (a five-selector list measured ~8 ms on a
 * 60,000-element page where each of its selectors alone took under 1 ms).
 */
export function selectAll(root: ParentNode, selector: string | readonly string[]): Element[] {
  if (typeof selector === 'string') {
    const found = [...root.querySelectorAll(selector)];
    if ((root as Node).nodeType === 1 && (root as Element).matches(selector)) {
      found.unshift(root as Element);
    }
    return found;
  }
  let found: Element[] = [];
  for (const one of selector) {
    const more = selectAll(root, one);
    if (more.length > 0) found = found.length === 0 ? more : inDocumentOrder(found, more);
  }
  return found;
}

/** Two lists in document order, merged in document order without duplicates. */
function inDocumentOrder(a: readonly Element[], b: readonly Element[]): Element[] {
  const merged: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      merged.push(x);
      i++;
      j++;
    } else if (x.compareDocumentPosition(y) & FOLLOWING) {
      merged.push(x);
      i++;
    } else {
      merged.push(y);
      j++;
    }
  }
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/**
 * The readable elements matching `selector` that belong to `scope` itself: those
 * whose nearest `scopeSelector` ancestor is `scope`, not an item nested inside it.
 */
export function ownElements(scope: Element, selector: string, scopeSelector: string): Element[] {
  return [...scope.querySelectorAll(selector)].filter(
    (element) =>
      element.parentElement?.closest(scopeSelector) === scope && !isInSkippedElement(element),
  );
}
