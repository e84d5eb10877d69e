import { unwrap, type IndexNames } from 'idb';
import { describe, expect, it } from 'vitest';
import {
  buildFromFixture,
  layoutOf,
  readDbFixtures,
  revive,
} from '../../tests/fixtures/db/fixture-db';
import { BACKUP_STORES, type BackupStore } from '../transfer/backup-format';
import { RECORD_SCHEMAS } from '../transfer/backup-records';
import { listInteractions } from './interaction-repository';
import { createDbOpener } from './open';
import { findPartiesByContacts } from './party-repository';
import { DB_VERSION, type ClienteleSchema, type StoreName } from './schema';
import { readSearchRows } from './search-projection';
import { META_KEY, SearchBucketSchema } from './search-row';
import { STORAGE_BLOCKED_MESSAGE } from './storage-trouble';
import { readProjection } from '../search/read-projection';
import { indexSource } from '../search/search-index';

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
      byCardUid: plain('cardUid'),
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
  undoEntries: { keyPath: 'id', indexes: { byAt: plain('at') } },
  tombstones: { keyPath: 'id', indexes: { byAt: plain('at') } },
  importBatches: { keyPath: 'id', indexes: { byAt: plain('at') } },
  emailUndone: { keyPath: 'requestId', indexes: {} },
  correspondents: { keyPath: 'email', indexes: {} },
  outbox: { keyPath: 'key', indexes: {} },
  syncStates: { keyPath: 'key', indexes: { byType: plain('type') } },
  syncTokens: { keyPath: 'collection', indexes: {} },
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
    await first.put('searchBuckets', { bucket: META_KEY, stamp: 'kept' });
    first.close();

    const second = await createDbOpener(name)();
    expect(second.version).toBe(DB_VERSION);
    expect(await second.get('searchBuckets', META_KEY)).toEqual({
      bucket: META_KEY,
      stamp: 'kept',
    });
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

/** Rejects if `promise` has not settled in `ms`: a blocked upgrade never settles. */
function within<T>(promise: Promise<T>, ms = 2000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms),
    ),
  ]);
}

const fixtures = readDbFixtures();
const isBackupStore = (store: string): store is BackupStore =>
  (BACKUP_STORES as readonly string[]).includes(store);

