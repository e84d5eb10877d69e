import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { installPermissionAndScriptingStubs } from '../../tests/unit/fake-browser-extras';
import { CHANNEL, type Reply } from '../protocol/envelope';
import { createDbOpener } from './open';
import { DB_VERSION } from './schema';
import { STORAGE_UNAVAILABLE_MESSAGE, StorageTrouble } from './storage-trouble';
import { say } from '../../lib/ui/ui-text';

// `openDB` is the real one unless a test makes the next open fail, as IndexedDB
// fails in a window that refuses it (Firefox's private windows before version 115
// answered every open with an InvalidStateError).
const openDB = vi.hoisted(() => vi.fn());
const realOpenDB = vi.hoisted((): { current?: unknown } => ({}));
vi.mock('idb', async (importOriginal) => {
  const actual = await importOriginal<typeof import('idb')>();
  realOpenDB.current = actual.openDB;
  openDB.mockImplementation(actual.openDB);
  return { ...actual, openDB };
});

const refusedInPrivateWindow = () =>
  new DOMException(
    'A mutation operation was attempted on a database that did not allow mutations.',
    'InvalidStateError',
  );

const uniqueName = () => `clientele-open-failure-${crypto.randomUUID()}`;

describe('an open that fails', () => {
  it('rejects with "can’t open its storage", and the next call opens afresh', async () => {
    const getDb = createDbOpener(uniqueName());
    const refused = refusedInPrivateWindow();
    openDB.mockRejectedValueOnce(refused);

    const failure = getDb();
    await expect(failure).rejects.toBeInstanceOf(StorageTrouble);
    await expect(failure).rejects.toMatchObject({
      code: 'storage_unavailable',
      words: STORAGE_UNAVAILABLE_MESSAGE,
      cause: refused,
    });

    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
  });

  it('turns an open refused outright (a SecurityError thrown by `open`) into the same', async () => {
    const getDb = createDbOpener(uniqueName());
    vi.spyOn(indexedDB, 'open').mockImplementationOnce(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    await expect(getDb()).rejects.toMatchObject({ code: 'storage_unavailable' });
    expect((await getDb()).version).toBe(DB_VERSION);
  });

  it('turns a browser without IndexedDB into the same', async () => {
    const getDb = createDbOpener(uniqueName());
    const factory = globalThis.indexedDB;
    try {
      (globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined;
      await expect(getDb()).rejects.toMatchObject({ code: 'storage_unavailable' });
    } finally {
      globalThis.indexedDB = factory;
    }
    expect((await getDb()).version).toBe(DB_VERSION);
  });
});

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

describe('an open that fails, as the background answers it', () => {
  beforeEach(() => {
    installPermissionAndScriptingStubs();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it('answers a write with the plain sentence, and saves it once storage opens', async () => {
    const ada = { name: 'Ada Lovelace', kind: 'client', emails: ['ada@northwind.example'] };
    // Every open fails until storage is back: the worker's own start-up work opens
    // the database too, and must not use up the one failure the write should meet.
    openDB.mockRejectedValue(refusedInPrivateWindow());
    background.main();

    const refused = await send('parties/create', ada);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'storage_unavailable', message: STORAGE_UNAVAILABLE_MESSAGE },
    });
    expect(refused?.ok === false && say(refused.error.message)).toMatch(
      /^Clientele can’t open its storage in this window/,
    );

    openDB.mockImplementation(realOpenDB.current as typeof openDB);
    const saved = await send('parties/create', ada);
    expect(saved).toMatchObject({ ok: true, value: { created: true } });
  });
});
