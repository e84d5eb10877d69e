import { normalizeEmail } from '../domain/email';
import { isInSkippedElement, selectAll } from './element-skip';
import type { Finding } from './types';
import { plainName } from './plain-name';
import { safeDecode } from './safe-decode';

/**
 * `mailto:` links: every recipient in the path (comma-separated, percent-encoded),
 * named by the link's text or title when that text is a name and not the address.
 * Query parameters (`?cc=`, `?subject=`) are not recipients of this link's contact.
 * (The content script reads these with the other links in one query: see links.ts.)
 */
export function findMailtoLinks(root: ParentNode): Finding[] {
  const findings: Finding[] = [];
  for (const anchor of selectAll(root, 'a[href^="mailto:" i]')) {
    if (!isInSkippedElement(anchor)) readMailto(anchor, anchor.getAttribute('href')!, findings);
  }
  return findings;
}

/** Adds what one readable `mailto:` link, whose `href` this is, says to `findings`. */
export function readMailto(anchor: Element, href: string, findings: Finding[]): void {
  const recipients = safeDecode(href.slice('mailto:'.length).split('?')[0] ?? '');
  const emails = recipients
    .split(',')
    .map((part) => normalizeEmail(part))
    .filter((email): email is string => email !== null);
  // In an h-card the card names the person (`p-name`, `fn`); the link text may not
  // ("John Doe at Madgex").
  const name = anchor.closest('.h-card, .vcard')
    ? undefined
    : (nameFrom(anchor.textContent ?? '') ?? nameFrom((anchor as HTMLAnchorElement).title));
  for (const email of emails) {
    findings.push({
      email,
      source: 'mailto',
      confidence: 0.9,
      ...(emails.length === 1 && name ? { name } : {}),
    });
  }
}

/** Link text is a name when it is short, has letters, and is not itself an address or a call to action. */
function nameFrom(text: string): string | undefined {
  const name = plainName(text);
  return name && /^(e-?mail|contact|write|send|mail|click|here|reach)\b/i.test(name)
    ? undefined
    : name;
}
