import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { installPermissionAndScriptingStubs } from '../../tests/unit/fake-browser-extras';
import { CHANNEL, type Reply } from '../protocol/envelope';
import { abortCause } from './abort-cause';
import { inTransaction } from './in-transaction';
import type { StoreName } from './schema';
import {
  openFailure,
  STORAGE_FULL_MESSAGE,
  STORAGE_UNAVAILABLE_MESSAGE,
  storageFailure,
  StorageTrouble,
  storageTroubleOf,
} from './storage-trouble';
import { say } from '../../lib/ui/ui-text';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storageTroubleOf', () => {
  it.each([
    ['a QuotaExceededError', quota()],
    ["Firefox's old quota name", { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' }],
    ['the legacy quota code', { name: 'Error', code: 22 }],
    ['a quota error given as the cause', new Error('commit failed', { cause: quota() })],
  ])('reads %s as a full storage', (_, error) => {
    const trouble = storageTroubleOf(error);
    expect(trouble).toBeInstanceOf(StorageTrouble);
    expect(trouble?.toDomainError()).toEqual({
      code: 'storage_full',
      message: STORAGE_FULL_MESSAGE,
    });
    expect(trouble?.cause).toBe(error);
  });

  it.each([
    ['a plain error', new Error('disk on fire')],
    ['a constraint error', new DOMException('Key already exists', 'ConstraintError')],
    ['an abort', new DOMException('aborted', 'AbortError')],
    ['undefined', undefined],
    ['a string', 'QuotaExceededError'],
  ])('leaves %s alone', (_, error) => {
    expect(storageTroubleOf(error)).toBeUndefined();
    expect(storageFailure(error)).toBeUndefined();
  });

  it('hands back a StorageTrouble as it is', () => {
    const trouble = new StorageTrouble('storage_unavailable', STORAGE_UNAVAILABLE_MESSAGE);
    expect(storageTroubleOf(trouble)).toBe(trouble);
    expect(storageTroubleOf(new Error('wrapped', { cause: trouble }))).toBe(trouble);
  });
});

describe('openFailure', () => {
  it.each([
    [
      'InvalidStateError',
      'A mutation operation was attempted on a database that did not allow mutations.',
    ],
    ['UnknownError', 'Internal error opening backing store for indexedDB.open.'],
    ['SecurityError', 'The operation is insecure.'],
    ['AbortError', 'The connection was aborted.'],
  ])('turns an open failing with %s into "can’t open its storage"', (name, message) => {
    const error = new DOMException(message, name);
    const failure = openFailure(error);
    expect(failure).toBeInstanceOf(StorageTrouble);
    expect(failure).toMatchObject({ code: 'storage_unavailable', cause: error });
    expect(say((failure as StorageTrouble).words)).toMatch(/^Clientele can’t open its storage/);
  });

  it('keeps a full quota on open as "full"', () => {
    expect(openFailure(quota())).toMatchObject({ code: 'storage_full' });
  });

  it('passes a newer database (VersionError) through unchanged', () => {
    const error = new DOMException(
      'The requested version is less than the existing.',
      'VersionError',
    );
    expect(openFailure(error)).toBe(error);
  });
});

describe('a commit refused by the quota', () => {
  it('rejects inTransaction with an error that reads as "full" (Chrome refuses at commit)', async () => {
    const refused = quota();
    const tx = { done: Promise.reject(refused), abort: vi.fn() };
    const outcome = inTransaction(tx, () => Promise.resolve('written'));
    await expect(outcome).rejects.toBe(refused);
    expect(storageFailure(refused)).toMatchObject({ code: 'storage_full' });
  });
});

describe('abortCause', () => {
  it('reads the reason a transaction records just after a request failed', async () => {
    const tx: { error: DOMException | null } = { error: null };
    const cause = abortCause(tx, new DOMException('AbortError', 'AbortError'));
    tx.error = quota(); // the abort runs after the failed request's event
    expect(await cause).toBe(tx.error);
  });

  it('keeps any error that already says why', async () => {
    const constraint = new DOMException('Key already exists', 'ConstraintError');
    expect(await abortCause({ error: quota() }, constraint)).toBe(constraint);
    const aborted = new DOMException('AbortError', 'AbortError');
    expect(await abortCause({ error: null }, aborted)).toBe(aborted);
  });
});

// ---- Through the real background: listener, handlers, repositories, fake-indexeddb ----

const EXTENSION_ID = 'test-extension-id';
const popupSender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };

