import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_CADENCE,
  newParty,
  PartyDraftSchema,
  type Party,
  type PartyDraft,
} from '../domain';
import { STALE_KEY } from '../search/projection-format';
import { findPartiesByEmails } from '../../tests/support/store-reads';
import { idsSharingABucket } from './bucket-ids';
import { importParties } from './bulk-import';
import { createDbOpener, type ClienteleDb } from './open';
import { createParty, updateParty, type RepositoryContext } from './party-repository';
import { projectParties, readSearchRows } from './search-projection';
import { bucketOf, SEARCH_BUCKETS } from './search-row';

function makeContext(): RepositoryContext {
  return {
    getDb: createDbOpener(`clientele-bulk-${crypto.randomUUID()}`),
    clock: () => Date.UTC(2026, 10, 23),
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
}

async function built(draft: PartyDraft): Promise<Party> {
  const result = newParty(PartyDraftSchema.parse(draft), {
    id: crypto.randomUUID(),
    now: 0,
    region: 'US',
    cadence: DEFAULT_CADENCE,
  });
  if (!result.ok) throw new Error(result.error.message.code);
  return Promise.resolve(result.value);
}

const person = (i: number): PartyDraft => ({
  name: `Person ${i}`,
  kind: 'customer',
  emails: [`person${i}@example.com`],
});

describe('importParties', () => {
  it('stores every row in chunks, reports progress, and projects each one', async () => {
    const context = makeContext();
    const progress: number[] = [];
    const outcome = await importParties(
      context,
      Array.from({ length: 25 }, (_, i) => person(i)),
      { chunkSize: 10, onProgress: ({ done }) => progress.push(done) },
    );
    expect(outcome).toEqual({ created: 25, duplicates: 0, rejected: [], cancelled: false });
    expect(progress).toEqual([10, 20, 25]);
    expect(await readSearchRows(context.getDb)).toHaveLength(25);
  });

  it('skips rows already on file or repeated within the batch, and lists bad rows by position', async () => {
    const context = makeContext();
    await createParty(context, person(1));
    const outcome = await importParties(context, [
      person(1),
      person(2),
      { ...person(3), emails: ['PERSON2@example.com'] },
      { ...person(4), emails: ['not an address'] },
      { name: '', kind: 'client' },
    ]);
    expect(outcome.created).toBe(1);
    expect(outcome.duplicates).toBe(2);
    expect(outcome.rejected.map((r) => [r.index, r.error.code])).toEqual([
      [3, 'invalid_email'],
      [4, 'invalid'],
    ]);
    const known = await findPartiesByEmails(await context.getDb(), [
      'person1@example.com',
      'person2@example.com',
    ]);
    expect(known.get('person2@example.com')?.name).toBe('Person 2');
  });

  it('stops between chunks when cancelled, keeping the chunks already stored', async () => {
    const context = makeContext();
    const controller = new AbortController();
    const outcome = await importParties(
      context,
      Array.from({ length: 30 }, (_, i) => person(i)),
      {
        chunkSize: 10,
        signal: controller.signal,
        onProgress: ({ done }) => done >= 10 && controller.abort(),
      },
    );
    expect(outcome).toMatchObject({ created: 10, cancelled: true });
    expect(await readSearchRows(context.getDb)).toHaveLength(10);
  });

  it('merges rows into the records on file and into rows before them, across chunks', async () => {
    const context = makeContext();
    await createParty(context, { ...person(1), phones: ['(212) 555-0101'] });
    const merge = vi.fn((onFile: Party, incoming: Party) => ({
      ...onFile,
      emails: [...new Set([...onFile.emails, ...incoming.emails])],
      phones: [...new Set([...onFile.phones, ...incoming.phones])],
    }));
    const outcome = await importParties(
      context,
      [
        person(2),
        { ...person(3), emails: ['other@example.com'], phones: ['212 555 0101'] }, // on file, by phone
        person(4),
        { ...person(5), emails: ['person2@example.com', 'five@example.com'] }, // row 0, a chunk before
        { ...person(6), emails: ['five@example.com'] }, // merged into row 3's record
      ],
      { chunkSize: 2, merge },
    );
    expect(outcome).toEqual({
      created: 2,
      merged: 3,
      duplicates: 0,
      rejected: [],
      cancelled: false,
    });
    const rows = await readSearchRows(context.getDb);
    expect(rows.map((row) => row.emails.join(' ')).sort()).toEqual([
      'person1@example.com other@example.com',
      'person2@example.com five@example.com',
      'person4@example.com',
    ]);
    const db = await context.getDb();
    expect(await db.count('parties')).toBe(3);
  });

  it('sees what other writes changed between imports', async () => {
    const context = makeContext();
    await importParties(context, [person(1), person(2)]);
    // Elsewhere, one record gets a new address, and one is created.
    const [first] = (await readSearchRows(context.getDb)).filter((r) => r.name === 'Person 1');
    await updateParty(context, first!.id, { emails: ['renamed@example.com'] });
    await createParty(context, person(3));

    const outcome = await importParties(context, [
      person(1), // its old address is free again
      { ...person(4), emails: ['renamed@example.com'] },
      person(3),
    ]);
    expect(outcome).toMatchObject({ created: 1, duplicates: 2 });
    const emails = (await readSearchRows(context.getDb)).flatMap((row) => row.emails).sort();
    expect(emails).toEqual([
      'person1@example.com',
      'person2@example.com',
      'person3@example.com',
      'renamed@example.com',
    ]);
  });

  it('redoes a chunk written ahead when something else wrote in between', async () => {
    const context = makeContext();
    const db = await context.getDb();
    const rival = {
      ...(await built({ ...person(55), name: 'Already here' })),
      id: '00000000-0000-4000-8000-0000000000aa',
    };
    const outcome = await importParties(
      context,
      Array.from({ length: 60 }, (_, i) => person(i)),
      {
        chunkSize: 10,
        onProgress: ({ done }) => {
          if (done !== 10) return;
          // Written now, after the chunks already written ahead and before the last
          // one, which is decided on what the chunk before it left and must be redone.
          const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite');
          void tx.objectStore('parties').put(rival);
          void projectParties(tx, [rival]);
        },
      },
    );
    expect(outcome).toMatchObject({ created: 59, duplicates: 1, cancelled: false });
    const rows = await readSearchRows(context.getDb);
    expect(rows).toHaveLength(60);
    expect(rows.find((row) => row.emails.includes('person55@example.com'))?.name).toBe(
      'Already here',
    );
    expect(await db.count('parties')).toBe(60);
  });

  it('keeps the store and its search rows in step when a chunk fails', async () => {
    const context = makeContext();
    const db = await context.getDb();
    let transactions = 0;
    const failing = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'transaction') return Reflect.get(target, property, receiver) as unknown;
        return (...args: Parameters<ClienteleDb['transaction']>) => {
          const tx = target.transaction(...args);
          tx.done.catch(() => undefined);
          // The second chunk's transaction dies as a stopped worker's would.
          if (++transactions === 2) queueMicrotask(() => tx.abort());
          return tx;
        };
      },
    });
    await expect(
      importParties(
        { ...context, getDb: () => Promise.resolve(failing) },
        Array.from({ length: 30 }, (_, i) => person(i)),
        { chunkSize: 10 },
      ),
    ).rejects.toThrow();
    const ids = (await db.getAllKeys('parties')).sort();
    expect(ids).toHaveLength(10);
    expect((await readSearchRows(context.getDb)).map((row) => row.id).sort()).toEqual(ids);
  });

  it('finds duplicates from the records themselves while the projection is marked stale', async () => {
    const context = makeContext();
    await createParty(context, person(1));
    const db = await context.getDb();
    await db.put('searchBuckets', { bucket: STALE_KEY, since: 0 });
    const outcome = await importParties(context, [person(1), person(2)]);
    expect(outcome).toMatchObject({ created: 1, duplicates: 1 });
    // Reading rows rebuilt the projection: both records are searchable.
    expect((await readSearchRows(context.getDb)).map((row) => row.name).sort()).toEqual([
      'Person 1',
      'Person 2',
    ]);
  });
});

describe('idsSharingABucket', () => {
  it('makes distinct version 4 UUIDs that all land in one projection bucket', () => {
    for (const count of [1, 7, 5000]) {
      const ids = idsSharingABucket(count);
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      for (const id of ids)
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids.map(bucketOf)).size).toBe(1);
    }
    // Each chunk picks its bucket at random, or is given one.
    const buckets = new Set(Array.from({ length: 200 }, () => bucketOf(idsSharingABucket(1)[0]!)));
    expect(buckets.size).toBeGreaterThan(40);
    for (const bucket of [0, 17, SEARCH_BUCKETS - 1])
      expect(new Set(idsSharingABucket(50, bucket).map(bucketOf))).toEqual(new Set([bucket]));
  });

  it('puts each chunk of an import in the bucket with the fewest rows', async () => {
    const context = makeContext();
    await importParties(
      context,
      Array.from({ length: 40 }, (_, i) => person(i)),
      { chunkSize: 10 },
    );
    const sizes = new Map<number, number>();
    for (const row of await readSearchRows(context.getDb))
      sizes.set(bucketOf(row.id), (sizes.get(bucketOf(row.id)) ?? 0) + 1);
    expect([...sizes.values()]).toEqual([10, 10, 10, 10]);
  });
});
