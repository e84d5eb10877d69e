import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../domain';
import { bookArb } from '../../tests/support/test-books';
import type { BackupRecords } from '../transfer/backup-records';
import { readAllRecords } from '../../tests/support/store-reads';
import { restoreIntoEmpty } from './backup-repository';
import {
  countPartyDeletion,
  deleteParties,
  forgetEntry,
  listRecentlyDeleted,
  pruneExpired,
} from './deletion-repository';
import { TransactionCancelled } from './in-transaction';
import { createDbOpener } from './open';
import { createParty } from './party-repository';
import type { RepositoryContext } from './party-repository';
import { readSearchRows } from './search-projection';
import {
  DELETABLE_STORES,
  RECENTLY_DELETED_MS,
  type ActionTombstone,
  type DeletedIds,
} from './undo-entry';
import { undoEntry } from './undo-repository';
import { say } from '../ui/ui-text';

const NOW = Date.UTC(2026, 11, 7);

function makeContext(clock = () => NOW): RepositoryContext {
  return {
    getDb: createDbOpener(`clientele-delete-${crypto.randomUUID()}`),
    clock,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
}

/** A book where no address or phone is on two records, as the store keeps it. */
function distinctContacts(book: BackupRecords): BackupRecords {
  const seen = new Set<string>();
  const parties = book.parties.filter((party) => {
    const keys = [...party.emails, ...party.phones];
    if (keys.some((key) => seen.has(key))) return false;
    keys.forEach((key) => seen.add(key));
    return true;
  });
  const kept = new Set(parties.map((party) => party.id));
  const mine = <T extends { partyId: string }>(records: T[]) =>
    records.filter((record) => kept.has(record.partyId));
  return {
    ...book,
    parties,
    interactions: mine(book.interactions),
    followUps: mine(book.followUps),
    engagements: mine(book.engagements),
    purchases: mine(book.purchases),
  };
}

async function seeded(book: BackupRecords) {
  const context = makeContext();
  const restored = await restoreIntoEmpty(context.getDb, book);
  expect(restored.ok).toBe(true);
  return context;
}

const sortedRows = async (context: RepositoryContext) =>
  (await readSearchRows(context.getDb)).sort((a, b) => a.id.localeCompare(b.id));

describe('deleting parties and undoing it', () => {
  it('round trip: any selection of any book comes back exactly, search rows included', async () => {
    await fc.assert(
      fc.asyncProperty(
        bookArb(6).map(distinctContacts),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (book, picks) => {
          fc.pre(book.parties.length > 0);
          const context = await seeded(book);
          const before = await readAllRecords(context.getDb);
          const rowsBefore = await sortedRows(context);
          const ids = picks.map((pick) => book.parties[pick % book.parties.length]!.id);
          const chosen = ids.length > 0 ? ids : [book.parties[0]!.id];

          const deleted = await deleteParties(context, chosen);
          if (!deleted.ok) throw new Error(deleted.error.message.code);
          const gone = new Set(chosen);
          const after = await readAllRecords(context.getDb);
          expect(after.parties.some((party) => gone.has(party.id))).toBe(false);
          for (const store of ['interactions', 'followUps', 'engagements', 'purchases'] as const)
            expect(after[store].some((record) => gone.has(record.partyId))).toBe(false);
          expect((await sortedRows(context)).some((row) => gone.has(row.id))).toBe(false);
          // Records between deleted neighbours stay (deletes go by key range).
          expect(after.parties).toEqual(before.parties.filter((party) => !gone.has(party.id)));
          for (const store of ['interactions', 'followUps', 'engagements', 'purchases'] as const)
            expect(after[store]).toEqual(
              (before[store] as { partyId: string }[]).filter((r) => !gone.has(r.partyId)),
            );
          const db = await context.getDb();
          // One tombstone for the action, naming every record it removed.
          const [tombstone, ...others] = await db.getAll('tombstones');
          expect(others).toEqual([]);
          expect(tombstone).toMatchObject({ id: deleted.value.id, at: NOW });
          expect(sortedIds((tombstone as ActionTombstone).ids)).toEqual(idsByStore(before, gone));

          const undone = await undoEntry(context, deleted.value.id);
          if (!undone.ok) throw new Error(undone.error.message.code);
          expect(await readAllRecords(context.getDb)).toEqual(before);
          expect(await sortedRows(context)).toEqual(rowsBefore);
          expect(await db.count('tombstones')).toBe(0);
          expect(await db.count('undoEntries')).toBe(0);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('the confirmation counts exactly what the deletion then removes', async () => {
    const book = fc
      .sample(bookArb(4).map(distinctContacts), { numRuns: 30, seed: 18 })
      .find((candidate) => candidate.parties.length > 1 && candidate.interactions.length > 0)!;
    const context = await seeded(book);
    const ids = book.parties.map((party) => party.id);
    const counts = await countPartyDeletion(context.getDb, ids);
    const deleted = await deleteParties(context, ids);
    expect(deleted.ok && deleted.value.counts).toEqual(counts);
    expect(counts.parties).toBe(book.parties.length);
    expect(counts.interactions).toBe(book.interactions.length);
  });

  it('cancelled while it runs, a deletion keeps nothing; cancelled after, it stands', async () => {
    const book = fc
      .sample(bookArb(4).map(distinctContacts), { numRuns: 30, seed: 18 })
      .find((candidate) => candidate.parties.length > 1 && candidate.interactions.length > 0)!;
    const context = await seeded(book);
    await context.getDb();
    const before = await readAllRecords(context.getDb);
    const ids = book.parties.map((party) => party.id);

    const controller = new AbortController();
    const running = deleteParties(context, ids, controller.signal);
    // One turn of the event loop in: the transaction has begun its reads, not committed.
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(TransactionCancelled);
    expect(await readAllRecords(context.getDb)).toEqual(before);
    expect(await listRecentlyDeleted(context.getDb, NOW)).toEqual([]);

    const late = new AbortController();
    const deleted = await deleteParties(context, ids, late.signal);
    late.abort();
    expect(deleted.ok).toBe(true);
    expect((await readAllRecords(context.getDb)).parties).toEqual([]);
  });

  it('lists the deletion, forgets it for good on request, and keeps the tombstones for sync', async () => {
    const book = fc
      .sample(bookArb(3).map(distinctContacts), { numRuns: 20, seed: 5 })
      .find((candidate) => candidate.parties.length > 0)!;
    const context = await seeded(book);
    const target = book.parties[0]!;
    const deleted = await deleteParties(context, [target.id]);
    if (!deleted.ok) throw new Error(deleted.error.message.code);
    const listed = await listRecentlyDeleted(context.getDb, NOW);
    expect(listed.map((entry) => say(entry.label))).toEqual([target.name]);
    expect(listed[0]!.emails).toEqual(target.emails);

    expect((await forgetEntry(context.getDb, deleted.value.id)).ok).toBe(true);
    expect(await listRecentlyDeleted(context.getDb, NOW)).toEqual([]);
    const undone = await undoEntry(context, deleted.value.id);
    expect(undone.ok).toBe(false);
    expect(await (await context.getDb()).get('tombstones', deleted.value.id)).toMatchObject({
      at: NOW,
      ids: { parties: [target.id] },
    });
  });

  it('undoing a deletion made while tombstones were kept one per record removes each of them', async () => {
    const book = fc
      .sample(bookArb(3).map(distinctContacts), { numRuns: 20, seed: 11 })
      .find((candidate) => candidate.parties.length > 1 && candidate.interactions.length > 0)!;
    const context = await seeded(book);
    const ids = book.parties.map((party) => party.id);
    const deleted = await deleteParties(context, ids);
    if (!deleted.ok) throw new Error(deleted.error.message.code);
    const db = await context.getDb();
    // As an earlier version left it: one tombstone per record, none for the action.
    const { ids: removed } = (await db.get('tombstones', deleted.value.id)) as ActionTombstone;
    await db.delete('tombstones', deleted.value.id);
    for (const store of DELETABLE_STORES)
      for (const id of removed[store]) await db.put('tombstones', { id, store, at: NOW });
    await db.put('tombstones', { id: 'someone-else', store: 'parties', at: NOW });

    const undone = await undoEntry(context, deleted.value.id);
    if (!undone.ok) throw new Error(undone.error.message.code);
    expect(await db.getAllKeys('tombstones')).toEqual(['someone-else']);
  });

  it('prunes entries after 30 days, and tombstones then unless a sync still waits for them', async () => {
    const book = fc
      .sample(bookArb(3).map(distinctContacts), { numRuns: 20, seed: 9 })
      .find((candidate) => candidate.parties.length > 1)!;
    const context = await seeded(book);
    const [first, second, third] = book.parties;
    await deleteParties(context, [first!.id]);
    const waiting = await deleteParties(context, [second!.id]);
    if (!waiting.ok) throw new Error(waiting.error.message.code);
    const db = await context.getDb();
    // The server has yet to hear of the second deletion; the first was sent (or sync is off).
    await db.clear('outbox');
    await db.put('outbox', {
      key: `party:${second!.id}`,
      type: 'party',
      id: second!.id,
      op: 'delete',
      seq: 1,
    });
    // A tombstone as an earlier version kept it, one per record: pruned alike.
    if (third) await db.put('tombstones', { id: third.id, store: 'parties', at: NOW });

    await pruneExpired(context.getDb, NOW + RECENTLY_DELETED_MS - 1);
    expect(await listRecentlyDeleted(context.getDb, NOW + RECENTLY_DELETED_MS - 1)).toHaveLength(2);
    expect(await db.count('tombstones')).toBe(third ? 3 : 2);

    await pruneExpired(context.getDb, NOW + RECENTLY_DELETED_MS);
    expect(await db.count('undoEntries')).toBe(0);
    expect(await db.getAllKeys('tombstones')).toEqual([waiting.value.id]);
  });

  it('refuses to restore a party whose address is now on another record, and changes nothing', async () => {
    const context = makeContext();
    const book = fc
      .sample(bookArb(2).map(distinctContacts), { numRuns: 50, seed: 3 })
      .find((candidate) => candidate.parties.some((party) => party.emails.length > 0))!;
    await restoreIntoEmpty(context.getDb, book);
    const target = book.parties.find((party) => party.emails.length > 0)!;
    const deleted = await deleteParties(context, [target.id]);
    if (!deleted.ok) throw new Error(deleted.error.message.code);
    const db = await context.getDb();
    await db.put('parties', { ...target, id: 'newcomer', name: 'Newcomer' });
    const snapshot = await readAllRecords(context.getDb);

    const undone = await undoEntry(context, deleted.value.id);
    expect(undone.ok ? undone : undone.error.code).toBe('conflict');
    expect(await readAllRecords(context.getDb)).toEqual(snapshot);
    expect(await listRecentlyDeleted(context.getDb, NOW)).toHaveLength(1);
  });

  it('clears the link on the people of a deleted organization, and undo links them back', async () => {
    const context = makeContext();
    const org = await createParty(context, {
      name: 'Northwind',
      type: 'organization',
      kind: 'client',
      domains: ['northwind.example'],
    });
    const ada = await createParty(context, {
      name: 'Ada',
      kind: 'client',
      emails: ['ada@northwind.example'],
    });
    if (!org.ok || !ada.ok) throw new Error('not created');
    expect(ada.value.party.organizationId).toBe(org.value.party.id);
    const linked = await readAllRecords(context.getDb);

    const deleted = await deleteParties(context, [org.value.party.id]);
    expect(deleted.ok).toBe(true);
    const left = (await readAllRecords(context.getDb)).parties;
    expect(left).toHaveLength(1);
    expect(left[0]!.organizationId).toBeUndefined();
    expect(left[0]!.organizationName).toBe('Northwind');

    const undone = await undoEntry(context, deleted.ok ? deleted.value.id : '');
    expect(undone.ok).toBe(true);
    expect(await readAllRecords(context.getDb)).toEqual(linked);
  });
});

/** The ids of the records of `book` that belong to the `gone` parties, by store. */
function idsByStore(
  book: Awaited<ReturnType<typeof readAllRecords>>,
  gone: ReadonlySet<string>,
): DeletedIds {
  const ids = (records: readonly { id: string; partyId: string }[]) =>
    records.filter((record) => gone.has(record.partyId)).map((record) => record.id);
  return sortedIds({
    parties: book.parties.filter((party) => gone.has(party.id)).map((party) => party.id),
    interactions: ids(book.interactions),
    followUps: ids(book.followUps),
    engagements: ids(book.engagements),
    purchases: ids(book.purchases),
  });
}

const sortedIds = (ids: DeletedIds): DeletedIds =>
  Object.fromEntries(
    DELETABLE_STORES.map((store) => [store, [...ids[store]].sort()]),
  ) as DeletedIds;
