// Over 300 lines: the connection patch, the per-transaction notes and their batching
// share one transaction's life; the batch rules themselves are in lib/sync/outbox.ts.
import type { OutboxEntry, QueuedChange, RecordType } from '../sync/outbox';
import { batchOf, recordKey } from '../sync/outbox';

/**
 * The outbox is written in the same transaction as every change to a synced record,
 * by the connection itself rather than by each repository: a write path added later
 * (a new import, a new bulk action) cannot forget it. The native connection's
 * `transaction()` adds the `outbox` store to every read-write transaction over a
 * synced store, and that transaction's stores (their cursors included) note each
 * put, add, delete and clear. This patches instances of one connection only, never
 * the prototypes, and idb's wrappers call through to these instance methods.
 *
 * Engagements and purchases travel inside their party's card, so a change to one
 * queues its party; a party already queued for deletion stays so.
 *
 * Changes are gathered and written once the request that made the first of them
 * answers (the transaction is still active then, and every request issued in the
 * same run of code has been noted): a few as one entry per record, more as one
 * batch (`OutboxBatch`), so a bulk action of thousands costs one outbox write.
 */

const SOURCES: Record<string, RecordType> = {
  parties: 'party',
  interactions: 'interaction',
  followUps: 'followUp',
  engagements: 'party',
  purchases: 'party',
};
/** Stores whose records carry their own outbox entry (the rest queue their party). */
const OWN = new Set(['parties', 'interactions', 'followUps']);

const captured = new WeakSet<object>();
/** Transactions, and which of their stores, whose writes come from the server and queue nothing. */
const quiet = new WeakMap<IDBTransaction, Set<string>>();
/** Transactions that queued something, told once they commit. */
const announced = new WeakSet<IDBTransaction>();
let onQueued: (() => void) | undefined;
let lastSeq = 0;
/** Changes noted in a transaction and not yet written to its outbox. */
const gathered = new WeakMap<IDBTransaction, QueuedChange[]>();
/**
 * Up to this many changes gathered at once are written one entry each, as the sync
 * reads them; more become one batch, expanded when the sync next reads the outbox.
 */
const MAX_SINGLE_ENTRIES = 16;
/**
 * Whether an account is set up, as the sync service last read it. Until it has read
 * it (a worker just started) changes are queued, so that none made while sync is set
 * up is lost; once it is known to be off they are not: the first round after setup
 * queues the whole book anyway, and an outbox kept while off would only grow.
 */
let syncState: 'unknown' | 'on' | 'off' = 'unknown';

/**
 * Grows with every change, across worker restarts (it starts from the clock): the
 * first of `count` consecutive numbers, all taken.
 */
function nextSeqs(count = 1): number {
  const first = Math.max(Date.now() * 1000, lastSeq + 1);
  lastSeq = first + count - 1;
  return first;
}

/**
 * Whether an account is set up: changes are then queued (and a tombstone is kept
 * while the outbox holds one of its records). Off, nothing is queued.
 */
export function setSyncActive(active: boolean): void {
  syncState = active ? 'on' : 'off';
}

/** Calls `listener` after each committed transaction that queued a change (the sync's cue). */
export function whenChangesQueued(listener: (() => void) | undefined): void {
  onQueued = listener;
}

/** Writes to these stores of `tx` come from the server: they queue nothing. */
export function quietly(tx: IDBTransaction, stores: readonly string[]): void {
  quiet.set(tx, new Set(stores));
}

// Read at each call, never kept: tests (and IndexedDB shims) replace these methods.
/* eslint-disable @typescript-eslint/unbound-method -- each is called with .call(instance) */
const natives = {
  get transaction() {
    return IDBDatabase.prototype.transaction;
  },
  get objectStore() {
    return IDBTransaction.prototype.objectStore;
  },
  get put() {
    return IDBObjectStore.prototype.put;
  },
  get add() {
    return IDBObjectStore.prototype.add;
  },
  get delete() {
    return IDBObjectStore.prototype.delete;
  },
  get clear() {
    return IDBObjectStore.prototype.clear;
  },
  get get() {
    return IDBObjectStore.prototype.get;
  },
  get getAll() {
    return IDBObjectStore.prototype.getAll;
  },
  get openCursor() {
    return IDBObjectStore.prototype.openCursor;
  },
  get index() {
    return IDBObjectStore.prototype.index;
  },
  get indexOpenCursor() {
    return IDBIndex.prototype.openCursor;
  },
  get cursorUpdate() {
    return IDBCursor.prototype.update;
  },
  get cursorDelete() {
    return IDBCursor.prototype.delete;
  },
};
/* eslint-enable @typescript-eslint/unbound-method */
const native = () => natives;

