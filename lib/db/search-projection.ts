import { PartySchema, type Party } from '../domain';
import {
  BucketColumns,
  bucketOf,
  isFindKey,
  isShowKey,
  META_KEY,
  SEARCH_BUCKETS,
  SHOW_OFFSET,
  STALE_KEY,
  type SearchPart,
} from '../search/projection-format';
import type { GetDb } from './open';
import { parseBucket, projectedRow, rowsOf, type SearchRow } from './search-row';

/*
 * The search projection (format: lib/search/projection-format.ts) is written in the
 * same transaction as the parties it projects, by the background only: it is never
 * behind the parties store. Should a writer find a bucket it cannot read, it starts
 * that bucket afresh and marks the projection stale; the next read rebuilds it.
 */

/** The projection's store, in any read-write transaction that includes it. */
export interface ProjectionStore {
  get(key: number): Promise<SearchPart | undefined>;
  put(value: SearchPart): Promise<unknown>;
}

/** Any read-write transaction that includes the searchBuckets store. */
export interface ProjectionTx {
  objectStore(name: 'searchBuckets'): ProjectionStore;
}

/** The reads of the projection's store that take it whole (see readAllBuckets). */
export interface ProjectionReads {
  getKey(key: number): Promise<unknown>;
  getAll(range: IDBKeyRange): Promise<SearchPart[]>;
}

/** A fresh stamp for one write to the projection (see ProjectionMeta). */
export function newStamp(): string {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2));
  return `${high!.toString(36)}.${low!.toString(36)}`;
}

const ignore = () => undefined;

/**
 * Reads one bucket's parts into columns, inside the caller's write transaction. A
 * bucket that does not parse is started afresh and the projection marked stale,
 * so a damaged projection never stops a write from being saved.
 */
export async function readBucket(store: ProjectionStore, bucket: number): Promise<BucketColumns> {
  const [find, show] = await Promise.all([store.get(bucket), store.get(SHOW_OFFSET + bucket)]);
  try {
    return parseBucket(bucket, find, show);
  } catch (error) {
    console.warn(`Clientele: search bucket ${bucket} is unreadable; it will be rebuilt.`, error);
    store.put({ bucket: STALE_KEY, since: Date.now() }).catch(ignore);
    return new BucketColumns(bucket);
  }
}

/**
 * Writes buckets back under one new stamp, and that stamp as the projection's.
 * Unawaited puts: a failed one aborts the caller's transaction, which is what fails.
 */
export function writeBuckets(
  store: ProjectionStore,
  buckets: Iterable<BucketColumns>,
  stamp: string = newStamp(),
): string {
  for (const columns of buckets)
    for (const part of columns.pack(stamp)) store.put(part).catch(ignore);
  store.put({ bucket: META_KEY, stamp }).catch(ignore);
  return stamp;
}

/**
 * The stamp the projection was last written under (writeBuckets), or undefined. The
 * read is issued at once: a caller asks before its puts, which would otherwise go first.
 */
export function readStamp(store: ProjectionStore): Promise<string | undefined> {
  return store
    .get(META_KEY)
    .then((meta) => (meta !== undefined && 'stamp' in meta ? meta.stamp : undefined));
}

/**
 * Every bucket of the projection in three reads, inside the caller's transaction;
 * null when it is marked stale. Throws when a part does not parse: the caller then
 * reads the parties themselves.
 */
export async function readAllBuckets(store: ProjectionReads): Promise<BucketColumns[] | null> {
  const [stale, finds, shows] = await Promise.all([
    store.getKey(STALE_KEY),
    store.getAll(IDBKeyRange.bound(0, SEARCH_BUCKETS - 1)),
    store.getAll(IDBKeyRange.bound(SHOW_OFFSET, SHOW_OFFSET + SEARCH_BUCKETS - 1)),
  ]);
  if (stale !== undefined) return null;
  if (finds.length !== shows.length) throw new Error('a bucket has one part only');
  const showOf = new Map(shows.map((show) => [show.bucket, show]));
  return finds.map((find) => parseBucket(find.bucket, find, showOf.get(SHOW_OFFSET + find.bucket)));
}

/** Puts a party's row into its bucket, inside the caller's write transaction. */
export async function projectParty(tx: ProjectionTx, party: Party): Promise<void> {
  await projectParties(tx, [party]);
}

