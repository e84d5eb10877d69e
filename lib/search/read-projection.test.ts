import { describe, expect, it, vi } from 'vitest';
import { createDbOpener } from '../db/open';
import { DB_NAME } from '../db/schema';
import { projectParties, unprojectParty } from '../db/search-projection';
import type { Party } from '../domain/party';
import { SEARCH_BUCKETS, SHOW_OFFSET, STALE_KEY } from './projection-format';
import { readProjection } from './read-projection';
import { BookChanged, SearchBook } from './search-book';
import { indexSource } from './search-index';

function party(id: string, name: string, extra: Partial<Party> = {}): Party {
  return {
    id,
    type: 'person',
    name,
    kind: 'client',
    kindHistory: [{ kind: 'client', at: 1 }],
    emails: [],
    phones: [],
    domains: [],
    tags: [],
    notes: '',
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

/** Parties in several buckets, as the background writes them. */
const BOOK = [
  party('00000000-0000-4000-8000-000000000001', 'Ada Lovelace', {
    emails: ['ada@engines.example'],
    organizationName: 'Analytical',
    lastInteractionAt: 5,
  }),
  party('40000000-0000-4000-8000-000000000002', 'Grace Hopper', {
    phones: ['+12125550100'],
    lastInteractionAt: 9,
  }),
  party('80000000-0000-4000-8000-000000000003', 'Zoë Lefèvre', { kind: 'prospect' }),
  party('c0000000-0000-4000-8000-000000000004', 'Alan Turing', {
    emails: ['alan@bletchley.example'],
  }),
];

async function backgroundWrites(parties: Party[], name = DB_NAME) {
  const db = await createDbOpener(name)();
  const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite');
  for (const p of parties) void tx.objectStore('parties').put(p);
  await projectParties(tx, parties);
  await tx.done;
  return db;
}

const names = (book: SearchBook, positions: number[]) =>
  book.rowsAt(positions)?.map((row) => row.name);

describe('readProjection', () => {
  it('reads what to search at once, and what results show per bucket when asked', async () => {
    (await backgroundWrites(BOOK)).close();
    const book = (await readProjection())!;
    expect(book.size).toBe(4);
    const index = indexSource(book);

    const found = index.search('lovelace');
    expect(names(book, found)).toBeUndefined(); // not read yet
    expect(book.phonesOf(found[0]!)).toBeUndefined();
    await book.ensure(found);
    expect(names(book, found)).toEqual(['Ada Lovelace']);
    expect(book.rowAt(found[0]!)).toEqual({
      id: BOOK[0]!.id,
      name: 'Ada Lovelace',
      kind: 'client',
      type: 'person',
      emails: ['ada@engines.example'],
      phones: [],
      organization: 'Analytical',
      lastInteractionAt: 5,
    });
    // Only that bucket was read.
    expect(book.complete).toBe(false);
    expect(names(book, index.search('turing'))).toBeUndefined();

    await book.loadAll();
    expect(book.complete).toBe(true);
    expect(names(book, index.recent())).toEqual(['Grace Hopper', 'Ada Lovelace']);
    expect(names(book, index.search('555 0100'))).toEqual(['Grace Hopper']);
    expect(names(book, index.search('zoe'))).toEqual(['Zoë Lefèvre']);
  });

  it('lets go of the database once everything is read, so an upgrade is not held up', async () => {
    (await backgroundWrites(BOOK)).close();
    const book = (await readProjection())!;
    await book.loadAll();
    const blocked = vi.fn();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onblocked = blocked;
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('delete failed'));
    });
    expect(blocked).not.toHaveBeenCalled();
  });

  it('does not create the database when there is none: that is the background’s to do', async () => {
    expect(await readProjection()).toBeNull();
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(DB_NAME);
  });

  it('leaves a database of another version to the background', async () => {
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () =>
        request.result.createObjectStore('searchBuckets', { keyPath: 'bucket' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    old.close();
    expect(await readProjection()).toBeNull();
    // Still at its version: nothing was upgraded from here.
    expect((await indexedDB.databases()).find((db) => db.name === DB_NAME)?.version).toBe(1);
  });

  it('asks the background instead while the projection is marked stale', async () => {
    const db = await backgroundWrites(BOOK);
    await db.put('searchBuckets', { bucket: STALE_KEY, since: 1 });
    db.close();
    expect(await readProjection()).toBeNull();
  });

  it('asks the background instead when a find part is not what this build writes', async () => {
    const db = await backgroundWrites(BOOK);
    const [key] = (await db.getAllKeys('searchBuckets')).filter((k) => k < SEARCH_BUCKETS);
    const find = await db.get('searchBuckets', key!);
    await db.put('searchBuckets', {
      ...find!,
      text: 'one line for a bucket of one row\nand another',
    });
    db.close();
    expect(await readProjection()).toBeNull();
  });

  it('says so when a bucket was written between reading what to search and what to show', async () => {
    const db = await backgroundWrites(BOOK);
    const book = (await readProjection())!;
    const tx = db.transaction('searchBuckets', 'readwrite');
    await unprojectParty(tx, BOOK[0]!.id);
    await tx.done;
    db.close();
    const index = indexSource(book);
    await expect(book.ensure(index.search('lovelace'))).rejects.toBeInstanceOf(BookChanged);
    book.close();
  });
});

describe('SearchBook', () => {
  it('shows the same rows whether they were read from the store or came as rows', async () => {
    (await backgroundWrites(BOOK)).close();
    const stored = (await readProjection())!;
    await stored.loadAll();
    const all = (book: SearchBook) =>
      book
        .rowsAt(Array.from({ length: book.size }, (_, i) => i))!
        .sort((a, b) => a.id.localeCompare(b.id));
    const fromRows = SearchBook.fromRows(all(stored));
    expect(all(fromRows)).toEqual(all(stored));
    expect(fromRows.complete).toBe(true);
  });

  it('refuses show parts that do not belong to the find parts it holds', async () => {
    (await backgroundWrites(BOOK)).close();
    const book = (await readProjection())!;
    const db = await createDbOpener()();
    const show = await db.get('searchBuckets', SHOW_OFFSET + 0);
    expect(() => book.addShows([{ ...show!, stamp: 'another write' }])).toThrow(BookChanged);
    expect(() => book.addShows([{ ...show!, ids: [] }])).toThrow(BookChanged);
    book.close();
  });
});
