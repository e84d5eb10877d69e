import { describe, expect, it } from 'vitest';
import type { Party } from '../domain';
import { createDbOpener, type GetDb } from './open';
import { projectParty, readSearchRows, unprojectParty } from './search-projection';
import { bucketOf } from './search-row';

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
    expect(Object.keys((await db.get('searchBuckets', bucketOf(a)))?.rows ?? {}).sort()).toEqual(
      [a, b].sort(),
    );
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
    expect(await (await getDb()).getAllKeys('searchBuckets')).toEqual([bucketOf(b)]);
  });
});
