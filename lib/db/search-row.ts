import { z } from 'zod';
import { foldText, PartyTypeSchema, RelationshipKindSchema, type Party } from '../domain';
import {
  akaIn,
  BucketColumns,
  KIND_LETTERS,
  TYPE_LETTERS,
  META_KEY,
  NEVER,
  ROW_BREAK,
  SEARCH_BUCKETS,
  SHOW_OFFSET,
  STALE_KEY,
  type FindPart,
  type ProjectedRow,
  type ShowPart,
} from '../search/projection-format';
import { lazy } from '../domain/lazy';

export {
  bucketOf,
  META_KEY,
  SEARCH_BUCKETS,
  SHOW_OFFSET,
  STALE_KEY,
} from '../search/projection-format';

/**
 * One party as search needs it: a few hundred bytes instead of the whole record.
 * `text` is the folded name, organization, other names and addresses; `aka` the
 * nickname and cities it is also found by (folded). This is the shape
 * `search/rows` answers with; the store keeps rows packed by bucket (below).
 */
export const SearchRowSchema = lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    kind: RelationshipKindSchema,
    type: PartyTypeSchema,
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    organization: z.string().optional(),
    aka: z.string().optional(),
    lastInteractionAt: z.number().optional(),
    text: z.string(),
  }),
);
export type SearchRow = z.infer<typeof SearchRowSchema>;

/*
 * The stored parts (lib/search/projection-format.ts), as the background parses them:
 * every column, and that the columns of a bucket agree on how many rows it holds.
 */
const inRange = (from: number) =>
  z
    .number()
    .int()
    .min(from)
    .max(from + SEARCH_BUCKETS - 1);
/**
 * One or more lines, each of three tab-separated fields, or four when the row has an
 * `aka` (a nickname, cities: haystackOf, schema version 3); checked without splitting.
 */
const FIND_TEXT =
  /^[^\t\n]*\t[^\t\n]*\t(?:[^\t\n]*\t)?[^\t\n]*(?:\n[^\t\n]*\t[^\t\n]*\t(?:[^\t\n]*\t)?[^\t\n]*)*$/;
const lineCount = (text: string) => {
  let count = 1;
  for (let at = text.indexOf(ROW_BREAK); at >= 0; at = text.indexOf(ROW_BREAK, at + 1)) count++;
  return count;
};

export const FindPartSchema = lazy(
  () =>
    z
      .object({
        bucket: inRange(0),
        stamp: z.string(),
        text: z.string(),
        last: z.instanceof(Float64Array),
      })
      .refine(
        ({ text, last }) =>
          last.length === 0 ? text === '' : lineCount(text) === last.length && FIND_TEXT.test(text),
        { message: 'the columns of a find part disagree on its rows' },
      ) satisfies z.ZodType<FindPart>,
);

export const ShowPartSchema = lazy(
  () =>
    z
      .object({
        bucket: inRange(SHOW_OFFSET),
        stamp: z.string(),
        ids: z.array(z.string()),
        names: z.array(z.string()),
        kinds: z.string().regex(letters(KIND_LETTERS)),
        types: z.string().regex(letters(TYPE_LETTERS)),
        orgs: z.array(z.string()),
        emails: z.array(z.string()),
        phones: z.array(z.string()),
      })
      .refine(
        (part) =>
          [part.names, part.kinds, part.types, part.orgs, part.emails, part.phones].every(
            (column) => column.length === part.ids.length,
          ),
        { message: 'the columns of a show part disagree on its rows' },
      ) satisfies z.ZodType<ShowPart>,
);

/** Only the letters of known kinds or types, one a row. */
function letters(table: Readonly<Record<string, string>>): RegExp {
  return new RegExp(`^[${Object.values(table).join('')}]*$`);
}

export const ProjectionMetaSchema = lazy(() =>
  z.object({ bucket: z.literal(META_KEY), stamp: z.string() }),
);
export const StaleMarkSchema = lazy(() =>
  z.object({ bucket: z.literal(STALE_KEY), since: z.number() }),
);

/** Any value of the `searchBuckets` store. */
export const SearchBucketSchema = lazy(() =>
  z.union([FindPartSchema, ShowPartSchema, ProjectionMetaSchema, StaleMarkSchema]),
);
export type SearchBucket = z.infer<typeof SearchBucketSchema>;

/**
 * Parses a bucket's two stored parts into its columns. They must be a pair written
 * together, with as many rows each; anything else throws (the projection is then
 * rebuilt from the parties, see search-projection.ts).
 */
export function parseBucket(bucket: number, find: unknown, show: unknown): BucketColumns {
  if (find === undefined && show === undefined) return new BucketColumns(bucket);
  const findPart = FindPartSchema.parse(find);
  const showPart = ShowPartSchema.parse(show);
  if (
    findPart.bucket !== bucket ||
    showPart.bucket !== SHOW_OFFSET + bucket ||
    findPart.stamp !== showPart.stamp ||
    showPart.ids.length !== findPart.last.length
  )
    throw new Error(`Search bucket ${bucket} is torn: its parts were not written together.`);
  return BucketColumns.unpack(findPart, showPart);
}

/** The party's row as the projection keeps it. */
export function projectedRow(party: Party): ProjectedRow {
  return {
    id: party.id,
    name: party.name,
    kind: party.kind,
    type: party.type,
    organization: party.organizationName,
    emails: party.emails,
    phones: party.phones,
    aka: akaOf(party),
    lastInteractionAt: party.lastInteractionAt,
  };
}

/** A party's nickname and the cities it has addresses in, for search (schema version 3). */
export function akaOf(party: Party): string {
  const words = [party.nickname ?? '', ...(party.addresses ?? []).map((a) => a.locality ?? '')];
  return [...new Set(words.filter((word) => word !== ''))].join(' ');
}

/** A bucket's rows in the shape `search/rows` answers with. */
export function rowsOf(columns: BucketColumns): SearchRow[] {
  const rows: SearchRow[] = [];
  for (let i = 0; i < columns.size; i++) {
    const emails = splitList(columns.emails[i]!);
    const organization = columns.orgs[i]!;
    // Carried so that a book made from these rows (SearchBook.fromRows) still finds a
    // nickname or a city: the popup's way when it cannot read the store itself.
    const aka = akaIn(columns.haystacks[i]!);
    const row: SearchRow = {
      id: columns.ids[i]!,
      name: columns.names[i]!,
      kind: columns.kinds[i] as SearchRow['kind'],
      type: columns.types[i] as SearchRow['type'],
      emails,
      phones: splitList(columns.phones[i]!),
      text: foldText([columns.names[i]!, organization, ...(aka ? [aka] : []), ...emails].join(' ')),
    };
    if (organization !== '') row.organization = organization;
    if (aka !== '') row.aka = aka;
    if (columns.last[i] !== NEVER) row.lastInteractionAt = columns.last[i]!;
    rows.push(row);
  }
  return rows;
}

const splitList = (text: string) => (text === '' ? [] : text.split(' '));
