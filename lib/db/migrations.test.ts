import type { IndexNames } from 'idb';
import { describe, expect, it } from 'vitest';
import { createDbOpener } from './open';
import { DB_VERSION, type ClienteleSchema, type StoreName } from './schema';

interface IndexSpec {
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

interface StoreSpec<S extends StoreName> {
  keyPath: string;
  /** Typed so that every index declared in schema.ts must be listed here. */
  indexes: { [I in IndexNames<ClienteleSchema, S>]: IndexSpec };
}

const plain = (keyPath: string | string[]): IndexSpec => ({
  keyPath,
  unique: false,
  multiEntry: false,
});
const multi = (keyPath: string): IndexSpec => ({ keyPath, unique: false, multiEntry: true });

/** Every store and index of ClienteleSchema (the mapped types make omissions a type error). */
const EXPECTED: { [S in StoreName]: StoreSpec<S> } = {
  parties: {
    keyPath: 'id',
    indexes: {
      byEmail: multi('emails'),
      byPhone: multi('phones'),
      byDomain: multi('domains'),
      byNextCheckIn: plain('nextCheckInAt'),
    },
  },
  interactions: {
    keyPath: 'id',
    indexes: {
      byPartyAt: plain(['partyId', 'at', 'id']),
      byRequestId: { keyPath: 'requestId', unique: true, multiEntry: false },
    },
  },
  followUps: { keyPath: 'id', indexes: { byParty: plain('partyId'), byDue: plain('dueAt') } },
  services: { keyPath: 'id', indexes: {} },
  engagements: { keyPath: 'id', indexes: { byParty: plain('partyId') } },
  purchases: { keyPath: 'id', indexes: { byParty: plain('partyId') } },
  searchBuckets: { keyPath: 'bucket', indexes: {} },
};

const uniqueName = () => `clientele-migrations-${crypto.randomUUID()}`;

describe('schema migrations', () => {
  it('a fresh open creates every store listed in schema.ts and nothing else', async () => {
    const db = await createDbOpener(uniqueName())();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED) as StoreName[])(
    'store %s has its key path and exactly its indexes',
    async (storeName) => {
      const db = await createDbOpener(uniqueName())();
      const spec = EXPECTED[storeName] as StoreSpec<StoreName>;
      const store = db.transaction(storeName).objectStore(storeName);

      expect(store.keyPath).toBe(spec.keyPath);
      expect(store.autoIncrement).toBe(false);
      const expectedIndexes = spec.indexes as Record<string, IndexSpec>;
      expect([...store.indexNames].sort()).toEqual(Object.keys(expectedIndexes).sort());
      for (const [indexName, expected] of Object.entries(expectedIndexes)) {
        const index = store.index(indexName as never);
        expect({
          keyPath: index.keyPath,
          unique: index.unique,
          multiEntry: index.multiEntry,
        }).toEqual(expected);
      }
    },
  );

  it('reopening an up-to-date database keeps its data and does not re-run the ladder', async () => {
    const name = uniqueName();
    const first = await createDbOpener(name)();
    await first.put('searchBuckets', { bucket: 3, rows: {} });
    first.close();

    const second = await createDbOpener(name)();
    expect(second.version).toBe(DB_VERSION);
    expect(await second.get('searchBuckets', 3)).toEqual({ bucket: 3, rows: {} });
    expect([...second.objectStoreNames].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('enforces the unique request id index', async () => {
    const db = await createDbOpener(uniqueName())();
    const interaction = {
      id: 'i1',
      partyId: 'p1',
      type: 'call' as const,
      direction: 'outbound' as const,
      at: 1,
      summary: '',
      requestId: 'same',
      createdAt: 1,
    };
    await db.add('interactions', interaction);
    await expect(db.add('interactions', { ...interaction, id: 'i2' })).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    expect(await db.count('interactions')).toBe(1);
  });
});
