// Shared by the structured-data detectors (JSON-LD, microdata, microformats). No zod:
// the content script uses this module and must stay small.
import { normalizeEmail } from '../domain/email';
import { safeDecode } from './safe-decode';
import type { DetectorSource, Finding } from './types';

/** What one structured item says about a contact, before it becomes findings. */
export interface ContactRecord {
  name?: string | undefined;
  /** Raw: `mailto:` prefixes and percent-encoding are handled here. */
  emails: string[];
  /** Raw: `tel:` prefixes are handled here. */
  phones: string[];
  organization?: string | undefined;
  title?: string | undefined;
  website?: string | undefined;
}

/** More than this many addresses or phones on one item is not a person's. */
const MAX_VALUES = 20;

/**
 * One finding per address, each carrying every phone (so the merge joins them through
 * a shared phone), or a single phone-only finding. Nothing without an email or phone.
 */
export function recordFindings(
  record: ContactRecord,
  source: DetectorSource,
  confidence: number,
): Finding[] {
  const emails = unique(record.emails.map(cleanEmail));
  const phones = unique(record.phones.map(cleanPhone));
  if (emails.length === 0 && phones.length === 0) return [];
  const base: Finding = { source, confidence };
  if (record.name) base.name = record.name;
  if (record.organization) base.organization = record.organization;
  if (record.title) base.title = record.title;
  if (record.website) base.website = record.website;
  if (phones.length > 0) base.phones = phones;
  return emails.length === 0 ? [base] : emails.map((email) => ({ ...base, email }));
}

function unique(values: (string | undefined)[]): string[] {
  const kept = new Set<string>();
  for (const value of values) if (value) kept.add(value);
  return [...kept].slice(0, MAX_VALUES);
}

function cleanEmail(raw: string): string | undefined {
  const address = safeDecode(
    raw
      .trim()
      .replace(/^mailto:/i, '')
      .split('?')[0] ?? '',
  );
  return normalizeEmail(address) ?? undefined;
}

/** A phone as written: `tel:` and extra whitespace gone; it must have a digit. */
export function cleanPhone(raw: string): string | undefined {
  const phone = safeDecode(raw.trim().replace(/^tel:/i, '')).replace(/\s+/g, ' ').trim();
  return phone.length <= 40 && /\d/.test(phone) ? phone : undefined;
}

/** Whitespace collapsed; nothing for empty text or text too long to be a name or title. */
export function cleanText(raw: string | null | undefined, max = 200): string | undefined {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  return text && text.length <= max ? text : undefined;
}

/** An absolute http(s) URL, or nothing. */
export function cleanUrl(raw: string | null | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function joinName(given?: string, family?: string): string | undefined {
  return cleanText([given, family].filter(Boolean).join(' '));
}

export type SchemaKind = 'person' | 'organization' | 'contact-point';

/** Properties that make a person a member of an organization (JSON-LD and microdata). */
export const MEMBERS = new Set([
  'employee',
  'employees',
  'member',
  'members',
  'founder',
  'founders',
]);
/** Properties that name a person's organization. */
export const AFFILIATIONS = ['worksFor', 'affiliation', 'memberOf'];

/** `schema:`, `http://schema.org/` and `https://schema.org/` before a type or property. */
export const SCHEMA_PREFIX = /^(?:https?:\/\/(?:www\.)?schema\.org\/|schema:)/i;

/**
 * What a schema.org type (or list of types, prefixed or not) makes an item, if a
 * contact. Every type but a person and a contact point is read as an organization:
 * LocalBusiness and its hundreds of subtypes, Airport, TrainStation, Place,
 * TouristAttraction… — whatever carries an `email` or `telephone` is a place to reach
 * (an item without either gives no contact), but for the kinds of thing in
 * NOT_REACHABLE.
 */
export function schemaKind(types: readonly string[]): SchemaKind | undefined {
  const names = types.map((type) => type.trim().replace(SCHEMA_PREFIX, '').toLowerCase());
  if (names.includes('person')) return 'person';
  if (names.includes('contactpoint')) return 'contact-point';
  return names.some((name) => /^[a-z][a-z0-9]*$/.test(name) && !NOT_REACHABLE.test(name))
    ? 'organization'
    : undefined;
}

// Things, works, events and values: their `email` is someone else's (a seller's, an
// RSVP desk's, a reviewer's), given by the organization or person nested in them.
const NOT_REACHABLE =
  /^(?:thing|product\w*|\w*offer|service|\w*event|\w*review|\w*rating|web\w*|\w*article|blogposting|\w*creativework|\w*list|listitem|postaladdress|geo\w*|\w*object|(?!\w*attraction)\w*action|howto\w*|faqpage|question|answer|recipe|book|movie|propertyvalue|quantitativevalue|monetaryamount|\w*specification)$/;