/** Puts many parties' rows, reading and writing each bucket they touch once. */
export async function projectParties(tx: ProjectionTx, parties: Iterable<Party>): Promise<void> {
  const store = tx.objectStore('searchBuckets');
  const byBucket = new Map<number, Party[]>();
  for (const party of parties) {
    const bucket = bucketOf(party.id);
    const rows = byBucket.get(bucket);
    if (rows) rows.push(party);
    else byBucket.set(bucket, [party]);
  }
  if (byBucket.size === 0) return;
  const buckets = await Promise.all([...byBucket.keys()].map((b) => readBucket(store, b)));
  for (const columns of buckets)
    for (const party of byBucket.get(columns.bucket)!) columns.set(projectedRow(party));
  writeBuckets(store, buckets);
}

/** Removes a party's row, inside the caller's write transaction. */
export async function unprojectParty(tx: ProjectionTx, partyId: string): Promise<void> {
  await unprojectParties(tx, [partyId]);
}

/** Removes many parties' rows, reading and writing each bucket they touch once. */
export async function unprojectParties(
  tx: ProjectionTx,
  partyIds: Iterable<string>,
): Promise<void> {
  const store = tx.objectStore('searchBuckets');
  const byBucket = new Map<number, string[]>();
  for (const id of partyIds) {
    const bucket = bucketOf(id);
    const ids = byBucket.get(bucket);
    if (ids) ids.push(id);
    else byBucket.set(bucket, [id]);
  }
  const buckets = await Promise.all([...byBucket.keys()].map((b) => readBucket(store, b)));
  const changed = buckets.filter((columns) =>
    byBucket.get(columns.bucket)!.reduce((any, id) => columns.remove(id) || any, false),
  );
  if (changed.length > 0) writeBuckets(store, changed);
}

/** The projection of these parties, as whole buckets. */
export function bucketsOf(parties: Iterable<Party>): BucketColumns[] {
  const buckets = new Map<number, BucketColumns>();
  for (const party of parties) {
    const bucket = bucketOf(party.id);
    let columns = buckets.get(bucket);
    if (!columns) buckets.set(bucket, (columns = new BucketColumns(bucket)));
    columns.set(projectedRow(party));
  }
  return [...buckets.values()];
}

/**
 * Replaces the whole projection with these parties' rows (a restore, a rebuild, a
 * migration), inside the caller's transaction; the stale mark goes with the rest.
 */
export async function replaceProjection(
  store: ProjectionStore & { clear(): Promise<unknown> },
  parties: Iterable<Party>,
): Promise<BucketColumns[]> {
  await store.clear();
  const buckets = bucketsOf(parties);
  writeBuckets(store, buckets);
  return buckets;
}

/**
 * Every row of the projection, for `search/rows` (the popup reads the store itself
 * and asks this only when it cannot). A projection marked stale, or one that does
 * not parse, is rebuilt from the parties first.
 */
export async function readSearchRows(getDb: GetDb): Promise<SearchRow[]> {
  const db = await getDb();
  const parts = new Map<number, SearchPart>();
  for (const part of await db.getAll('searchBuckets')) parts.set(part.bucket, part);
  if (!parts.has(STALE_KEY)) {
    try {
      return bucketKeys(parts).flatMap((bucket) =>
        rowsOf(parseBucket(bucket, parts.get(bucket), parts.get(SHOW_OFFSET + bucket))),
      );
    } catch (error) {
      console.warn('Clientele: the search projection is unreadable and is rebuilt.', error);
    }
  }
  return (await rebuildProjection(getDb)).flatMap(rowsOf);
}

/** The buckets that have either part stored. */
function bucketKeys(parts: Map<number, SearchPart>): number[] {
  const buckets = new Set<number>();
  for (const key of parts.keys()) {
    if (isFindKey(key)) buckets.add(key);
    else if (isShowKey(key)) buckets.add(key - SHOW_OFFSET);
  }
  return [...buckets].sort((a, b) => a - b);
}

/** Rebuilds the projection from the parties store, in one transaction. */
async function rebuildProjection(getDb: GetDb): Promise<BucketColumns[]> {
  const db = await getDb();
  const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite', { durability: 'strict' });
  const parties = validParties(await tx.objectStore('parties').getAll());
  const buckets = await replaceProjection(tx.objectStore('searchBuckets'), parties);
  await tx.done;
  return buckets;
}

/** Stored parties that parse; one that does not is left out of search, and said so. */
export function validParties(stored: readonly unknown[]): Party[] {
  const parties: Party[] = [];
  for (const value of stored) {
    const parsed = PartySchema.safeParse(value);
    if (parsed.success) parties.push(parsed.data);
    else console.warn('Clientele: a stored party does not parse and is not searchable.', value);
  }
  return parties;
}
