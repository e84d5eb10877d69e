import { nextCheckIn, type CadenceDefaults } from './cadence';
import { cardFieldsOf } from './card-values';
import { normalizeDomain, normalizeEmail } from './email';
import type { Id, Instant } from './ids';
import type { ParsedPartyDraft, Party } from './party';
import { normalizePhone } from './phone';
import { err, ok, refusal, type Result } from './result';

/** Normalises every address in a list, or names the first one that is not an address. */
export function normalizeEmails(raw: readonly string[]): Result<string[]> {
  const out: string[] = [];
  for (const value of raw) {
    if (value.trim() === '') continue;
    const email = normalizeEmail(value);
    if (email === null) return err(refusal('invalid_email', 'error_not_email', { value }));
    if (!out.includes(email)) out.push(email);
  }
  return ok(out);
}

/** Normalises every phone to E.164 in `region`, or names the first one that is not valid. */
export function normalizePhones(raw: readonly string[], region: string): Result<string[]> {
  const out: string[] = [];
  for (const value of raw) {
    if (value.trim() === '') continue;
    const phone = normalizePhone(value, region);
    if (phone === null) return err(refusal('invalid_phone', 'error_not_phone', { value, region }));
    if (!out.includes(phone)) out.push(phone);
  }
  return ok(out);
}

export interface NewPartyContext {
  id: Id;
  now: Instant;
  region: string;
  cadence: CadenceDefaults;
}

/** Builds a complete, normalised party from a draft; the store decides about duplicates. */
export function newParty(draft: ParsedPartyDraft, context: NewPartyContext): Result<Party> {
  const emails = normalizeEmails(draft.emails);
  if (!emails.ok) return emails;
  const phones = normalizePhones(draft.phones, context.region);
  if (!phones.ok) return phones;
  const domains: string[] = [];
  for (const raw of draft.domains) {
    if (raw.trim() === '') continue;
    const domain = normalizeDomain(raw);
    if (domain === null) return err(refusal('invalid_domain', 'error_not_domain', { value: raw }));
    if (!domains.includes(domain)) domains.push(domain);
  }
  const base: Party = {
    id: context.id,
    type: draft.type,
    name: draft.name,
    kind: draft.kind,
    kindHistory: [{ kind: draft.kind, at: context.now }],
    emails: emails.value,
    phones: phones.value,
    domains,
    organizationName: draft.organizationName || undefined,
    title: draft.title || undefined,
    website: draft.website || undefined,
    tags: draft.tags,
    notes: draft.notes,
    captured: draft.captured,
    prospect: draft.kind === 'prospect' ? (draft.prospect ?? { stage: 'new' }) : undefined,
    checkInDays: draft.checkInDays,
    createdAt: context.now,
    updatedAt: context.now,
    ...cardFieldsOf(draft, { emails: emails.value, phones: phones.value, region: context.region }),
  };
  return ok(withoutUndefined({ ...base, nextCheckInAt: nextCheckIn(base, context.cadence) }));
}

/**
 * Records an interaction's effect on its party: the last interaction moves forward
 * (never back, so logging an old call does not hide a newer one) and the next
 * check-in is counted again from it.
 */
export function applyInteraction(
  party: Party,
  interactionAt: Instant,
  now: Instant,
  cadence: CadenceDefaults,
): Party {
  const last = Math.max(party.lastInteractionAt ?? 0, interactionAt);
  const touched = { ...party, lastInteractionAt: last, updatedAt: now };
  return withoutUndefined({ ...touched, nextCheckInAt: nextCheckIn(touched, cadence) });
}

/** Stored records carry no `undefined` keys, so a read equals what was written. */
export function withoutUndefined<T extends object>(value: T): T {
  // A loop over the keys rather than fromEntries(entries().filter()): no array per
  // field, which shows when an import builds 50,000 records.
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) kept[key] = field;
  }
  return kept as T;
}
