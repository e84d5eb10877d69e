import type { Party } from '../domain';
import type { GetDb } from './open';
import {
  bucketOf,
  SearchBucketSchema,
  toSearchRow,
  type SearchBucket,
  type SearchRow,
} from './search-row';

/** Any read-write transaction that includes the searchBuckets store. */
interface ProjectionTx {
  objectStore(name: 'searchBuckets'): {
    get(key: number): Promise<SearchBucket | undefined>;
    put(value: SearchBucket): Promise<unknown>;
  };
}

/** Puts a party's row into its bucket, inside the caller's write transaction. */
export async function projectParty(tx: ProjectionTx, party: Party): Promise<void> {
  const store = tx.objectStore('searchBuckets');
  const bucket = bucketOf(party.id);
  const current = (await store.get(bucket)) ?? { bucket, rows: {} };
  current.rows[party.id] = toSearchRow(party);
  await store.put(current);
}

/** Removes a party's row, inside the caller's write transaction. */
export async function unprojectParty(tx: ProjectionTx, partyId: string): Promise<void> {
  const store = tx.objectStore('searchBuckets');
  const bucket = bucketOf(partyId);
  const current = await store.get(bucket);
  if (!current || !(partyId in current.rows)) return;
  delete current.rows[partyId];
  await store.put(current);
}

/** Every row of the projection, for the popup's search. */
export async function readSearchRows(getDb: GetDb): Promise<SearchRow[]> {
  const db = await getDb();
  const buckets = await db.getAll('searchBuckets');
  return buckets.flatMap((bucket) => Object.values(SearchBucketSchema.parse(bucket).rows));
}
