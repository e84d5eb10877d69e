import { describe, expect, it, vi } from 'vitest';
import { createDbOpener } from './open';
import { DB_VERSION } from './schema';

const uniqueName = () => `clientele-open-${crypto.randomUUID()}`;

interface RawOpen {
  db: IDBDatabase;
  blocked: boolean;
}

/** Opens `name` at `version` with the raw API, as another tab or a newer build would. */
function rawOpen(name: string, version: number): Promise<RawOpen> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const request = indexedDB.open(name, version);
    request.onblocked = () => {
      blocked = true;
    };
    request.onsuccess = () => resolve({ db: request.result, blocked });
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

function rawDelete(name: string): Promise<{ blocked: boolean }> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const request = indexedDB.deleteDatabase(name);
    request.onblocked = () => {
      blocked = true;
    };
    request.onsuccess = () => resolve({ blocked });
    request.onerror = () => reject(request.error ?? new Error('delete failed'));
  });
}

/** Rejects if `promise` has not settled in `ms`: a blocked upgrade never settles. */
function within<T>(promise: Promise<T>, ms = 2000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms),
    ),
  ]);
}

describe('createDbOpener', () => {
  it('shares one connection between many simultaneous callers', async () => {
    const open = vi.spyOn(indexedDB, 'open');
    const getDb = createDbOpener(uniqueName());

    const connections = await Promise.all(Array.from({ length: 25 }, () => getDb()));

    const first = connections[0];
    expect(first).toBeDefined();
    for (const connection of connections) expect(connection).toBe(first);
    // A later caller gets the same connection too, and only one open was ever issued.
    expect(await getDb()).toBe(first);
    expect(open).toHaveBeenCalledTimes(1);
    expect(first?.version).toBe(DB_VERSION);
  });

  it('opens the database it was named after, not the default', async () => {
    const name = uniqueName();
    const db = await createDbOpener(name)();
    expect(db.name).toBe(name);
  });

  it('separate openers have separate connections', async () => {
    const name = uniqueName();
    const a = await createDbOpener(name)();
    const b = await createDbOpener(name)();
    expect(a).not.toBe(b);
  });

  it('steps aside for a newer version and opens afresh on the next call', async () => {
    const name = uniqueName();
    const getDb = createDbOpener(name);
    const first = await getDb();
    await first.put('services', {
      id: 's1',
      name: 'Audit',
      scope: '',
      terms: { pricingModel: 'hourly', rate: { amountMinor: 10_000, currency: 'EUR' } },
      archived: false,
      createdAt: 0,
      updatedAt: 0,
    });

    // Another context upgrades: the open must not be blocked by our connection.
    const newer = await within(rawOpen(name, DB_VERSION + 1));
    expect(newer.blocked).toBe(false);
    expect(newer.db.version).toBe(DB_VERSION + 1);
    // Our connection was closed to let it through.
    expect(() => first.transaction('services')).toThrowError(
      expect.objectContaining({ name: 'InvalidStateError' }) as Error,
    );
    newer.db.close();

    // The next call does not hand back the closed connection: it opens again, and
    // since the stored database is now newer than this build, that open fails.
    await expect(getDb()).rejects.toMatchObject({ name: 'VersionError' });

    // A failed open is not cached either: once the database is gone, the next call
    // creates it afresh at this build's version.
    expect((await within(rawDelete(name))).blocked).toBe(false);
    const second = await getDb();
    expect(second).not.toBe(first);
    expect(second.version).toBe(DB_VERSION);
    expect(await second.count('services')).toBe(0);
    await second.put('services', {
      id: 's2',
      name: 'Review',
      scope: '',
      terms: { pricingModel: 'hourly', rate: { amountMinor: 5_000, currency: 'EUR' } },
      archived: false,
      createdAt: 0,
      updatedAt: 0,
    });
    expect(await (await getDb()).count('services')).toBe(1);
    expect(await getDb()).toBe(second);
  });

  it('does not block a deletion of the database, and reopens afterwards', async () => {
    const name = uniqueName();
    const getDb = createDbOpener(name);
    const first = await getDb();

    expect((await within(rawDelete(name))).blocked).toBe(false);

    const second = await getDb();
    expect(second).not.toBe(first);
    expect([...second.objectStoreNames]).toContain('parties');
  });
});