/** Makes this connection queue every change to a synced record (see above). */
export function captureChanges(db: IDBDatabase): void {
  if (captured.has(db) || !db.objectStoreNames.contains('outbox')) return;
  captured.add(db);
  db.transaction = function (
    names: string | string[],
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ): IDBTransaction {
    const asked = [...new Set(typeof names === 'string' ? [names] : names)];
    if (mode !== 'readwrite' || !asked.some((name) => name in SOURCES))
      return native().transaction.call(this, names, mode, options);
    const scope = asked.includes('outbox') ? asked : [...asked, 'outbox'];
    const tx = native().transaction.call(this, scope, mode, options);
    // idb's `tx.store` and callers see the stores they asked for, not the outbox too.
    const shown = [...asked].sort();
    const visible = Object.assign(shown, {
      contains: (name: string) => asked.includes(name),
      item: (i: number) => shown[i] ?? null,
    });
    Object.defineProperty(tx, 'objectStoreNames', { value: visible });
    tx.objectStore = function (name: string) {
      const store = native().objectStore.call(this, name);
      if (name in SOURCES) captureStore(store, tx);
      return store;
    };
    return tx;
  };
}

function isQuiet(tx: IDBTransaction, store: string): boolean {
  return quiet.get(tx)?.has(store) ?? false;
}

/**
 * Queues `type:id` inside `tx`. A derived put never replaces a queued delete.
 * `made` is the request that made the change: the change is written when it answers
 * (with those noted meanwhile). Without one (a caller inside a request's callback,
 * where the transaction is active) it is written at once.
 */
export function note(
  tx: IDBTransaction,
  type: RecordType,
  id: unknown,
  op: 'put' | 'delete',
  derived = false,
  made?: IDBRequest,
) {
  if (typeof id !== 'string' || syncState === 'off') return;
  if (!announced.has(tx)) {
    announced.add(tx);
    tx.addEventListener('complete', () => onQueued?.());
  }
  let changes = gathered.get(tx);
  if (!changes) gathered.set(tx, (changes = []));
  changes.push({ type, id, op: derived ? 'derived' : op });
  if (!made) return flush(tx);
  if (changes.length > 1) return; // a request made earlier will write it
  // Either answer: a failed request the caller handles leaves the transaction going.
  const write = () => flush(tx);
  made.addEventListener('success', write);
  made.addEventListener('error', write);
}

/** Writes what `tx` gathered: one entry per record if few, else one batch. */
function flush(tx: IDBTransaction): void {
  const changes = gathered.get(tx);
  if (!changes?.length) return;
  gathered.delete(tx);
  let outbox: IDBObjectStore;
  try {
    outbox = native().objectStore.call(tx, 'outbox');
  } catch {
    return; // the transaction is over (it failed): its changes are not kept either
  }
  if (changes.length > MAX_SINGLE_ENTRIES) {
    native().put.call(outbox, batchOf(changes, nextSeqs(changes.length)));
    return;
  }
  for (const { type, id, op } of changes) {
    const key = recordKey(type, id);
    const entry: OutboxEntry = {
      key,
      type,
      id,
      op: op === 'delete' ? 'delete' : 'put',
      seq: nextSeqs(),
    };
    if (op !== 'derived') {
      native().put.call(outbox, entry);
      continue;
    }
    const existing = native().get.call(outbox, key);
    existing.addEventListener('success', () => {
      if ((existing.result as OutboxEntry | undefined)?.op !== 'delete')
        native().put.call(outbox, entry);
    });
  }
}

