import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, type Interaction, type Party } from '../domain';
import { BATCH_KEYS, type OutboxEntry } from '../sync/outbox';
import { deleteParties, pruneExpired } from './deletion-repository';
import { createDbOpener } from './open';
import { setSyncActive } from './outbox-capture';
import { countQueued, pendingEntries, queuedRecordKeys } from './outbox-store';
import type { RepositoryContext } from './party-repository';
import { RECENTLY_DELETED_MS } from './undo-entry';
import { undoEntry } from './undo-repository';

const NOW = Date.UTC(2026, 11, 7);
const COUNT = 30;

function makeContext(): RepositoryContext {
  return {
    getDb: createDbOpener(`clientele-outbox-${crypto.randomUUID()}`),
    clock: () => NOW,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
}

function book(): { parties: Party[]; interactions: Interaction[] } {
  const parties = Array.from({ length: COUNT }, (_, i): Party => ({
    id: `p-${i}`,
    type: 'person',
    name: `Person ${i}`,
    kind: 'client',
    kindHistory: [{ kind: 'client', at: NOW }],
    emails: [`p${i}@example.com`],
    phones: [],
    domains: [],
    tags: [],
    notes: '',
    createdAt: NOW,
    updatedAt: NOW,
  }));
  const interactions = parties.map((party, i): Interaction => ({
    id: `i-${i}`,
    partyId: party.id,
    type: 'call',
    direction: 'outbound',
    at: NOW,
    summary: `call ${i}`,
    requestId: `r-${i}`,
    createdAt: NOW,
  }));
  return { parties, interactions };
}

/** A book of COUNT parties with an interaction each, and an empty outbox. */
async function seeded() {
  const context = makeContext();
  const records = book();
  const db = await context.getDb();
  const tx = db.transaction(['parties', 'interactions'], 'readwrite');
  for (const party of records.parties) void tx.objectStore('parties').put(party);
  for (const interaction of records.interactions)
    void tx.objectStore('interactions').put(interaction);
  await tx.done;
  await db.clear('outbox');
  return { context, db, records };
}

const batchKeys = async (db: Awaited<ReturnType<typeof seeded>>['db']) =>
  db.getAllKeys('outbox', IDBKeyRange.bound(BATCH_KEYS.lower, BATCH_KEYS.upper));
const byKey = (entries: OutboxEntry[]) => new Map(entries.map((entry) => [entry.key, entry]));

describe('the outbox of a bulk action', () => {
  beforeEach(() => setSyncActive(true));
  afterEach(() => setSyncActive(false));

  it('a bulk delete queues one batch; the sync reads one deletion per record, once', async () => {
    const { context, db, records } = await seeded();
    const deleted = await deleteParties(
      context,
      records.parties.map((party) => party.id),
    );
    expect(deleted.ok).toBe(true);
    expect(await db.count('outbox')).toBe(1);
    expect(await batchKeys(db)).toHaveLength(1);
    expect(await countQueued(db)).toBe(2 * COUNT);

    const pending = await pendingEntries(db);
    expect(pending).toHaveLength(2 * COUNT);
    expect(new Set(pending.map((entry) => entry.op))).toEqual(new Set(['delete']));
    expect(new Set(pending.map((entry) => entry.seq)).size).toBe(2 * COUNT);
    // Expanded for good: the batch is gone, the entries are stored, a second read agrees.
    expect(await batchKeys(db)).toEqual([]);
    expect(await db.count('outbox')).toBe(2 * COUNT);
    expect(byKey(await pendingEntries(db))).toEqual(byKey(pending));
  });

  it('a party deleted then restored is queued as a put, newer than its deletion', async () => {
    const { context, db, records } = await seeded();
    const deleted = await deleteParties(
      context,
      records.parties.map((party) => party.id),
    );
    if (!deleted.ok) throw new Error(deleted.error.message.code);
    const before = byKey(await pendingEntries(db));
    expect((await undoEntry(context, deleted.value.id)).ok).toBe(true);

    const after = await pendingEntries(db);
    expect(after).toHaveLength(2 * COUNT);
    for (const entry of after) {
      expect(entry.op).toBe('put');
      expect(entry.seq).toBeGreaterThan(before.get(entry.key)!.seq);
    }
    // Without a read in between: the two batches expand oldest first.
    const again = await seeded();
    const gone = await deleteParties(
      again.context,
      again.records.parties.map((party) => party.id),
    );
    if (!gone.ok) throw new Error(gone.error.message.code);
    expect((await undoEntry(again.context, gone.value.id)).ok).toBe(true);
    expect(await batchKeys(again.db)).toHaveLength(2);
    expect(new Set((await pendingEntries(again.db)).map((entry) => entry.op))).toEqual(
      new Set(['put']),
    );
  });

  it('reads entries written one per record beside batches; a newer one wins', async () => {
    const { context, db, records } = await seeded();
    const [first, second] = records.parties;
    // As written by a small change, or by an earlier version: one entry per record.
    await db.put('outbox', {
      key: 'party:elsewhere',
      type: 'party',
      id: 'elsewhere',
      op: 'put',
      seq: 1,
    });
    await deleteParties(
      context,
      records.parties.map((party) => party.id),
    );
    await db.put('outbox', {
      key: `party:${first!.id}`,
      type: 'party',
      id: first!.id,
      op: 'put',
      seq: Number.MAX_SAFE_INTEGER,
    });
    const pending = byKey(await pendingEntries(db));
    expect(pending.size).toBe(2 * COUNT + 1);
    expect(pending.get('party:elsewhere')).toMatchObject({ op: 'put', seq: 1 });
    expect(pending.get(`party:${first!.id}`)).toMatchObject({ op: 'put' });
    expect(pending.get(`party:${second!.id}`)).toMatchObject({ op: 'delete' });
  });

  it('a few changes are one entry each, as before', async () => {
    const { context, db, records } = await seeded();
    await deleteParties(context, [records.parties[0]!.id]);
    expect(await batchKeys(db)).toEqual([]);
    expect((await db.getAllKeys('outbox')).sort()).toEqual(['interaction:i-0', 'party:p-0']);
  });

  it('a transaction that aborts leaves no batch; one that commits leaves it', async () => {
    const { db, records } = await seeded();
    const rename = async (abort: boolean) => {
      const tx = db.transaction('parties', 'readwrite');
      await Promise.all(
        records.parties.map((party) => tx.store.put({ ...party, name: `${party.name}!` })),
      );
      if (abort) tx.abort();
      await tx.done.catch(() => undefined);
    };
    await rename(true);
    expect(await db.count('outbox')).toBe(0);
    await rename(false);
    expect(await batchKeys(db)).toHaveLength(1);
    expect(await countQueued(db)).toBe(COUNT);
  });

  it('a tombstone whose records wait in a batch is kept past the window', async () => {
    const { context, db, records } = await seeded();
    await deleteParties(
      context,
      records.parties.map((party) => party.id),
    );
    const later = NOW + RECENTLY_DELETED_MS;
    await pruneExpired(context.getDb, later);
    expect(await db.count('tombstones')).toBe(1);
    expect(await queuedRecordKeys(db.transaction('outbox').store)).toContain('party:p-0');

    await db.clear('outbox'); // the server acknowledged every deletion
    await pruneExpired(context.getDb, later);
    expect(await db.count('tombstones')).toBe(0);
  });
});
