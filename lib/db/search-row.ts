import { z } from 'zod';
import { foldText, PartyTypeSchema, RelationshipKindSchema, type Party } from '../domain';

/**
 * One party as search needs it: a few hundred bytes instead of the whole record.
 * `text` is the folded haystack the popup matches against.
 */
export const SearchRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: RelationshipKindSchema,
  type: PartyTypeSchema,
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  organization: z.string().optional(),
  lastInteractionAt: z.number().optional(),
  text: z.string(),
});
export type SearchRow = z.infer<typeof SearchRowSchema>;

/**
 * The projection is split into a fixed number of buckets, each stored as one value.
 * Reading all of them is a handful of reads (one value reads ~30× faster than
 * 50,000 records), while a write rewrites only the ~1/64 of rows in its bucket.
 */
export const SearchBucketSchema = z.object({
  bucket: z.number().int(),
  rows: z.record(z.string(), SearchRowSchema),
});
export type SearchBucket = z.infer<typeof SearchBucketSchema>;

export const SEARCH_BUCKETS = 64;

/** FNV-1a over the id: stable across versions, spread evenly for random UUIDs. */
export function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SEARCH_BUCKETS;
}

export function toSearchRow(party: Party): SearchRow {
  const row: SearchRow = {
    id: party.id,
    name: party.name,
    kind: party.kind,
    type: party.type,
    emails: party.emails,
    phones: party.phones,
    text: foldText([party.name, party.organizationName ?? '', ...party.emails].join(' ')),
  };
  if (party.organizationName) row.organization = party.organizationName;
  if (party.lastInteractionAt !== undefined) row.lastInteractionAt = party.lastInteractionAt;
  return row;
}