/** Queues what writing `value` (or removing it, `op: 'delete'`) to `name` changes. */
function noteValue(
  tx: IDBTransaction,
  name: string,
  value: unknown,
  op: 'put' | 'delete',
  made: IDBRequest,
) {
  const record = value as { id?: unknown; partyId?: unknown } | undefined;
  if (OWN.has(name)) note(tx, SOURCES[name]!, record?.id, op, false, made);
  else note(tx, 'party', record?.partyId, 'put', true, made);
}

/**
 * Removes the record at `key` with `remove` and queues its removal. A dealing is
 * read first, for its party: the read is issued before the removal.
 */
function removeNoted(
  tx: IDBTransaction,
  store: IDBObjectStore,
  key: IDBValidKey | IDBKeyRange,
  remove: () => IDBRequest,
): IDBRequest {
  const name = store.name;
  if (OWN.has(name) && typeof key === 'string') {
    const request = remove();
    note(tx, SOURCES[name]!, key, 'delete', false, request);
    return request;
  }
  const read = native().getAll.call(store, key);
  const request = remove();
  read.addEventListener('success', () => {
    for (const value of read.result) noteValue(tx, name, value, 'delete', request);
  });
  return request;
}

/**
 * Removes what `query` (a key or a range) selects from `store`, which the caller read
 * in this same transaction and knows to be exactly `records`, and queues each record's
 * removal as `delete()` would, without reading them again first.
 */
export function deleteKnown(
  store: IDBObjectStore,
  query: IDBValidKey | IDBKeyRange,
  records: readonly unknown[],
): IDBRequest {
  const tx = store.transaction;
  if (!captured.has(store) || isQuiet(tx, store.name)) return store.delete(query);
  const request = native().delete.call(store, query);
  for (const record of records) noteValue(tx, store.name, record, 'delete', request);
  return request;
}

function captureStore(store: IDBObjectStore, tx: IDBTransaction): void {
  if (captured.has(store)) return;
  captured.add(store);
  const name = store.name;
  store.put = function (value: unknown, key?: IDBValidKey) {
    const request = native().put.call(this, value, key);
    if (!isQuiet(tx, name)) noteValue(tx, name, value, 'put', request);
    return request;
  };
  store.add = function (value: unknown, key?: IDBValidKey) {
    const request = native().add.call(this, value, key);
    if (!isQuiet(tx, name)) noteValue(tx, name, value, 'put', request);
    return request;
  };
  store.delete = function (key: IDBValidKey | IDBKeyRange) {
    const remove = () => native().delete.call(this, key);
    return isQuiet(tx, name) ? remove() : removeNoted(tx, this, key, remove);
  };
  store.clear = function () {
    const remove = () => native().clear.call(this);
    return isQuiet(tx, name) ? remove() : removeNoted(tx, this, IDBKeyRange.lowerBound(''), remove);
  };
  const captureCursors = (request: IDBRequest<IDBCursorWithValue | null>) => {
    request.addEventListener('success', () => {
      if (request.result) captureCursor(request.result, tx, name);
    });
    return request;
  };
  store.openCursor = function (...args: Parameters<IDBObjectStore['openCursor']>) {
    return captureCursors(native().openCursor.apply(this, args));
  };
  store.index = function (indexName: string) {
    const index = native().index.call(this, indexName);
    if (!captured.has(index)) {
      captured.add(index);
      index.openCursor = function (...args: Parameters<IDBIndex['openCursor']>) {
        return captureCursors(native().indexOpenCursor.apply(this, args));
      };
    }
    return index;
  };
}

function captureCursor(cursor: IDBCursorWithValue, tx: IDBTransaction, name: string): void {
  if (captured.has(cursor)) return;
  captured.add(cursor);
  cursor.update = function (value: unknown) {
    const request = native().cursorUpdate.call(this, value);
    if (!isQuiet(tx, name)) noteValue(tx, name, value, 'put', request);
    return request;
  };
  cursor.delete = function () {
    const gone: unknown = this.value;
    const request = native().cursorDelete.call(this);
    if (!isQuiet(tx, name)) noteValue(tx, name, gone, 'delete', request);
    return request;
  };
}
