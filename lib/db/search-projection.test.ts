import { toSearchRow } from '../../tests/support/store-reads';
import { describe, expect, it } from 'vitest';
import type { Party } from '../domain';
import { createDbOpener, type GetDb } from './open';
import {
  projectParties,
  projectParty,
  readSearchRows,
  replaceProjection,
  unprojectParty,
} from './search-projection';
import { createSearchIndex } from '../search/search-index';
import {
  bucketOf,
  META_KEY,
  SearchBucketSchema,
  SearchRowSchema,
  SHOW_OFFSET,
  STALE_KEY,
} from './search-row';

function party(id: string, name: string): Party {
  return {
    id,
    type: 'person',
    name,
    kind: 'prospect',
    kindHistory: [{ kind: 'prospect', at: 1 }],
    emails: [],
    phones: [],
    domains: [],
    tags: [],
    notes: '',
    createdAt: 1,
    updatedAt: 1,
  };
}

/** Two ids that share a bucket, and one in another bucket. */
function idsForBuckets(): { same: [string, string]; other: string } {
  const byBucket = new Map<number, string>();
  for (;;) {
    const id = crypto.randomUUID();
    const bucket = bucketOf(id);
    const mate = byBucket.get(bucket);
    if (mate !== undefined) {
      const other = [...byBucket.entries()].find(([b]) => b !== bucket)?.[1];
      if (other !== undefined) return { same: [mate, id], other };
    }
    byBucket.set(bucket, id);
  }
}

