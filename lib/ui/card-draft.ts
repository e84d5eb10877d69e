import type { PartyDraft } from '../domain/party';
import { cardDateInput } from '../domain/card-format';
import { t } from '../platform/i18n';
import { addressesOfRows, valuesOfRows, type AddressRow, type ValueRow } from './card-rows';

/*
 * The add form's address-book details (name parts, organization, typed emails,
 * phones, websites and addresses, dates) as the draft that creates a party. The
 * rows are the edit form's (card-rows.ts); this is what a new party makes of them.
 * No zod here: the side panel's bundle loads it.
 */

/** Rows of values and which of them is preferred (it goes first on the record). */
export interface ValueList {
  rows: ValueRow[];
  preferred: number;
}

/** N's five parts, in reading order (vCard writes family first). Spelled here: no zod. */
export const NAME_PART_KEYS = ['prefix', 'given', 'additional', 'family', 'suffix'] as const;
export type NamePartKey = (typeof NAME_PART_KEYS)[number];

export interface CardDetails {
  nameParts: Record<NamePartKey, string>;
  organizationName: string;
  title: string;
  role: string;
  units: string;
  emails: ValueList;
  phones: ValueList;
  websites: ValueList;
  anniversary: string;
  addresses: AddressRow[];
}

export const emptyCardDetails = (): CardDetails => ({
  nameParts: { prefix: '', given: '', additional: '', family: '', suffix: '' },
  organizationName: '',
  title: '',
  role: '',
  units: '',
  emails: { rows: [], preferred: 0 },
  phones: { rows: [], preferred: 0 },
  websites: { rows: [], preferred: 0 },
  anniversary: '',
  addresses: [],
});

/** Departments as typed: one a line, or separated by commas or semicolons. */
export const unitsOf = (text: string): string[] =>
  text
    .split(/[\n,;]+/)
    .map((unit) => unit.trim())
    .filter(Boolean);

/**
 * Adds the details to a draft that already holds what the page gave (its emails,
 * the suggestions the user ticked). A typed value goes after the page's, a typed
 * organization or title replaces a suggested one, and a value typed twice is kept
 * once. Returns a sentence when a date cannot be read.
 */
export function withCardDetails(draft: PartyDraft, details: CardDetails): PartyDraft | string {
  const anniversary = cardDateInput(details.anniversary);
  if (anniversary === undefined) return t('edit_anniversaryInvalid');
  const out: PartyDraft = { ...draft };
  if (anniversary) out.anniversary = anniversary;
  const parts: NonNullable<PartyDraft['nameParts']> = {};
  for (const key of NAME_PART_KEYS) {
    const value = details.nameParts[key].trim();
    if (value) parts[key] = value;
  }
  if (Object.keys(parts).length > 0) out.nameParts = parts;
  for (const key of ['organizationName', 'title', 'role'] as const) {
    const value = details[key].trim();
    if (value) out[key] = value;
  }
  const units = unitsOf(details.units);
  if (units.length > 0) out.organizationUnits = units;

  const emails = valuesOfRows(details.emails.rows, details.emails.preferred);
  out.emails = merged(draft.emails ?? [], emails.values);
  if (emails.labels.length > 0) out.emailLabels = emails.labels;
  const phones = valuesOfRows(details.phones.rows, details.phones.preferred);
  out.phones = merged(draft.phones ?? [], phones.values);
  if (phones.labels.length > 0) out.phoneLabels = phones.labels;
  const websites = valuesOfRows(details.websites.rows, details.websites.preferred);
  const allSites = merged(draft.website ? [draft.website] : [], websites.values);
  const [website, ...more] = allSites;
  if (website) out.website = website;
  if (more.length > 0) out.moreWebsites = more;
  if (websites.labels.length > 0) out.websiteLabels = websites.labels;
  const addresses = addressesOfRows(details.addresses);
  if (addresses.length > 0) out.addresses = addresses;
  return out;
}

const merged = (first: readonly string[], then: readonly string[]) => [
  ...new Set([...first, ...then]),
];
