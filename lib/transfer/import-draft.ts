import { normalizeEmail } from '../domain/email';
import type { PartyDraft } from '../domain/party';
import { RELATIONSHIP_KINDS, type RelationshipKind } from '../domain/relationship';
import { uiText, type UiText } from '../domain/ui-text';

/**
 * The limits PartyDraftSchema enforces, checked where the file is read so the
 * preview can list a row that will not fit before anything is sent (the schema
 * library stays out of the page; the background parses every draft again).
 */
export function draftTooLarge(draft: PartyDraft): UiText | undefined {
  const tooLong = (field: string) => uiText('import_too_long', { field });
  const tooMany = (field: string) => uiText('import_too_many', { field });
  if (draft.name.length > 500) return tooLong('name');
  if ((draft.organizationName?.length ?? 0) > 500) return tooLong('organization');
  if ((draft.title?.length ?? 0) > 500) return tooLong('title');
  if ((draft.website?.length ?? 0) > 2048) return tooLong('website');
  if ((draft.notes?.length ?? 0) > 100_000) return tooLong('notes');
  if ((draft.emails?.length ?? 0) > 50) return tooMany('emails');
  if ((draft.phones?.length ?? 0) > 50) return tooMany('phones');
  if ((draft.tags?.length ?? 0) > 100) return tooMany('tags');
  if (draft.tags?.some((tag) => tag.length > 100)) return tooLong('tag');
  if (draft.phones?.some((phone) => phone.length > 64)) return tooLong('phone');
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
  // Most cards have one email and one phone: no Set for those.
  if (values.length < 2) return values.filter((value) => value !== '');
  return [...new Set(values.filter((value) => value !== ''))];
}

/** Line breaks as one `\n`, so a note reads the same whichever system wrote the file. */
export function normalizeBreaks(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}
