// Over 300 lines: the projection's stored layout (keys, rows, buckets) is written and
// read here alone, so a change to one side of the format cannot miss the other.
import { foldText } from '../domain/fold';
import { spellLatin } from './latin';

/*
 * The search projection as it is stored: per bucket of parties, two values in the
 * `searchBuckets` store, each a few columns rather than one object per row. What a
 * query reads is one string and one typed array per bucket, which the browser
 * clones as blocks: 50,000 rows read in ~20 ms, where one object per row took
 * ~800. No zod here: the popup reads these values itself (read-projection.ts) and
 * checks them per bucket; the background parses them with zod (lib/db/search-row.ts).
 * Writer and reader of this format stay in one file (a little over 300 lines) so that
 * they cannot drift apart.
 *
 * - The *find* part (key = bucket) is what a query by name, organization or address
 *   reads: every row's haystack and last contact, and nothing else, as it is read
 *   before the popup's first answer.
 * - The *show* part (key = SHOW_OFFSET + bucket) is what a result shows: id, name,
 *   kind, organization and addresses, and the phones a query by number reads. The
 *   popup reads it for the buckets its first results are in, then the rest while
 *   the user types.
 * Row `i` of a bucket is row `i` of both parts; both carry the stamp of the write
 * that made them, so a reader can tell a pair written together from a torn one.
 */

/**
 * Buckets of the projection; a single write rewrites the one its party is in.
 * Few and large on purpose: reading a value costs ~0.1 ms besides its bytes, so
 * 256 buckets took the popup twice as long to read as 64 (bench/search-bench.ts).
 */
export const SEARCH_BUCKETS = 64;
/** The show part of bucket `b` is stored under `SHOW_OFFSET + b`. */
export const SHOW_OFFSET = SEARCH_BUCKETS;
/** One value with the stamp of the last write to the projection (see ProjectionMeta). */
export const META_KEY = 128; // = SHOW_OFFSET + SEARCH_BUCKETS
/** Present while the projection is known to be incomplete (see StaleMark). */
export const STALE_KEY = 129;
/** Separates rows in the find part's text; folded text never holds one. */
export const ROW_BREAK = '\n';
/** Separates the haystack's fields (name, organization, addresses); folding removes any. */
export const FIELD_BREAK = '\t';
/** A row with no last contact keeps this in `last`. */
export const NEVER = -1;

export interface FindPart {
  bucket: number;
  stamp: string;
  /** One line per row: name, organization and addresses, folded for matching, tab-separated. */
  text: string;
  /** Each row's last interaction (epoch ms), or NEVER. */
  last: Float64Array;
}

export interface ShowPart {
  bucket: number;
  stamp: string;
  ids: string[];
  names: string[];
  /** One letter a row: its kind (KIND_LETTERS). */
  kinds: string;
  /** One letter a row: its type (TYPE_LETTERS). */
  types: string;
  /** The organization's name, or '' for none. */
  orgs: string[];
  /**
   * The row's addresses, separated by spaces — or '' when they read exactly as the
   * haystack's last field does (nearly always: addresses are stored in lower case),
   * which saves storing them twice.
   */
  emails: string[];
  /** The row's phones in E.164, separated by spaces. */
  phones: string[];
}

/**
 * Changes with every write to the projection. A bulk import keeps what it learnt
 * from the projection (which addresses and phones are on file) between chunks for
 * as long as the stamp it wrote last is still the one stored.
 */
export interface ProjectionMeta {
  bucket: typeof META_KEY;
  stamp: string;
}

/**
 * Written when a writer found a bucket it could not read and had to start it
 * afresh: search would miss rows until the projection is rebuilt from the parties,
 * which the background does the next time it is asked for rows (and the popup,
 * seeing this, asks it).
 */
export interface StaleMark {
  bucket: typeof STALE_KEY;
  since: number;
}

export type SearchPart = FindPart | ShowPart | ProjectionMeta | StaleMark;

/** The relationship kinds and party types, one letter each in a show part. */
export const KIND_LETTERS: Readonly<Record<string, string>> = {
  prospect: 'p',
  customer: 'u',
  client: 'c',
  former: 'f',
};
export const TYPE_LETTERS: Readonly<Record<string, string>> = { person: 'p', organization: 'o' };
const KIND_OF_LETTER = invert(KIND_LETTERS);
const TYPE_OF_LETTER = invert(TYPE_LETTERS);
const KINDS_TEXT = /^[pucf]*$/;
const TYPES_TEXT = /^[po]*$/;

