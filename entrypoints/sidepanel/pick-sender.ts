import type { PageContact } from '../../lib/protocol/contact-schemas';

/**
 * The sender of the message being read. Webmail adapters mark each open message's
 * sender; the content script lists messages in page order and Gmail and Outlook
 * expand the newest last, so the last sender is the message in front of the user.
 */
export function senderOf(contacts: readonly PageContact[]): PageContact | undefined {
  for (let i = contacts.length - 1; i >= 0; i--) {
    const contact = contacts[i];
    if (contact?.contact.role === 'sender') return contact;
  }
  return undefined;
}

/**
 * A stable identity for "who is in front of the user", to notice a new message.
 * The address, not the record: adding the sender must not count as a new message.
 */
export function senderKey(contact: PageContact | undefined): string {
  if (!contact) return '';
  return contact.contact.emails[0] ?? contact.contact.phones[0] ?? '';
}
