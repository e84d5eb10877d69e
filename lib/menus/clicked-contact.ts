import { normalizeEmail } from '../domain/email';
import { normalizePhone } from '../domain/phone';
import { safeDecode } from '../detect/safe-decode';
import { cleanName, mailboxesIn } from '../detect/webmail-text';

/** Who a right-click pointed at: normalised addresses and E.164 phones, and a name when one was given. */
export interface ClickedContact {
  name?: string;
  emails: string[];
  phones: string[];
}

/**
 * What the browser tells about a right-click. Chrome gives `linkUrl` and
 * `selectionText`; Firefox also gives `linkText` (Chrome's OnClickData has no
 * link text, so there the name comes from the page's findings instead).
 */
export interface ClickInfo {
  linkUrl?: string;
  linkText?: string;
  selectionText?: string;
}

export type ClickedTarget =
  | { kind: 'contact'; contact: ClickedContact; from: 'mailto' | 'tel' | 'selection' }
  | { kind: 'unreadable'; text: string }
  | { kind: 'page' };

/**
 * Reads what was right-clicked: a `mailto:` link (its recipients, named by the link
 * text), a `tel:` link (read in the user's region), or selected text holding an
 * address (`Name <address>` too), else a phone, else a name. Anything else is the page.
 */
export function readClickTarget(info: ClickInfo, region: string): ClickedTarget {
  const link = info.linkUrl?.trim() ?? '';
  if (/^mailto:/i.test(link)) {
    const contact = fromMailto(link, info.linkText);
    return contact ? { kind: 'contact', contact, from: 'mailto' } : unreadable(link);
  }
  if (/^tel:/i.test(link)) {
    const phone = normalizePhone(safeDecode(link.slice(4)).split(/[?]/)[0] ?? '', region);
    const name = cleanName(info.linkText);
    return phone
      ? { kind: 'contact', contact: withName({ emails: [], phones: [phone] }, name), from: 'tel' }
      : unreadable(link);
  }
  const selection = info.selectionText?.replace(/\s+/g, ' ').trim() ?? '';
  if (selection !== '') {
    const contact = fromSelection(selection, region);
    return contact ? { kind: 'contact', contact, from: 'selection' } : unreadable(selection);
  }
  return { kind: 'page' };
}

function fromMailto(link: string, linkText: string | undefined): ClickedContact | undefined {
  const recipients = safeDecode(link.slice('mailto:'.length).split('?')[0] ?? '');
  const emails: string[] = [];
  let named: string | undefined;
  for (const part of recipients.split(',')) {
    const [mailbox] = mailboxesIn(part);
    const email = mailbox?.email ?? normalizeEmail(part);
    if (email && !emails.includes(email)) emails.push(email);
    named ??= mailbox?.name;
  }
  if (emails.length === 0) return undefined;
  // A link to several people has no one name; its text names the group, if anything.
  const name = emails.length === 1 ? (named ?? cleanName(linkText)) : undefined;
  return withName({ emails, phones: [] }, name);
}

function fromSelection(text: string, region: string): ClickedContact | undefined {
  const mailboxes = mailboxesIn(text);
  if (mailboxes.length > 0) {
    const emails = mailboxes.map((mailbox) => mailbox.email);
    return withName(
      { emails, phones: [] },
      mailboxes.length === 1 ? mailboxes[0]?.name : undefined,
    );
  }
  const phone = normalizePhone(text, region);
  if (phone) return { emails: [], phones: [phone] };
  const name = cleanName(text);
  return name ? { name, emails: [], phones: [] } : undefined;
}

function withName(contact: ClickedContact, name: string | undefined): ClickedContact {
  return name ? { name, ...contact } : contact;
}

function unreadable(text: string): ClickedTarget {
  return { kind: 'unreadable', text: text.slice(0, 200) };
}
