import { openDB, type IDBPDatabase } from 'idb';
import { upgradeSchema } from './migrations';
import { DB_NAME, DB_VERSION, type ClienteleSchema } from './schema';

export type ClienteleDb = IDBPDatabase<ClienteleSchema>;
export type GetDb = () => Promise<ClienteleDb>;

/**
 * Returns a lazy, idempotent opener: every caller shares one connection, however
 * many ask at once, and a connection that closes (another context upgrading, the
 * browser shutting it) is dropped so the next call opens afresh. The service
 * worker can be stopped at any time, so nothing here assumes it was opened before.
 */
export function createDbOpener(name: string = DB_NAME): GetDb {
  let pending: Promise<ClienteleDb> | undefined;
  const forget = () => {
    pending = undefined;
  };
  return () => {
    pending ??= openDB<ClienteleSchema>(name, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => upgradeSchema(db, oldVersion, tx),
      // A newer version elsewhere wants to upgrade: step aside instead of blocking it forever.
      blocking: (_current, _next, event) => {
        (event.target as IDBDatabase).close();
        forget();
      },
      terminated: forget,
    }).catch((error: unknown) => {
      forget();
      throw error;
    });
    return pending;
  };
}
