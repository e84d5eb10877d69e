/**
 * Turns a batch of mutations into the smallest set of subtrees to read again:
 * added elements, and the parents of added or edited text. A root inside another
 * root is dropped (it will be read with its ancestor).
 */
export function changedRoots(mutations: readonly MutationRecord[]): Element[] {
  const candidates = new Set<Element>();
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      const parent = mutation.target.parentElement;
      if (parent) candidates.add(parent);
      continue;
    }
    for (const node of mutation.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE) candidates.add(node as Element);
      else if (node.nodeType === Node.TEXT_NODE && node.parentElement)
        candidates.add(node.parentElement);
    }
  }
  const roots = new Set([...candidates].filter((element) => element.isConnected));
  // Up each root's ancestors rather than each root against every other: a feed that
  // adds ten thousand rows one by one must not cost a hundred million comparisons.
  return [...roots].filter((element) => {
    for (let up = element.parentElement; up !== null; up = up.parentElement)
      if (roots.has(up)) return false;
    return true;
  });
}