async function write(
  getDb: GetDb,
  action: (tx: Parameters<typeof projectParty>[0]) => Promise<void>,
) {
  const db = await getDb();
  const tx = db.transaction('searchBuckets', 'readwrite');
  await action(tx);
  await tx.done;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

describe('search projection', () => {
  it('keeps rows that share a bucket side by side, and replaces a row on re-projection', async () => {
    const getDb = createDbOpener(`clientele-projection-${crypto.randomUUID()}`);
    const { same, other } = idsForBuckets();
    const [a, b] = same;

    await write(getDb, async (tx) => {
      await projectParty(tx, party(a, 'Alpha'));
      await projectParty(tx, party(b, 'Beta'));
      await projectParty(tx, party(other, 'Other'));
    });
    await write(getDb, (tx) => projectParty(tx, { ...party(a, 'Alpha Renamed'), kind: 'client' }));

    const rows = (await readSearchRows(getDb)).sort(byId);
    expect(rows.map((row) => [row.id, row.name, row.kind])).toEqual(
      [
        [a, 'Alpha Renamed', 'client'],
        [b, 'Beta', 'prospect'],
        [other, 'Other', 'prospect'],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
    const db = await getDb();
    const shown = await db.get('searchBuckets', SHOW_OFFSET + bucketOf(a));
    expect(shown && 'ids' in shown ? [...shown.ids].sort() : []).toEqual([a, b].sort());
  });

  it('removes one row without touching its bucket mates, and ignores unknown ids', async () => {
    const getDb = createDbOpener(`clientele-projection-${crypto.randomUUID()}`);
    const { same, other } = idsForBuckets();
    const [a, b] = same;
    await write(getDb, async (tx) => {
      await projectParty(tx, party(a, 'Alpha'));
      await projectParty(tx, party(b, 'Beta'));
    });

    await write(getDb, async (tx) => {
      await unprojectParty(tx, a);
      await unprojectParty(tx, other);
      await unprojectParty(tx, a);
    });

    expect((await readSearchRows(getDb)).map((row) => row.id)).toEqual([b]);
    // The unknown id created no bucket.
    expect(await (await getDb()).getAllKeys('searchBuckets')).toEqual([
      bucketOf(b),
      SHOW_OFFSET + bucketOf(b),
      META_KEY,
    ]);
  });

  it('rebuilds from the parties a projection that a writer found damaged, losing no row', async () => {
    const getDb = createDbOpener(`clientele-projection-${crypto.randomUUID()}`);
    const { same, other } = idsForBuckets();
    const [a, b] = same;
    const db = await getDb();
    const seed = db.transaction(['parties', 'searchBuckets'], 'readwrite');
    for (const p of [party(a, 'Alpha'), party(b, 'Beta'), party(other, 'Other')])
      void seed.objectStore('parties').put(p);
    await projectParties(seed, [party(a, 'Alpha'), party(b, 'Beta'), party(other, 'Other')]);
    await seed.done;

    // A bucket's show part goes missing: its pair is torn.
    await db.delete('searchBuckets', SHOW_OFFSET + bucketOf(a));
    // The next write to that bucket still goes through, and says the projection is stale.
    await write(getDb, (tx) => projectParty(tx, party(b, 'Beta Renamed')));
    expect(await db.get('searchBuckets', STALE_KEY)).toMatchObject({ bucket: STALE_KEY });
    const partial = await db.get('searchBuckets', SHOW_OFFSET + bucketOf(a));
    expect(partial && 'ids' in partial ? partial.ids : []).toEqual([b]);

    // Reading rows rebuilds it from the parties store (where Beta was not renamed:
    // this test wrote only the projection), and clears the mark.
    const rows = (await readSearchRows(getDb)).sort(byId);
    expect(rows.map((row) => row.id)).toEqual([a, b, other].sort());
    expect(await db.get('searchBuckets', STALE_KEY)).toBeUndefined();
    for (const part of await db.getAll('searchBuckets'))
      expect(SearchBucketSchema.safeParse(part).error).toBeUndefined();
  });

  it('rebuilds a projection whose parts do not parse when rows are read', async () => {
    const getDb = createDbOpener(`clientele-projection-${crypto.randomUUID()}`);
    const db = await getDb();
    const ada = party('00000000-0000-4000-8000-00000000000a', 'Ada');
    await db.put('parties', ada);
    await db.put('searchBuckets', {
      bucket: 0,
      stamp: 's',
      text: 'two lines\nfor no rows',
      last: new Float64Array(),
    });
    expect((await readSearchRows(getDb)).map((row) => row.name)).toEqual(['Ada']);
    expect(await readSearchRows(getDb)).toEqual([toSearchRow(ada)]);
  });

  it('replaces the whole projection, stale mark and all, for a restore', async () => {
    const getDb = createDbOpener(`clientele-projection-${crypto.randomUUID()}`);
    const { same, other } = idsForBuckets();
    await write(getDb, (tx) => projectParty(tx, party(same[0], 'Old')));
    const db = await getDb();
    await db.put('searchBuckets', { bucket: STALE_KEY, since: 1 });
    const tx = db.transaction('searchBuckets', 'readwrite');
    await replaceProjection(tx.store, [party(same[1], 'New'), party(other, 'Other')]);
    await tx.done;
    expect(await db.get('searchBuckets', STALE_KEY)).toBeUndefined();
    const rows = await readSearchRows(getDb);
    expect(rows.map((row) => row.name).sort()).toEqual(['New', 'Other']);
  });
});

describe('search rows, for a popup that cannot read the store itself', () => {
  it('carry the nickname and cities, so a book made from them finds a party by either', async () => {
    const getDb = createDbOpener(`clientele-projection-${crypto.randomUUID()}`);
    const grace: Party = {
      ...party(crypto.randomUUID(), 'Grace Hopper'),
      nickname: 'Amazing Grace',
      addresses: [{ types: ['home'], locality: 'Arlington' }],
    };
    const plain = party(crypto.randomUUID(), 'Ada Lovelace');
    await write(getDb, (tx) => projectParties(tx, [grace, plain]));
    const rows = await readSearchRows(getDb);
    expect(rows.find((row) => row.id === plain.id)).toEqual(toSearchRow(plain));
    // What the background answers the popup with is what it would read itself.
    const index = createSearchIndex(rows.map((row) => SearchRowSchema.parse(row)));
    for (const query of ['amazing', 'arlington', 'grace'])
      expect(index.search(query).map((row) => row.name)).toEqual(['Grace Hopper']);
    expect(index.search('zanzibar')).toEqual([]);
  });
});
