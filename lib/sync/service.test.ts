import { describe, expect, it, vi } from 'vitest';
import { deleteParties } from '../db/deletion-repository';
import { createParty, updateParty } from '../db/party-repository';
import { createDbOpener, type GetDb } from '../db/open';
import { DEFAULT_CADENCE } from '../domain';
import type { SyncStatus } from '../protocol/areas/sync';
import { ACCOUNT_KEY, LEASE_KEY, PASSWORD_KEY, RUN_KEY, type StorageArea } from './account';
import { SyncFailure } from './backoff';
import type { DavAccount } from './dav-client';
import type { DavPort } from './dav-port';
import type { Discovered } from './discovery';
import { MemoryServer } from '../../tests/support/memory-server';
import { createSyncService } from './service';

/**
 * The sync service with everything the browser gives it faked: storage areas in
 * memory, a clock the test moves, alarms recorded, and the in-memory DAV server
 * behind a port that checks the password and can be told to fail, as davPort
 * reports a real server's answers.
 */

const SERVER = 'http://127.0.0.1:5232/';
const BOOK = `${SERVER}alice/book/`;
const TASKS = `${SERVER}alice/tasks/`;
const PASSWORD = 'app-password';

function memoryArea(): StorageArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: (key) => Promise.resolve(items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
      return Promise.resolve();
    },
    remove: (keys) => {
      for (const key of [keys].flat()) items.delete(key);
      return Promise.resolve();
    },
  };
}

const discovered: Discovered = {
  principal: '/alice/',
  addressbookHome: '/alice/',
  calendarHome: '/alice/',
  addressbooks: [
    {
      href: '/alice/book/',
      type: 'addressbook',
      displayName: 'Book',
      syncToken: '0',
      cardVersions: ['4.0'],
      components: [],
    },
  ],
  calendars: [
    {
      href: '/alice/tasks/',
      type: 'calendar',
      displayName: 'Tasks',
      syncToken: '0',
      cardVersions: [],
      components: ['VTODO', 'VJOURNAL'],
    },
  ],
};

/** The memory server as the service reaches it: password checked, failures on demand. */
function reachableServer() {
  const memory = new MemoryServer();
  const seen = { requests: 0, passwords: [] as string[] };
  let failWith: number | 'offline' | undefined;
  let password = PASSWORD;
  const answer = <T>(account: DavAccount, call: () => Promise<T>): Promise<T> => {
    seen.requests += 1;
    seen.passwords.push(account.password);
    if (failWith === 'offline') return Promise.reject(new SyncFailure('offline'));
    if (account.password !== password) return Promise.reject(new SyncFailure('auth', 401));
    if (failWith !== undefined) return Promise.reject(new SyncFailure('server', failWith));
    return call();
  };
  const dav = (account: DavAccount) => {
    const port: DavPort = {
      put: (...args) => answer(account, () => memory.put(...args)),
      remove: (...args) => answer(account, () => memory.remove(...args)),
      changesSince: (...args) => answer(account, () => memory.changesSince(...args)),
      listEtags: (...args) => answer(account, () => memory.listEtags(...args)),
      fetchObjects: (...args) => answer(account, () => memory.fetchObjects(...args)),
    };
    return { port, discover: () => answer(account, () => Promise.resolve(discovered)) };
  };
  return {
    memory,
    seen,
    dav,
    fail: (status: number | 'offline' | undefined) => (failWith = status),
    changePassword: (next: string) => (password = next),
  };
}

type Server = ReturnType<typeof reachableServer>;

function setup(
  options: {
    instance?: string;
    /** Another worker of the same browser: the same storage, database and server. */
    shared?: { local: StorageArea & { items: Map<string, unknown> }; db: GetDb; server: Server };
  } = {},
) {
  const server = options.shared?.server ?? reachableServer();
  const local = options.shared?.local ?? memoryArea();
  const session = memoryArea();
  const db = options.shared?.db ?? createDbOpener(`service-${crypto.randomUUID()}`);
  let now = 1_780_000_000_000;
  const retries: number[] = [];
  const published: SyncStatus[] = [];
  const granted = new Set<string>([`${new URL(SERVER).origin}/*`]);
  const service = createSyncService({
    local,
    session,
    hasPermission: (pattern) => Promise.resolve(granted.has(pattern)),
    releaseOrigin: (pattern) => {
      granted.delete(pattern);
      return Promise.resolve();
    },
    fetch: () => Promise.reject(new Error('the tests reach the server through `dav`')),
    getDb: db,
    clock: () => now,
    region: () => Promise.resolve('PT'),
    retryIn: (delayMs) => retries.push(delayMs),
    words: (code) => `words for ${code}`,
    publish: (status) => {
      published.push(status);
      return Promise.resolve();
    },
    instance: options.instance ?? 'worker-1',
    debounceMs: 5,
    dav: server.dav,
  });
  const repo = {
    getDb: db,
    clock: () => now,
    settings: () => Promise.resolve({ region: 'PT', cadence: DEFAULT_CADENCE }),
  };
  return {
    service,
    server,
    local,
    session,
    db,
    repo,
    retries,
    published,
    granted,
    tick: (ms: number) => (now += ms),
    outbox: async () => (await db()).getAll('outbox'),
  };
}

