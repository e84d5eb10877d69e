import type { ParsedPartyDraft, Party } from './party';
import type { ValueLabel } from './card-fields';
import { normalizeEmail } from './email';
import { normalizePhone } from './phone';

/**
 * A draft's labels name values as they were written (`Ada@Example.COM`,
 * `(020) 7946 0958`); the record keys them by the value it stores. A label whose
 * value is not on the record (it was refused, or moved to the notes) is dropped
 * with it, so a label never points at nothing.
 */
export function keyLabels(
  labels: readonly ValueLabel[] | undefined,
  normalize: (value: string) => string | null,
  stored: readonly string[],
): ValueLabel[] | undefined {
  if (!labels) return undefined;
  const out: ValueLabel[] = [];
  for (const label of labels) {
    const value = normalize(label.value);
    if (value === null || !stored.includes(value) || out.some((l) => l.value === value)) continue;
    out.push({ ...label, value });
  }
  return out.length > 0 ? out : undefined;
}

/** The draft's address-book fields as the record keeps them (emails, phones already normalised). */
export function cardFieldsOf(
  draft: ParsedPartyDraft,
  stored: { emails: readonly string[]; phones: readonly string[]; region: string },
): Partial<Party> {
  return {
    nameParts: namePartsOf(draft.nameParts),
    nickname: draft.nickname || undefined,
    organizationUnits: draft.organizationUnits?.length ? draft.organizationUnits : undefined,
    role: draft.role || undefined,
    emailLabels: keyLabels(draft.emailLabels, normalizeEmail, stored.emails),
    phoneLabels: keyLabels(
      draft.phoneLabels,
      (value) => normalizePhone(value, stored.region),
      stored.phones,
    ),
    moreWebsites: draft.moreWebsites?.length ? draft.moreWebsites : undefined,
    websiteLabels: draft.websiteLabels?.length ? draft.websiteLabels : undefined,
    addresses: draft.addresses?.length ? draft.addresses : undefined,
    birthday: draft.birthday || undefined,
    anniversary: draft.anniversary || undefined,
    photo: draft.photo,
    cardProperties: draft.cardProperties?.length ? draft.cardProperties : undefined,
    cardUid: draft.cardUid || undefined,
  };
}

/** Name parts with something in them, or none at all. */
export function namePartsOf(parts: Party['nameParts']): Party['nameParts'] {
  if (!parts) return undefined;
  const kept: NonNullable<Party['nameParts']> = {};
  for (const [key, value] of Object.entries(parts) as [keyof typeof kept, string | undefined][])
    if (value) kept[key] = value;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * A record after an edit: labels keyed by the values it now stores, empty texts and
 * lists removed (an edit sends "" or [] to mean "none").
 */
export function tidyCardFields(party: Party, region: string): Party {
  const next: Party = {
    ...party,
    nameParts: namePartsOf(party.nameParts),
    emailLabels: keyLabels(party.emailLabels, normalizeEmail, party.emails),
    phoneLabels: keyLabels(party.phoneLabels, (v) => normalizePhone(v, region), party.phones),
  };
  for (const field of ['nickname', 'role', 'birthday', 'anniversary'] as const)
    if (next[field] === '') delete next[field];
  for (const field of [
    'organizationUnits',
    'moreWebsites',
    'websiteLabels',
    'addresses',
    'cardProperties',
  ] as const)
    if (next[field]?.length === 0) delete next[field];
  return next;
}
