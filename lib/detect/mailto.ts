import { normalizeEmail } from '../domain/email';
import { isInSkippedElement, selectAll } from './element-skip';
import type { Finding } from './types';
import { safeDecode } from './safe-decode';

/**
 * `mailto:` links: every recipient in the path (comma-separated, percent-encoded),
 * named by the link's text or title when that text is a name and not the address.
 * Query parameters (`?cc=`, `?subject=`) are not recipients of this link's contact.
 */
export function findMailtoLinks(root: ParentNode): Finding[] {
  const findings: Finding[] = [];
  for (const anchor of selectAll(root, 'a[href^="mailto:" i]') as HTMLAnchorElement[]) {
    if (isInSkippedElement(anchor)) continue;
    const href = anchor.getAttribute('href') ?? '';
    const recipients = safeDecode(href.slice('mailto:'.length).split('?')[0] ?? '');
    const emails = recipients
      .split(',')
      .map((part) => normalizeEmail(part))
      .filter((email): email is string => email !== null);
    const name = nameFrom(anchor.textContent ?? '') ?? nameFrom(anchor.title);
    for (const email of emails) {
      findings.push({
        email,
        source: 'mailto',
        confidence: 0.9,
        ...(emails.length === 1 && name ? { name } : {}),
      });
    }
  }
  return findings;
}

/** Link text is a name when it is short, has letters, and is not itself an address or a call to action. */
function nameFrom(text: string): string | undefined {
  const name = text.replace(/\s+/g, ' ').trim();
  if (name.length < 2 || name.length > 80 || name.includes('@') || !/\p{L}/u.test(name))
    return undefined;
  if (/^(e-?mail|contact|write|send|mail|click|here|reach)\b/i.test(name)) return undefined;
  return name;
}