async function send(name: string, request: unknown): Promise<Reply | undefined> {
  let reply: Reply | undefined;
  await new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage
      .trigger({ channel: CHANNEL, name, request }, popupSender, (value: Reply) => {
        reply = value;
        resolve();
      })
      .then((results: unknown[]) => {
        if (!results.includes(true)) resolve();
      });
  });
  return reply;
}

async function valueOf<T = Record<string, unknown>>(reply: Promise<Reply | undefined>) {
  const settled = await reply;
  if (!settled?.ok) throw new Error(`expected success, got ${JSON.stringify(settled)}`);
  return settled.value as T;
}

interface FakeTransaction {
  objectStoreNames: DOMStringList;
  _execRequestAsync(request: { source: unknown; operation: () => unknown }): IDBRequest;
}

/**
 * Makes every write to `store` fail the way a browser fails a write over its quota:
 * the request errors with a QuotaExceededError and, unhandled, aborts its whole
 * transaction with it, undoing the transaction's earlier writes too. (The request
 * is queued through fake-indexeddb's own request step, so the error travels as a
 * real one does.) Returns how many writes were refused.
 */
function refuseWritesTo(store: StoreName) {
  let refused = 0;
  for (const method of ['put', 'add'] as const) {
    const original = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, method)!
      .value as IDBObjectStore['put'];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name !== store) return original.apply(this, args);
      refused++;
      const tx = this.transaction as unknown as FakeTransaction;
      return tx._execRequestAsync({
        source: this,
        operation: () => {
          throw quota();
        },
      }) as IDBRequest<IDBValidKey>;
    });
  }
  return { refused: () => refused, pass: () => vi.restoreAllMocks() };
}

describe('storage trouble, as the background answers it', () => {
  beforeEach(() => {
    installPermissionAndScriptingStubs();
    background.main();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  const ada = { name: 'Ada Lovelace', kind: 'client', emails: ['ada@northwind.example'] };

  it('says the storage is full when a new record cannot be saved, and keeps no half of it', async () => {
    // Storage fills up while Clientele runs: the book is open, then the party store
    // takes the record but the search row's write is refused.
    await valueOf(send('transfer/counts', {}));
    const trouble = refuseWritesTo('searchBuckets');
    const reply = await send('parties/create', ada);
    expect(trouble.refused()).toBeGreaterThan(0);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'storage_full', message: STORAGE_FULL_MESSAGE },
    });
    expect(reply?.ok === false && say(reply.error.message)).toMatch(
      /^Your browser’s storage for Clientele is full/,
    );

    // The whole transaction was undone: no party without its search row.
    trouble.pass();
    const counts = await valueOf<Record<string, number>>(send('transfer/counts', {}));
    expect(counts.parties).toBe(0);
    expect(await valueOf(send('search/rows', {}))).toEqual({ rows: [] });

    // Once there is room, the same write goes through.
    const created = await valueOf(send('parties/create', ada));
    expect(created.created).toBe(true);
    expect((await valueOf<{ rows: unknown[] }>(send('search/rows', {}))).rows).toHaveLength(1);
  });

  it('says so for an interaction too, and a retry of its request id records it once', async () => {
    const { view } = await valueOf<{ view: { party: { id: string } } }>(
      send('parties/create', ada),
    );
    const log = { partyId: view.party.id, type: 'call', summary: 'Renewal', requestId: 'r-full' };

    const trouble = refuseWritesTo('interactions');
    const refused = await send('interactions/log', log);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'storage_full', message: STORAGE_FULL_MESSAGE },
    });
    trouble.pass();
    const party = await valueOf<{ party: { lastInteractionAt?: number } }>(
      send('parties/get', { id: view.party.id }),
    );
    expect(party.party.lastInteractionAt).toBeUndefined();

    const retried = await valueOf<{ replayed: boolean; interaction: { id: string } }>(
      send('interactions/log', log),
    );
    expect(retried.replayed).toBe(false);
    const again = await valueOf<{ replayed: boolean; interaction: { id: string } }>(
      send('interactions/log', log),
    );
    expect(again).toMatchObject({ replayed: true, interaction: { id: retried.interaction.id } });
    const counts = await valueOf<Record<string, number>>(send('transfer/counts', {}));
    expect(counts.interactions).toBe(1);
  });

  it('keeps other failures as they were: a bug is still "something went wrong"', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The data being stored could not be cloned.', 'DataCloneError');
    });
    const reply = await send('parties/create', ada);
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'internal' }) });
  });
});
