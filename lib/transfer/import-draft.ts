import { normalizeEmail } from '../domain/email';
import type { PartyDraft } from '../domain/party';
import { RELATIONSHIP_KINDS, type RelationshipKind } from '../domain/relationship';

/**
 * The limits PartyDraftSchema enforces, checked where the file is read so the
 * preview can list a row that will not fit before anything is sent (the schema
 * library stays out of the page; the background parses every draft again).
 */
export function draftTooLarge(draft: PartyDraft): string | undefined {
  if (draft.name.length > 500) return 'the name is longer than 500 characters';
  if ((draft.organizationName?.length ?? 0) > 500)
    return 'the organization is longer than 500 characters';
  if ((draft.title?.length ?? 0) > 500) return 'the title is longer than 500 characters';
  if ((draft.website?.length ?? 0) > 2048) return 'the website is longer than 2,048 characters';
  if ((draft.notes?.length ?? 0) > 100_000) return 'the notes are longer than 100,000 characters';
  if ((draft.emails?.length ?? 0) > 50) return 'more than 50 email addresses';
  if ((draft.phones?.length ?? 0) > 50) return 'more than 50 phone numbers';
  if ((draft.tags?.length ?? 0) > 100) return 'more than 100 tags';
  if (draft.tags?.some((tag) => tag.length > 100)) return 'a tag is longer than 100 characters';
  if (draft.phones?.some((phone) => phone.length > 64))
    return 'a phone number is longer than 64 characters';
  return undefined;
}

/** Every address is readable, or the first one that is not. */
export function firstBadEmail(emails: readonly string[]): string | undefined {
  return emails.find((email) => normalizeEmail(email) === null);
}

export function asKind(value: string): RelationshipKind | undefined {
  const lower = value.trim().toLowerCase();
  return (RELATIONSHIP_KINDS as readonly string[]).includes(lower)
    ? (lower as RelationshipKind)
    : undefined;
}

export function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

/** Line breaks as one `\n`, so a note reads the same whichever system wrote the file. */
export function normalizeBreaks(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}
