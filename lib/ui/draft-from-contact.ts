import type { PartyDraft } from '../domain/party';
import type { RelationshipKind } from '../domain/relationship';
import type { DetectedContactMessage } from '../protocol/contact-schemas';
import { t } from '../platform/i18n';

/**
 * A new party prefilled from what the page said about a contact. Without a name,
 * the address's local part stands in (`ada.lovelace@…` → `Ada Lovelace`) and
 * the user can correct it on the record.
 */
export function draftFromContact(
  contact: DetectedContactMessage,
  kind: RelationshipKind,
  url: string | undefined,
  now: number,
): PartyDraft {
  const email = contact.emails[0];
  const draft: PartyDraft = {
    type: 'person',
    name:
      contact.name?.trim() ||
      (email ? nameFromAddress(email) : (contact.phones[0] ?? t('draft_unnamed'))),
    kind,
    emails: contact.emails,
    // Already validated and in E.164 (the background screened what the page said).
    phones: contact.phones,
  };
  if (contact.organization) draft.organizationName = contact.organization;
  if (contact.title) draft.title = contact.title;
  if (contact.website) draft.website = contact.website;
  if (url) draft.captured = { url, at: now };
  return draft;
}

export function nameFromAddress(email: string): string {
  const local = email.split('@')[0] ?? email;
  const words = local.split(/[._-]+/).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0) return email;
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}
