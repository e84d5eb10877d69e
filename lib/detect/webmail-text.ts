// Small DOM and text helpers shared by the webmail detectors (Gmail, Outlook, signatures).
import { normalizeEmail } from '../domain/email';
import { displayName } from './display-name';
import { isSkippedElement } from './element-skip';
import { findTextEmails } from './text-emails';

/** A person named in a header or a line of text. */
export interface Mailbox {
  email: string;
  name?: string;
}

const ELEMENT = 1;
const TEXT = 3;
const BREAKS = new Set(
  'BR DIV P LI UL OL DL DT DD TR TD TH TABLE BLOCKQUOTE PRE HR H1 H2 H3 H4 H5 H6 SECTION ARTICLE HEADER FOOTER ADDRESS'.split(
    ' ',
  ),
);

/**
 * The text under `root` as lines, the way it reads on screen without asking for
 * layout (no `innerText`): block elements and `<br>` end a line, so do newlines
 * inside `<pre>`. Whitespace collapses; empty lines are dropped. Elements for which
 * `skip` answers true are left out with everything inside them.
 */
export function textLines(root: Node, skip?: (element: Element) => boolean): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node, pre: boolean) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT) {
        const parts = pre ? (child as Text).data.split('\n') : [(child as Text).data];
        parts.forEach((part, index) => {
          if (index > 0) flush();
          current += part;
        });
      } else if (child.nodeType === ELEMENT) {
        const element = child as Element;
        if (isSkippedElement(element) || skip?.(element)) continue;
        const breaks = BREAKS.has(element.tagName);
        if (breaks) flush();
        walk(element, pre || element.tagName === 'PRE');
        if (breaks) flush();
      }
    }
  };
  walk(root, (root as Element).tagName === 'PRE');
  flush();
  return lines;
}

/** A display name worth keeping: letters, not an address, not a sentence. */
export function cleanName(raw: string | null | undefined): string | undefined {
  const name = (raw ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'‘“]+|["'’”]+$/g, '');
  if (name.length < 2 || name.length > 80 || /[@\d<>]/.test(name)) return undefined;
  if (!/\p{L}/u.test(name) || name.split(' ').length > 6) return undefined;
  return name;
}

// `Name <address>`, and Outlook's quoted header `From: Name [mailto:address]`.
const ANGLE_ADDRESS = /<\s*([^<>\s@]+@[^<>\s]+?)\s*>|\[mailto:([^[\]\s@]+@[^[\]\s]+?)\]/g;
// What comes before a name in a line: a list separator, a label, or a date and time
// (`On Mon, Mar 3, 2025 at 10:00 AM Dana Smith <dana@x.example> wrote:`). A quoted
// name (`"Smith, Bob" <bob@x.example>`) is taken whole.
const BEFORE_NAME = /^.*(?:[,;>]|:(?!\d)|\b(?:AM|PM|schrieb|\d{4}|\d{1,2}:\d{2}(?::\d{2})?)\b)/i;

/**
 * Every person in a line of text, in order: `Name <address>` (the name read as an
 * RFC 5322 display name) and bare addresses. Labels (`To:`), list separators and a
 * quote attribution's date are not part of a name.
 */
export function mailboxesIn(text: string): Mailbox[] {
  if (!text.includes('@')) return [];
  const found: Mailbox[] = [];
  const add = (mailbox: Mailbox) => {
    const known = found.find((other) => other.email === mailbox.email);
    if (!known) found.push(mailbox);
    else if (!known.name && mailbox.name) known.name = mailbox.name;
  };
  const addBare = (part: string) => {
    for (const finding of findTextEmails(part)) if (finding.email) add({ email: finding.email });
  };
  let last = 0;
  for (const match of text.matchAll(ANGLE_ADDRESS)) {
    const before = text.slice(last, match.index);
    last = match.index + match[0].length;
    addBare(before);
    const email = normalizeEmail(match[1] ?? match[2] ?? '');
    if (!email) continue;
    const candidate = /"[^"]+"\s*$/.exec(before)?.[0] ?? before.replace(BEFORE_NAME, '');
    const name = nameOf(candidate);
    add(name ? { email, name } : { email });
  }
  addBare(text.slice(last));
  return found;
}

function nameOf(candidate: string): string | undefined {
  return cleanName(candidate) && cleanName(displayName(candidate.trim()));
}

export type HeaderLabel = 'from' | 'to' | 'cc' | 'bcc';

const LABEL = /(?:^|[^\p{L}])(from|to|cc|bcc)\b\s*:?/giu;

/** The header label that starts `text` (`From: …`, `Cc: …`), if any. */
export function leadingLabel(text: string): HeaderLabel | undefined {
  const match = /^\s*(from|to|cc|bcc)\s*:/i.exec(text);
  return match ? (match[1]!.toLowerCase() as HeaderLabel) : undefined;
}

/**
 * The last header label (`to`, `Cc:`) before `element` in its row: the nearest
 * enclosing `tr`, `div`, `p` or `li`. Gmail writes `to me, Bob cc: Carol`; Outlook
 * `To: Bob; Carol` and `Cc: …`, sometimes with the label in its own cell.
 */
export function labelBefore(element: Element): HeaderLabel | undefined {
  const row = element.parentElement?.closest('tr, div, p, li');
  if (!row) return undefined;
  const document = row.ownerDocument;
  const walker = document.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (element.contains(node) || !(node.compareDocumentPosition(element) & 4)) break;
    text += ` ${(node as Text).data}`;
  }
  let label: HeaderLabel | undefined;
  for (const match of text.matchAll(LABEL)) label = match[1]!.toLowerCase() as HeaderLabel;
  return label;
}
