import { phoneKey } from './contacts-from-findings';
import type { Finding } from './types';

/** A contact as merged (`DetectedContact`), or as the background receives one. */
interface Contact {
  name?: string;
  emails: string[];
  phones: string[];
  organization?: string;
  title?: string;
  website?: string;
  role?: string;
  sources: string[];
  confidence: number;
}

const ROLE_RANK: Record<string, number> = { quoted: 1, signature: 2 };

/**
 * Adds signatures read in the background to the contacts a page reported, with the
 * rules of contacts-from-findings.ts: a signature joins every contact that shares its
 * address or a phone's last ten digits (so a `Tel:` phone of the signer's is not a
 * phone-only contact of its own), fills the fields they lack (a header's name and
 * anything surer are kept), and raises their confidence once. A signature that
 * joins nobody is a contact of its own.
 */
export function addSignatures<C extends Contact>(
  contacts: readonly C[],
  signatures: readonly Finding[],
): C[] {
  let merged = [...contacts];
  for (const signature of signatures) {
    const keys = new Set((signature.phones ?? []).map(phoneKey).filter((key) => key.length >= 6));
    const joins = (contact: C) =>
      (signature.email !== undefined && contact.emails.includes(signature.email)) ||
      contact.phones.some((phone) => keys.has(phoneKey(phone)));
    const at = merged.findIndex(joins);
    const contact = merged.filter(joins).reduce(absorb, blank<C>());
    merged = merged.filter((other) => !joins(other));
    merged.splice(at < 0 ? merged.length : at, 0, withSignature(contact, signature));
  }
  return merged;
}

function blank<C extends Contact>(): C {
  return { emails: [], phones: [], sources: [], confidence: 0 } as unknown as C;
}

/** Joins two contacts into the first: its fields win, the other's fill what it lacks. */
function absorb<C extends Contact>(into: C, other: C): C {
  const joined = { ...other, ...definedOf(into) };
  joined.emails = unique([...into.emails, ...other.emails]);
  joined.phones = uniquePhones([...into.phones, ...other.phones]);
  joined.sources = unique([...into.sources, ...other.sources]);
  joined.confidence = Math.max(into.confidence, other.confidence);
  return joined;
}

function withSignature<C extends Contact>(contact: C, signature: Finding): C {
  const joined: C = { ...contact };
  for (const key of ['name', 'organization', 'title', 'website'] as const)
    if (!joined[key] && signature[key]) joined[key] = signature[key];
  if (signature.email) joined.emails = unique([...joined.emails, signature.email]);
  joined.phones = uniquePhones([...joined.phones, ...(signature.phones ?? [])]);
  if (!joined.sources.includes('signature')) {
    joined.sources = [...joined.sources, 'signature'];
    joined.confidence = 1 - (1 - joined.confidence) * (1 - signature.confidence);
  }
  if (!joined.role || (ROLE_RANK[joined.role] ?? 9) < ROLE_RANK.signature!)
    joined.role = 'signature';
  return joined;
}

function definedOf<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function uniquePhones(phones: string[]): string[] {
  const seen = new Set<string>();
  return phones.filter((phone) => {
    const key = phoneKey(phone);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
