import { normalizeEmail } from '../domain/email';
import type { Finding } from './types';
import { plainName } from './plain-name';
import { safeDecode } from './safe-decode';

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