type Setup = ReturnType<typeof setup>;

/** Connect and choose the book and calendar, as the options page does, then let the first round end. */
async function connected(device: Setup, password = PASSWORD) {
  const reply = await device.service.connect({
    server: SERVER,
    user: 'alice',
    password,
    remember: false,
  });
  if (!reply.ok) throw new Error(reply.message);
  await device.service.choose({
    addressbook: { href: BOOK },
    calendar: { href: TASKS },
    defaultKind: 'prospect',
  });
  await device.service.run();
}

async function addParty(device: Setup, name: string) {
  const outcome = await createParty(device.repo, { name, kind: 'client' });
  if (!outcome.ok) throw new Error(outcome.error.message.code);
  return outcome.value.party;
}

const onServer = (device: Setup) =>
  [...device.server.memory.objects.values()].filter((o) => o.data.includes('BEGIN:VCARD')).length;

describe('the sync service', () => {
  describe('setup', () => {
    it('refuses plain http off this machine, before asking anything of the network', async () => {
      const device = setup();
      const reply = await device.service.connect({
        server: 'http://dav.example.com/',
        user: 'alice',
        password: PASSWORD,
        remember: false,
      });
      expect(reply).toMatchObject({ ok: false, code: 'insecure' });
      expect(device.server.seen.requests).toBe(0);
      expect(await device.local.get(ACCOUNT_KEY)).toEqual({});
    });

    it('refuses a server whose origin the user has not granted', async () => {
      const device = setup();
      device.granted.clear();
      const reply = await device.service.connect({
        server: SERVER,
        user: 'alice',
        password: PASSWORD,
        remember: false,
      });
      expect(reply).toMatchObject({
        ok: false,
        code: 'permission',
        message: 'words for permission',
      });
      expect(device.server.seen.requests).toBe(0);
    });

    it('keeps the password in the session unless asked to remember it', async () => {
      const device = setup();
      await connected(device);
      expect(device.session.items.get(PASSWORD_KEY)).toBe(PASSWORD);
      expect(device.local.items.has(PASSWORD_KEY)).toBe(false);
      expect(JSON.stringify([...device.local.items.values()])).not.toContain(PASSWORD);
    });

    it('sends the book already there on the first round and publishes each state', async () => {
      const device = setup();
      await addParty(device, 'Ada');
      await addParty(device, 'Grace');
      await connected(device);
      expect(onServer(device)).toBe(2);
      expect(await device.outbox()).toEqual([]);
      const states = device.published.map((s) => s.state);
      expect(states).toContain('syncing');
      expect(states.at(-1)).toBe('synced');
      expect(await device.service.status()).toMatchObject({ state: 'synced', pending: 0 });
    });
  });

  describe('scheduling', () => {
    it('many changes in a row make one round, after the debounce', async () => {
      const device = setup();
      await connected(device);
      const before = device.server.seen.requests;
      const party = await addParty(device, 'Ada');
      for (let i = 0; i < 5; i++) await updateParty(device.repo, party.id, { notes: `edit ${i}` });
      // Each committed change calls `changed()`; calls within the debounce make one round.
      for (let i = 0; i < 5; i++) device.service.changed();
      expect(device.server.seen.requests).toBe(before);
      const published = device.published.length;
      await vi.waitFor(async () => {
        expect(await device.outbox()).toEqual([]);
        expect(device.published.slice(published).at(-1)?.state).toBe('synced');
      });
      // One PUT (the outbox coalesced five edits) and one listing per collection.
      expect(device.server.seen.requests - before).toBe(3);
    });

    it('does not run after a change while sync is off', async () => {
      const device = setup();
      await addParty(device, 'Ada');
      device.service.changed();
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(device.server.seen.requests).toBe(0);
      expect((await device.service.status()).state).toBe('off');
    });

    it('at start, sends what waits; with nothing waiting it only publishes', async () => {
      const device = setup();
      await connected(device);
      await addParty(device, 'Ada');
      const before = device.server.seen.requests;
      await device.service.start();
      expect(device.server.seen.requests).toBeGreaterThan(before);
      expect(onServer(device)).toBe(1);

      const quiet = device.server.seen.requests;
      await device.service.start();
      expect(device.server.seen.requests).toBe(quiet);
      expect(device.published.at(-1)?.state).toBe('synced');
    });

    it('"Sync now" runs a round and clears the last error for the try', async () => {
      const device = setup();
      await connected(device);
      device.server.fail(503);
      await addParty(device, 'Ada');
      await device.service.run();
      expect((await device.service.status()).state).toBe('error');
      device.server.fail(undefined);
      await device.service.now();
      await device.service.run();
      expect(await device.service.status()).toMatchObject({ state: 'synced', pending: 0 });
      expect(onServer(device)).toBe(1);
    });

    it('one round at a time: a second call while one runs joins it', async () => {
      const device = setup();
      await connected(device);
      await addParty(device, 'Ada');
      const first = device.service.run();
      const second = device.service.run();
      expect(second).toBe(first);
      await first;
    });
  });

  describe('a worker stopped mid-round', () => {
    it('a later worker takes over the lease the stopped one left and sends what waits', async () => {
      const first = setup({ instance: 'worker-1' });
      await connected(first);
      await addParty(first, 'Ada');
      // The stopped worker's lease, far from expired: it never got to release it.
      await first.local.set({ [LEASE_KEY]: { owner: 'worker-1', expiresAt: 1_790_000_000_000 } });

      const second = setup({ instance: 'worker-2', shared: first });
      await second.session.set({ [PASSWORD_KEY]: PASSWORD });
      const before = first.server.seen.requests;
      await second.service.start();
      expect(second.server.seen.requests).toBeGreaterThan(before);
      expect(onServer(second)).toBe(1);
      expect(await second.outbox()).toEqual([]);
      expect(first.local.items.has(LEASE_KEY)).toBe(false);
    });

    it('the same worker does not start a second round under its own live lease', async () => {
      const device = setup({ instance: 'worker-1' });
      await connected(device);
      await addParty(device, 'Ada');
      await device.local.set({ [LEASE_KEY]: { owner: 'worker-1', expiresAt: 1_790_000_000_000 } });
      const before = device.server.seen.requests;
      await device.service.run();
      expect(device.server.seen.requests).toBe(before);
      expect(await device.outbox()).toHaveLength(1);
    });
  });

  describe('failures', () => {
    it('a server error backs off, doubling, and a success resets the count', async () => {
      const device = setup();
      await connected(device);
      await addParty(device, 'Ada');
      device.server.fail(500);
      for (let i = 0; i < 3; i++) await device.service.run();
      expect(device.retries).toHaveLength(3);
      // Jittered between half and all of 30 s, 60 s, 120 s.
      expect(device.retries[0]).toBeGreaterThanOrEqual(15_000);
      expect(device.retries[0]).toBeLessThanOrEqual(30_000);
      expect(device.retries[2]).toBeGreaterThanOrEqual(60_000);
      expect(device.retries[2]).toBeLessThanOrEqual(120_000);
      const status = await device.service.status();
      expect(status).toMatchObject({ state: 'error', pending: 1, error: { code: 'server' } });

      device.server.fail(undefined);
      await device.service.run();
      expect(device.local.items.get(RUN_KEY)).toMatchObject({ failures: 0 });
      expect((await device.service.status()).state).toBe('synced');
    });

    it('offline is retried too, with its own words', async () => {
      const device = setup();
      await connected(device);
      await addParty(device, 'Ada');
      device.server.fail('offline');
      await device.service.run();
      expect(device.retries).toHaveLength(1);
      expect((await device.service.status()).error).toEqual({
        code: 'offline',
        message: 'words for offline',
      });
    });

    it('a refused password stops every request, alarms and "Sync now" included, until it changes', async () => {
      const device = setup();
      await connected(device);
      device.server.changePassword('rotated');
      await addParty(device, 'Ada');
      await device.service.run();
      expect((await device.service.status()).error?.code).toBe('auth');
      expect(device.retries).toEqual([]);

      const refusedAt = device.server.seen.requests;
      await device.service.run();
      await device.service.now();
      await device.service.run();
      await device.service.start();
      device.service.changed();
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(device.server.seen.requests).toBe(refusedAt);
      expect((await device.service.status()).state).toBe('error');

      // The user types the new password: the stop is lifted and what waited goes up.
      const reply = await device.service.connect({
        server: SERVER,
        user: 'alice',
        password: 'rotated',
        remember: false,
      });
      expect(reply.ok).toBe(true);
      await device.service.run();
      expect(onServer(device)).toBe(1);
      expect(await device.service.status()).toMatchObject({ state: 'synced', pending: 0 });
      expect(device.server.seen.passwords.at(-1)).toBe('rotated');
    });

    it('a worker with no password in its session is blocked without sending anything', async () => {
      const device = setup();
      await connected(device);
      await device.session.remove(PASSWORD_KEY);
      await addParty(device, 'Ada');
      const before = device.server.seen.requests;
      await device.service.run();
      expect(device.server.seen.requests).toBe(before);
      expect((await device.service.status()).error?.code).toBe('auth');
    });
  });

  describe('the outbox while sync is off', () => {
    it('queues nothing while no account is set up, and sends the whole book at setup', async () => {
      const device = setup();
      await device.service.start();
      await addParty(device, 'Ada');
      await addParty(device, 'Grace');
      expect(await device.outbox()).toEqual([]);
      expect(await device.service.status()).toMatchObject({ state: 'off', pending: 0 });
      await connected(device);
      expect(onServer(device)).toBe(2);
    });

    it('drops at start what was queued before sync was known to be off', async () => {
      const device = setup();
      const db = await device.db();
      await db.put('outbox', { key: 'party:x', type: 'party', id: 'x', op: 'put', seq: 1 });
      await device.service.start();
      expect(await device.outbox()).toEqual([]);
    });

    it('keeps a change made while set up and offline, across a worker restart, until it is sent', async () => {
      const first = setup({ instance: 'worker-1' });
      await connected(first);
      first.server.fail('offline');
      await addParty(first, 'Ada');
      await first.service.run();
      expect(await first.outbox()).toHaveLength(1);

      const second = setup({ instance: 'worker-2', shared: first });
      await second.session.set({ [PASSWORD_KEY]: PASSWORD });
      await second.service.start();
      expect(await second.outbox()).toHaveLength(1);
      first.server.fail(undefined);
      await second.service.run();
      expect(await second.outbox()).toEqual([]);
      expect(onServer(second)).toBe(1);
    });

    it('a record deleted while sync was paused is deleted on the server when it resumes', async () => {
      const device = setup();
      await connected(device);
      const ada = await addParty(device, 'Ada');
      await addParty(device, 'Grace');
      await device.service.run();
      expect(onServer(device)).toBe(2);

      await device.service.disconnect(false);
      const deleted = await deleteParties(device.repo, [ada.id]);
      expect(deleted.ok).toBe(true);
      expect(await device.outbox()).toEqual([]);

      await device.service.choose({
        addressbook: { href: BOOK },
        calendar: { href: TASKS },
        defaultKind: 'prospect',
      });
      await device.service.run();
      expect(onServer(device)).toBe(1);
      expect(await device.outbox()).toEqual([]);
    });
  });

  describe('the server origin', () => {
    const origin = `${new URL(SERVER).origin}/*`;

    it('is given back when the server is forgotten, and kept when sync is only paused', async () => {
      const device = setup();
      await connected(device);
      await device.service.disconnect(false);
      expect(device.granted.has(origin)).toBe(true);

      await device.service.disconnect(true);
      expect(device.granted.has(origin)).toBe(false);
      expect(await device.local.get(ACCOUNT_KEY)).toEqual({});
    });

    it('is given back when the account moves to another server, not to another user', async () => {
      const device = setup();
      await connected(device);
      const bob = { user: 'bob', password: PASSWORD, remember: false };
      await device.service.connect({ server: SERVER, ...bob });
      expect(device.granted.has(origin)).toBe(true);

      const next = 'https://dav.example.com/';
      device.granted.add(`${new URL(next).origin}/*`);
      await device.service.connect({ server: next, ...bob });
      expect(device.granted.has(origin)).toBe(false);
      expect(device.granted.has(`${new URL(next).origin}/*`)).toBe(true);
    });
  });
});
