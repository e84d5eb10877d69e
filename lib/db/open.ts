import { openDB, unwrap, type IDBPDatabase } from 'idb';
import { captureChanges } from './outbox-capture';
import { upgradeSchema } from './migrations';
import { DB_NAME, DB_VERSION, type ClienteleSchema } from './schema';
import { openFailure, STORAGE_BLOCKED_MESSAGE, StorageTrouble } from './storage-trouble';

export type ClienteleDb = IDBPDatabase<ClienteleSchema>;
export type GetDb = () => Promise<ClienteleDb>;

export interface OpenOptions {
  /** The schema version to open at: this build's, unless a test plays a newer build. */
  version?: number;
  /**
   * How long an upgrade waits for an older connection that does not step aside
   * before the caller is told so. The open itself keeps waiting in the background
   * and completes once that connection closes.
   */
  blockedGraceMs?: number;
}

const BLOCKED_GRACE_MS = 4000;

/**
 * Returns a lazy, idempotent opener: every caller shares one connection, however
 * many ask at once, and a connection that closes (another context upgrading, the
 * browser shutting it) is dropped so the next call opens afresh. The service
 * worker can be stopped at any time, so nothing here assumes it was opened before.
 *
 * A failed open is never cached, and it reaches the caller as storage trouble
 * (storage-trouble.ts) the user can be told about, not as a bare DOMException.
 */
export function createDbOpener(name: string = DB_NAME, options: OpenOptions = {}): GetDb {
  const version = options.version ?? DB_VERSION;
  const graceMs = options.blockedGraceMs ?? BLOCKED_GRACE_MS;
  let pending: { connection?: Promise<ClienteleDb> } | undefined;
  return () => {
    if (pending?.connection) return pending.connection;
    const attempt: { connection?: Promise<ClienteleDb> } = {};
    pending = attempt;
    attempt.connection = openConnection(name, version, graceMs, () => {
      // Only this attempt's own connection may clear the cache, never a later one's.
      if (pending === attempt) pending = undefined;
    });
    return attempt.connection;
  };
}

function openConnection(
  name: string,
  version: number,
  graceMs: number,
  forget: () => void,
): Promise<ClienteleDb> {
  return new Promise<ClienteleDb>((resolve, reject) => {
    let gaveUp = false;
    let waiting: ReturnType<typeof setTimeout> | undefined;
    const fail = (error: Error) => {
      clearTimeout(waiting);
      forget();
      reject(error);
    };
    let opened: Promise<ClienteleDb>;
    try {
      opened = openDB<ClienteleSchema>(name, version, {
        upgrade: (db, oldVersion, _newVersion, tx) => upgradeSchema(db, oldVersion, tx),
        // A newer version elsewhere wants to upgrade: step aside instead of blocking it forever.
        blocking: (_current, _next, event) => {
          (event.target as IDBDatabase).close();
          forget();
        },
        terminated: forget,
        // An older connection elsewhere did not step aside for our upgrade. Waiting is
        // all we can do, but the user hears why instead of watching a request hang.
        blocked: () => {
          waiting ??= setTimeout(() => {
            gaveUp = true;
            fail(new StorageTrouble('storage_unavailable', STORAGE_BLOCKED_MESSAGE));
          }, graceMs);
        },
      });
    } catch (error) {
      // No IndexedDB at all, or `open` refused outright (a SecurityError).
      fail(openFailure(error));
      return;
    }
    opened.then(
      (db) => {
        clearTimeout(waiting);
        // Too late for the caller that gave up: the next call opens its own.
        if (gaveUp) db.close();
        else {
          // Every change to a synced record queues it in the same transaction.
          captureChanges(unwrap(db));
          resolve(db);
        }
      },
      (error: unknown) => {
        if (!gaveUp) fail(openFailure(error));
      },
    );
  });
}