function invert(letters: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(letters).map(([name, letter]) => [letter, name]));
}

function letterOf(letters: Readonly<Record<string, string>>, name: string): string {
  const letter = letters[name];
  if (letter === undefined) throw new TypeError(`“${name}” has no letter in the projection.`);
  return letter;
}

/** The kind and type of a show part's row `at`. */
export const kindAt = (show: ShowPart, at: number) => KIND_OF_LETTER[show.kinds[at]!]!;
export const typeAt = (show: ShowPart, at: number) => TYPE_OF_LETTER[show.types[at]!]!;

/** A row's addresses, from its show part's column and its haystack. */
export function emailsOf(stored: string, haystack: string): string {
  return stored !== '' ? stored : haystack.slice(haystack.lastIndexOf(FIELD_BREAK) + 1);
}

export const isFindKey = (key: number) => key >= 0 && key < SEARCH_BUCKETS;
export const isShowKey = (key: number) => key >= SHOW_OFFSET && key < SHOW_OFFSET + SEARCH_BUCKETS;

const HEX = /^[0-9a-f]{2}/;

/**
 * The bucket of a party id: for a UUID (every id Clientele makes), its first six
 * bits, so a bulk import can give a chunk's new parties ids in one bucket and write
 * that bucket once; for any other id (a restored backup may hold anything), FNV-1a.
 */
export function bucketOf(id: string): number {
  if (HEX.test(id)) return parseInt(id.slice(0, 2), 16) >> 2;
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SEARCH_BUCKETS;
}

/** A first byte for a UUID in `bucket` (the inverse of bucketOf), from a random byte. */
export function firstByteIn(bucket: number, random: number): number {
  return (bucket << 2) | (random & 3);
}

/**
 * What search matches a row against: each field folded and spelled like a query.
 * `aka` (a nickname, the cities of its addresses) sits between the organization and
 * the addresses, and only when there is one: the addresses stay last (emailsOf reads
 * them from there) and a row without it is packed as before version 3.
 */
export function haystackOf(
  name: string,
  organization: string,
  emails: readonly string[],
  aka = '',
): string {
  const also = aka.trim() === '' ? '' : `${fold(aka)}${FIELD_BREAK}`;
  return `${fold(name)}${FIELD_BREAK}${fold(organization)}${FIELD_BREAK}${also}${fold(emails.join(' '))}`;
}

const PRINTABLE_ASCII = /^[ -~]*$/;

/** foldText then spellLatin; plain ASCII (most text) only needs lower case and spaces. */
function fold(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/ {2,}/g, ' ').trim();
  return spellLatin(foldText(text));
}

/** A haystack's `aka` (nickname, cities; folded), or '' when it has none (haystackOf). */
export function akaIn(haystack: string): string {
  const fields = haystack.split(FIELD_BREAK);
  return fields.length === 4 ? fields[2]! : '';
}

/** Where a haystack's name ends and its organization lies. */
export function fieldsOf(haystack: string): { nameEnd: number; orgStart: number; orgEnd: number } {
  const nameEnd = haystack.indexOf(FIELD_BREAK);
  if (nameEnd < 0)
    return { nameEnd: haystack.length, orgStart: haystack.length, orgEnd: haystack.length };
  const orgEnd = haystack.indexOf(FIELD_BREAK, nameEnd + 1);
  return { nameEnd, orgStart: nameEnd + 1, orgEnd: orgEnd < 0 ? haystack.length : orgEnd };
}

/** The lines of a find part's `text`: none for an empty bucket. */
export function linesOf(packed: string, count: number): string[] {
  return count === 0 ? [] : packed.split(ROW_BREAK);
}

/**
 * A cheap check of a find part read back from storage: the right shapes. Whether
 * it holds a line per row is seen when its text is split (SearchBook). The strings
 * need no other check: whatever they hold is only ever searched and shown as text.
 */
export function isFindPart(value: unknown, bucket: number): value is FindPart {
  if (typeof value !== 'object' || value === null) return false;
  const part = value as Partial<FindPart>;
  return (
    part.bucket === bucket &&
    typeof part.stamp === 'string' &&
    typeof part.text === 'string' &&
    part.last instanceof Float64Array
  );
}

