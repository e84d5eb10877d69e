import { isBulkSender } from '../../lib/findings/bulk-sender';
import type { PageContact } from '../../lib/protocol/contact-schemas';

/**
 * The sender of the message being read. The page says whose message is open
 * (`openSender`: Gmail's last expanded message, the one the user opened; Outlook's
 * reading pane), which wins. Without it, the last sender in page order (Gmail and
 * Outlook expand the newest last). A no-reply or bulk sender is followed only when
 * no person's message is open: a billing notice elsewhere in the thread is not the
 * person the user is reading.
 */
export function senderOf(
  contacts: readonly PageContact[],
  openSender?: string,
): PageContact | undefined {
  const senders = contacts.filter((contact) => contact.contact.role === 'sender');
  const people = senders.filter((contact) => !contact.contact.emails.every(isBulkSender));
  const open = openSender
    ? senders.find((contact) => contact.contact.emails.includes(openSender))
    : undefined;
  if (open && (people.length === 0 || people.includes(open))) return open;
  return people.at(-1) ?? senders.at(-1);
}

/**
 * A stable identity for "who is in front of the user", to notice a new message.
 * The address, not the record: adding the sender must not count as a new message.
 */
export function senderKey(contact: PageContact | undefined): string {
  if (!contact) return '';
  return contact.contact.emails[0] ?? contact.contact.phones[0] ?? '';
}
