import type { RelationshipKind } from '../domain/relationship';
import { EDITABLE, SKIPPED_TAGS } from '../detect/element-skip';
import { safeDecode } from '../detect/safe-decode';

export interface KnownText {
  /** The text as it appears on the page (an address, or a phone as written). */
  text: string;
  /** Present only when the user chose colours by kind in the options. */
  kind?: RelationshipKind;
}

/** The one group every known text falls in unless the user chose colours by kind. */
type Group = RelationshipKind | 'known';

// Each group's highlight colour (red, green, blue, alpha), readable in light and dark pages.
const STYLES: Record<Group, string> = {
  known: '36,87,214,.2',
  client: '31,122,77,.22',
  customer: '36,87,214,.2',
  prospect: '183,121,0,.24',
  former: '107,114,128,.2',
};

/**
 * Highlight names a page cannot look up or style ahead: fresh and random for every
 * page and every group, saying neither the extension's name nor the kind (the page
 * can still list them: which sites get highlights at all is decided in
 * lib/findings/highlight-policy.ts). By default there is one group, so one name and
 * one style for every known person: a page's scripts can read both.
 */
const names = new Map<Group, string>();
export const highlightName = (group: Group): string => {
  let name = names.get(group);
  if (!name) names.set(group, (name = `h${Math.random().toString(36).slice(2, 10)}`));
  return name;
};
const GROUPS = Object.keys(STYLES) as Group[];

let sheetAdopted = false;

/**
 * Marks known contacts on the page with the CSS Custom Highlight API: ranges over
 * the page's own text, styled from a constructed stylesheet. No node is inserted
 * into the page, so editors and page scripts never see a changed DOM.
 */
export function highlightKnown(document: Document, known: readonly KnownText[]): number {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined')
    return 0;
  const byKind = new Map<Group, Range[]>();
  const add = (kind: Group, range: Range) => {
    const ranges = byKind.get(kind);
    if (ranges) ranges.push(range);
    else byKind.set(kind, [range]);
  };
  const wanted = new Map<string, Group>(
    known.map(({ text, kind }) => [text.toLowerCase(), kind ?? 'known']),
  );
  const pattern = known.length ? matcher([...wanted.keys()]) : null;
  if (pattern) {
    const walker = document.createTreeWalker(document.body ?? document, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      // Only readable text: not in a script, a form field or an editable region.
      const parent = node.parentElement;
      if (parent !== null && SKIPPED_TAGS.has(parent.tagName)) continue;
      // Matched in the text itself (not a lower-cased copy, which can be longer: `İ`),
      // so the offsets are the node's own.
      const matches = [...(node as Text).data.matchAll(pattern)];
      if (matches.length === 0 || parent?.closest(EDITABLE)) continue;
      for (const match of matches) {
        const kind = wanted.get(match[0].toLowerCase());
        if (!kind) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        add(kind, range);
      }
    }
  }
  for (const [text, range] of linkRanges(document, wanted)) {
    const kind = wanted.get(text);
    if (kind) add(kind, range);
  }
  let count = 0;
  // Adopting a stylesheet restyles the whole page (~300 ms on a page of 100,000
  // elements): done once, and only when there is something to show.
  if (byKind.size) adoptStyles(document);
  for (const kind of GROUPS) {
    const ranges = byKind.get(kind) ?? [];
    count += ranges.length;
    if (ranges.length) CSS.highlights.set(highlightName(kind), new Highlight(...ranges));
    else CSS.highlights.delete(highlightName(kind));
  }
  return count;
}

/**
 * A known contact's `mailto:`/`tel:` link is highlighted whole: its text is often a
 * name ("Ada Lovelace") rather than the address itself.
 */
function linkRanges(document: Document, wanted: ReadonlyMap<string, unknown>): [string, Range][] {
  const ranges: [string, Range][] = [];
  if (wanted.size === 0) return ranges;
  for (const anchor of document.querySelectorAll('a[href^="mailto:" i], a[href^="tel:" i]')) {
    const target = safeDecode((anchor.getAttribute('href') ?? '').replace(/^(mailto|tel):/i, ''))
      .split('?')[0]!
      .toLowerCase();
    const text = target.split(',').find((part) => wanted.has(part.trim()));
    if (!text || !anchor.textContent?.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(anchor);
    ranges.push([text.trim(), range]);
  }
  return ranges;
}

/**
 * Any of the texts, in any case, standing alone: not part of a longer address or
 * number (`ada@example.com` is not highlighted in `nada@example.com.au`).
 */
function matcher(texts: string[]): RegExp {
  const escaped = texts
    .sort((a, b) => b.length - a.length)
    .map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(
    `(?<![\\p{L}\\p{N}._%+-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`,
    'giu',
  );
}

function adoptStyles(document: Document): void {
  if (sheetAdopted || !('adoptedStyleSheets' in document)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    GROUPS.map(
      (group) => `::highlight(${highlightName(group)}){background-color:rgba(${STYLES[group]})}`,
    ).join('\n'),
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  sheetAdopted = true;
}
