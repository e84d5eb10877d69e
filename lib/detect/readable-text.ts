import { EDITABLE, isInSkippedElement, SKIPPED_TAGS } from './element-skip';

/**
 * A resumable walk over the readable text nodes under `root`: the content script
 * reads a page in idle slices and picks up where the last slice stopped.
 *
 * Speed matters here (budgets.md: the whole scan ≤ 2.5× a bare TreeWalker pass).
 * A filter callback measured 4–5× slower and a per-element ancestor check ~5×, so
 * the loop checks only the text's own parent (scripts, styles, form fields and
 * `<option>` hold their text directly; `<template>` content is not in the tree at
 * all), plus membership in the page's editable regions, collected once up front.
 */
export function createReadableTextWalker(root: ParentNode): { next(): Text | null } {
  const document = (root as Node).ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const editableText = textInEditableRegions(root, document);
  const rootIsSkipped = root instanceof Element && isInSkippedElement(root);
  return {
    next() {
      if (rootIsSkipped) return null;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent !== null && SKIPPED_TAGS.has(parent.tagName)) continue;
        if (editableText !== null && editableText.has(node)) continue;
        return node as Text;
      }
      return null;
    },
  };
}

/** The text nodes inside editable regions (usually none; a compose box on webmail). */
function textInEditableRegions(root: ParentNode, document: Document): Set<Node> | null {
  const regions = root.querySelectorAll(EDITABLE);
  if (regions.length === 0) return null;
  const inside = new Set<Node>();
  for (const region of regions) {
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) inside.add(node);
  }
  return inside;
}
/** Calls `visit` with each readable text node under `root`, in one go. */
export function forEachReadableText(root: ParentNode, visit: (text: Text) => void): void {
  const walker = createReadableTextWalker(root);
  for (let node = walker.next(); node !== null; node = walker.next()) visit(node);
}