/** The same for a show part, which must hold as many rows as its find part. */
export function isShowPart(value: unknown, bucket: number, count: number): value is ShowPart {
  if (typeof value !== 'object' || value === null) return false;
  const part = value as Partial<ShowPart>;
  if (part.bucket !== SHOW_OFFSET + bucket || typeof part.stamp !== 'string') return false;
  const { kinds, types } = part;
  if (typeof kinds !== 'string' || kinds.length !== count || !KINDS_TEXT.test(kinds)) return false;
  if (typeof types !== 'string' || types.length !== count || !TYPES_TEXT.test(types)) return false;
  const columns = [part.ids, part.names, part.orgs, part.emails, part.phones];
  return columns.every(
    (column) =>
      Array.isArray(column) &&
      column.length === count &&
      column.every((cell) => typeof cell === 'string'),
  );
}

/** One party as the projection holds it. */
export interface ProjectedRow {
  id: string;
  name: string;
  kind: string;
  type: string;
  organization?: string;
  emails: readonly string[];
  phones: readonly string[];
  /** Other words the row is found by: nickname, cities. */
  aka?: string;
  lastInteractionAt?: number;
}

/**
 * One bucket's rows as columns, for changing and packing again. A row that is not
 * changed keeps its packed haystack: rewriting a bucket folds only the new rows.
 */
export class BucketColumns {
  readonly ids: string[] = [];
  readonly names: string[] = [];
  readonly kinds: string[] = [];
  readonly types: string[] = [];
  readonly orgs: string[] = [];
  readonly emails: string[] = [];
  readonly haystacks: string[] = [];
  readonly last: number[] = [];
  readonly phones: string[] = [];

  /** Where each id is, once asked; dropped when a removal shifts the rows. */
  private positions: Map<string, number> | undefined;

  constructor(readonly bucket: number) {}

  /** The columns of a stored pair; the caller has checked both parts. */
  static unpack(find: FindPart, show: ShowPart): BucketColumns {
    const columns = new BucketColumns(find.bucket);
    const count = find.last.length;
    columns.ids.push(...show.ids);
    columns.names.push(...show.names);
    columns.haystacks.push(...linesOf(find.text, count));
    for (let at = 0; at < count; at++) {
      columns.kinds.push(kindAt(show, at));
      columns.types.push(typeAt(show, at));
      columns.emails.push(emailsOf(show.emails[at]!, columns.haystacks[at]!));
    }
    columns.orgs.push(...show.orgs);
    columns.phones.push(...show.phones);
    columns.last.push(...find.last);
    return columns;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Adds the row, or replaces the one with its id. */
  set(row: ProjectedRow): void {
    const positions = (this.positions ??= new Map(this.ids.map((id, at) => [id, at])));
    let at = positions.get(row.id);
    if (at === undefined) positions.set(row.id, (at = this.ids.length));
    const organization = row.organization ?? '';
    this.ids[at] = row.id;
    this.names[at] = row.name;
    this.kinds[at] = row.kind;
    this.types[at] = row.type;
    this.orgs[at] = organization;
    this.emails[at] = row.emails.join(' ');
    this.haystacks[at] = haystackOf(row.name, organization, row.emails, row.aka);
    this.last[at] = row.lastInteractionAt ?? NEVER;
    this.phones[at] = row.phones.join(' ');
  }

  /** Removes the row with this id; false when there is none. */
  remove(id: string): boolean {
    const at = this.ids.indexOf(id);
    if (at < 0) return false;
    this.positions = undefined;
    for (const column of [
      this.ids,
      this.names,
      this.kinds,
      this.types,
      this.orgs,
      this.emails,
      this.haystacks,
      this.last,
      this.phones,
    ] as unknown[][])
      column.splice(at, 1);
    return true;
  }

  /** The bucket's two parts; they share some of the columns' arrays, so pack last. */
  pack(stamp: string): [FindPart, ShowPart] {
    const emails = this.emails.map((joined, at) =>
      emailsOf('', this.haystacks[at]!) === joined ? '' : joined,
    );
    return [
      {
        bucket: this.bucket,
        stamp,
        text: this.haystacks.join(ROW_BREAK),
        last: Float64Array.from(this.last),
      },
      {
        bucket: SHOW_OFFSET + this.bucket,
        stamp,
        ids: this.ids,
        names: this.names,
        kinds: this.kinds.map((kind) => letterOf(KIND_LETTERS, kind)).join(''),
        types: this.types.map((type) => letterOf(TYPE_LETTERS, type)).join(''),
        orgs: this.orgs,
        emails,
        phones: this.phones,
      },
    ];
  }
}
