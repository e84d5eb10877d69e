import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type ClienteleSchema } from '../db/schema';
import { SEARCH_BUCKETS, SHOW_OFFSET, STALE_KEY } from './projection-format';
import { BookChanged, SearchBook } from './search-book';

/**
 * Reads the search projection straight from IndexedDB in an extension page (the
 * popup, the side panel): the same origin as the background, so the first answer
 * needs neither the service worker awake nor 10 MB through runtime messaging. Only
 * reads: the background stays the only writer, and the only one that creates or
 * upgrades the database. Null whenever this page should ask the background instead:
 * no database yet, one at another version, a projection marked stale, or a part
 * that is not what this build writes.
 */
export async function readProjection(name: string = DB_NAME): Promise<SearchBook | null> {
  let db: IDBPDatabase<ClienteleSchema> | undefined;
  try {
    db = await openDB<ClienteleSchema>(name, undefined, {
      // There is no database yet: leave creating it to the background.
      upgrade: (_db, _old, _new, tx) => {
        tx.done.catch(() => undefined);
        tx.abort();
      },
      // The background wants to upgrade: step aside (what is left to read is asked of it).
      blocking: () => db?.close(),
    });
  } catch {
    return null;
  }
  const connection = db;
  try {
    if (connection.version !== DB_VERSION) throw new Error('another version');
    const tx = connection.transaction('searchBuckets', 'readonly');
    const [finds, stale] = await Promise.all([
      tx.store.getAll(IDBKeyRange.bound(0, SEARCH_BUCKETS - 1)),
      tx.store.getKey(STALE_KEY),
    ]);
    const book =
      stale === undefined
        ? SearchBook.fromParts(finds, {
            load: async (buckets) => {
              try {
                const store = connection.transaction('searchBuckets', 'readonly').store;
                return await (buckets
                  ? Promise.all(buckets.map((bucket) => store.get(SHOW_OFFSET + bucket)))
                  : store.getAll(IDBKeyRange.bound(SHOW_OFFSET, SHOW_OFFSET + SEARCH_BUCKETS - 1)));
              } catch {
                // The connection was given up for an upgrade: read afresh.
                throw new BookChanged();
              }
            },
            close: () => connection.close(),
          })
        : null;
    if (!book) connection.close();
    return book;
  } catch {
    connection.close();
    return null;
  }
}