describe('databases written by earlier versions (tests/fixtures/db)', () => {
  it('keeps one fixture per version before this one', () => {
    const versions = fixtures.map((fixture) => fixture.version);
    const earlier = Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1);
    for (const version of earlier) expect(versions).toContain(version);
    for (const version of versions) expect(version).toBeLessThanOrEqual(DB_VERSION);
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it('each fixture holds data in every store it has', () => {
    for (const fixture of fixtures) {
      for (const [store, spec] of Object.entries(fixture.stores))
        expect(spec.records.length, `v${fixture.version} ${store}`).toBeGreaterThan(0);
    }
  });

  it('the fixture of this version has exactly the stores and indexes this code creates', async () => {
    const current = fixtures.find((fixture) => fixture.version === DB_VERSION);
    if (!current) return; // only earlier versions need one; see README.md there
    const db = await createDbOpener(uniqueName())();
    const withoutRecords = Object.fromEntries(
      Object.entries(current.stores).map(([store, { records: _, ...layout }]) => [store, layout]),
    );
    expect(withoutRecords).toEqual(layoutOf(unwrap(db)));
  });

  it.each(fixtures.map((fixture) => [fixture.version, fixture] as const))(
    'opens a version %i database with this code: nothing lost, everything parses',
    async (_, fixture) => {
      const name = uniqueName();
      // An older page still holds the old database open while this build opens it.
      const old = await buildFromFixture(name, fixture);
      const getDb = createDbOpener(name);
      const db = await within(getDb());
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual(Object.keys(EXPECTED).sort());
      if (fixture.version < DB_VERSION) {
        // The old connection stepped aside for the upgrade.
        expect(() => old.transaction(Object.keys(fixture.stores)[0]!)).toThrowError(
          expect.objectContaining({ name: 'InvalidStateError' }) as Error,
        );
      }

      // Every record of every store the user owns is there, still reads, and kept its values.
      for (const [store, spec] of Object.entries(fixture.stores)) {
        if (!isBackupStore(store)) continue;
        expect(await db.count(store), `${store} count`).toBe(spec.records.length);
        for (const record of spec.records) {
          const stored: unknown = await db.get(store, record[spec.keyPath] as string);
          expect(stored, `${store} ${String(record[spec.keyPath])}`).toMatchObject(record);
          expect(RECORD_SCHEMAS[store].safeParse(stored).error).toBeUndefined();
        }
      }
      for (const bucket of await db.getAll('searchBuckets'))
        expect(SearchBucketSchema.safeParse(bucket).error).toBeUndefined();

      // And this build's own read paths find it all: search rows, indexes, timelines.
      const parties = fixture.stores.parties?.records ?? [];
      const partyIds = parties.map((party) => party.id as string);
      const rows = await readSearchRows(getDb);
      expect(rows.map((row) => row.id).sort()).toEqual([...partyIds].sort());
      for (const party of parties) {
        const { emails, phones } = party as { emails: string[]; phones: string[] };
        const found = await findPartiesByContacts(db, { emails, phones });
        for (const email of emails) expect(found.byEmail.get(email)?.id).toBe(party.id);
        for (const phone of phones) expect(found.byPhone.get(phone)?.id).toBe(party.id);
      }
      const interactions = fixture.stores.interactions?.records ?? [];
      for (const partyId of partyIds) {
        const timeline = await listInteractions(getDb, partyId, { limit: 200 });
        expect(timeline.interactions.map((i) => i.id).sort()).toEqual(
          interactions
            .filter((i) => i.partyId === partyId)
            .map((i) => i.id)
            .sort(),
        );
      }
      for (const interaction of interactions) {
        const byRequest = await db.getFromIndex(
          'interactions',
          'byRequestId',
          interaction.requestId as string,
        );
        expect(byRequest?.id).toBe(interaction.id);
      }
    },
  );
});

describe('a version 3 database (tests/fixtures/db/v3.json)', () => {
  it('keeps its address-book fields whole and its search store as written: nicknames and cities still found', async () => {
    const fixture = fixtures.find((f) => f.version === 3)!;
    const name = uniqueName();
    (await buildFromFixture(name, fixture)).close();
    const db = await within(createDbOpener(name)());
    const ada = await db.get('parties', '598d98bb-1d98-47fc-8676-b45f48d84d3d');
    expect(ada).toMatchObject({
      nickname: 'Ada',
      birthday: '1815-12-10',
      addresses: [{ locality: 'London' }, { locality: 'Paris', label: 'Workshop' }],
      photo: { mediaType: 'image/png' },
    });
    expect(ada?.cardProperties).toHaveLength(4);
    // Steps after 3 leave the search store alone: every bucket is as version 3 wrote it.
    const buckets = fixture.stores.searchBuckets!.records;
    for (const bucket of buckets)
      expect(await db.get('searchBuckets', bucket.bucket as number)).toMatchObject(
        revive(bucket) as object,
      );
    const haystack = (await db.getAll('searchBuckets')).map((b) => JSON.stringify(b)).join(' ');
    for (const word of ['cork', 'zurich', 'brenn']) expect(haystack).toContain(word);
  });
});

describe('an upgrade while an older connection is open', () => {
  it('does not hang: the older connection steps aside and its data is kept', async () => {
    const name = uniqueName();
    const older = await createDbOpener(name)();
    await older.put('searchBuckets', { bucket: META_KEY, stamp: 'kept' });

    // A newer build opens the same database while this build's connection is still open.
    // Were that connection to hold on, the open would wait past `within`'s deadline.
    const upgraded = await within(createDbOpener(name, { version: DB_VERSION + 1 })());
    expect(upgraded.version).toBe(DB_VERSION + 1);
    expect(() => older.transaction('searchBuckets')).toThrowError(
      expect.objectContaining({ name: 'InvalidStateError' }) as Error,
    );
    expect(await upgraded.get('searchBuckets', META_KEY)).toEqual({
      bucket: META_KEY,
      stamp: 'kept',
    });
  });

  it('an older page that never lets go gets a plain answer, not a hang, and the upgrade completes once it closes', async () => {
    const name = uniqueName();
    const current = fixtures.find((fixture) => fixture.version === DB_VERSION) ?? fixtures.at(-1)!;
    const stubborn = await buildFromFixture(name, current, { ignoreVersionChange: true });

    const newer = createDbOpener(name, { version: stubborn.version + 1, blockedGraceMs: 50 });
    await expect(within(newer())).rejects.toMatchObject({
      code: 'storage_unavailable',
      words: STORAGE_BLOCKED_MESSAGE,
    });

    stubborn.close();
    const db = await within(newer());
    expect(db.version).toBe(stubborn.version + 1);
    expect(await db.count('parties')).toBe(current.stores.parties?.records.length);
  });
});

describe('version 2: the search projection packed by bucket', () => {
  it('rebuilds the projection of a version 1 database from its parties, leaving nothing of the old one', async () => {
    const v1 = fixtures.find((fixture) => fixture.version === 1)!;
    const buckets = v1.stores.searchBuckets!;
    // The old projection also held a row for a party no longer on file: it must not come back.
    const ghost = { id: 'gone', name: 'Nobody Anymore', kind: 'client', type: 'person' };
    const withGhost = {
      ...v1,
      stores: {
        ...v1.stores,
        searchBuckets: {
          ...buckets,
          records: buckets.records.map((record, i) =>
            i === 0
              ? {
                  ...record,
                  rows: {
                    ...(record.rows as object),
                    gone: { ...ghost, emails: [], phones: [], text: 'nobody anymore' },
                  },
                }
              : record,
          ),
        },
      },
    };
    const name = uniqueName();
    (await buildFromFixture(name, withGhost)).close();

    const getDb = createDbOpener(name);
    const db = await getDb();
    const parties = v1.stores.parties!.records as { id: string; name: string }[];
    for (const part of await db.getAll('searchBuckets')) {
      expect(part).not.toHaveProperty('rows');
      expect(SearchBucketSchema.safeParse(part).error).toBeUndefined();
    }
    const rows = await readSearchRows(getDb);
    expect(rows.map((row) => row.id).sort()).toEqual(parties.map((party) => party.id).sort());
    db.close();

    // And an extension page reading the store itself finds every party by name.
    const book = (await readProjection(name))!;
    await book.loadAll();
    const index = indexSource(book);
    for (const party of parties)
      expect(book.rowsAt(index.search(party.name))?.map((row) => row.id)).toContain(party.id);
    expect(index.search('nobody anymore')).toEqual([]);
  });
});

describe('version 3: address-book fields, and search by nickname and city', () => {
  it('rebuilds the projection of a version 2 database, so its parties are found by nickname and city', async () => {
    const v2 = fixtures.find((fixture) => fixture.version === 2)!;
    const [first, second, ...rest] = v2.stores.parties!.records;
    // A version 2 record never had these fields, so its stored projection cannot know
    // them: only the rebuild in version 3's step makes them searchable.
    const withCard = {
      ...v2,
      stores: {
        ...v2.stores,
        parties: {
          ...v2.stores.parties!,
          records: [
            { ...first, nickname: 'Quillfeather' },
            {
              ...second,
              addresses: [{ types: ['work'], street: '1 Rue Haute', locality: 'Zwijndrecht' }],
            },
            ...rest,
          ],
        },
      },
    };
    const name = uniqueName();
    (await buildFromFixture(name, withCard)).close();

    const getDb = createDbOpener(name);
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    const stored = (await db.get('parties', first!.id as string))!;
    expect(stored).toMatchObject({ nickname: 'Quillfeather' });
    db.close();

    const book = (await readProjection(name))!;
    await book.loadAll();
    const index = indexSource(book);
    const idsFor = (query: string) => book.rowsAt(index.search(query))?.map((row) => row.id);
    expect(idsFor('quillfeather')).toEqual([first!.id]);
    expect(idsFor('zwijndrecht')).toEqual([second!.id]);
    for (const party of v2.stores.parties!.records as { id: string; name: string }[])
      expect(idsFor(party.name)).toContain(party.id);
  });
});

describe('version 6: sync (outbox, synced states, tokens; follow-ups edited at)', () => {
  it('gives every follow-up of a version 5 database its updatedAt: doneAt, else createdAt', async () => {
    const v5 = fixtures.find((fixture) => fixture.version === 5)!;
    const name = uniqueName();
    (await buildFromFixture(name, v5)).close();
    const db = await createDbOpener(name)();
    const records = v5.stores.followUps!.records as {
      id: string;
      doneAt?: number;
      createdAt: number;
    }[];
    expect(records.some((f) => f.doneAt !== undefined)).toBe(true);
    expect(records.some((f) => f.doneAt === undefined)).toBe(true);
    for (const record of records) {
      const stored = await db.get('followUps', record.id);
      expect(stored?.updatedAt).toBe(record.doneAt ?? record.createdAt);
    }
    // New stores start empty: an upgrade queues nothing by itself.
    expect(await db.count('outbox')).toBe(0);
    expect(await db.count('syncStates')).toBe(0);
    expect(await db.count('syncTokens')).toBe(0);
    db.close();
  });
});

describe('version 7: parties by the UID of the card they came from', () => {
  it('indexes the imported parties of a version 6 database by cardUid, and no other', async () => {
    const v6 = fixtures.find((fixture) => fixture.version === 6)!;
    const name = uniqueName();
    (await buildFromFixture(name, v6)).close();
    const db = await createDbOpener(name)();
    const parties = v6.stores.parties!.records as { id: string; cardUid?: string }[];
    const imported = parties.filter((party) => party.cardUid !== undefined);
    expect(imported.length).toBeGreaterThan(0);
    for (const party of imported)
      expect(await db.getKeyFromIndex('parties', 'byCardUid', party.cardUid!)).toBe(party.id);
    expect(await db.countFromIndex('parties', 'byCardUid')).toBe(imported.length);
    // Sync's state came through as it was: nothing is queued or forgotten by the step.
    expect(await db.count('outbox')).toBe(v6.stores.outbox!.records.length);
    expect(await db.count('syncStates')).toBe(v6.stores.syncStates!.records.length);
    db.close();
  });
});
