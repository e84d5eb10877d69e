import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, type Party } from '../domain';
import { BACKUP_STORES, readBackup, writeBackup } from '../transfer/backup-format';
import { findConflicts, parseBackupRecords, type BackupRecords } from '../transfer/backup-records';
import { bookArb, partyArb } from '../../tests/support/test-books';
import {
  countRecords,
  restoreIntoEmpty,
  restoreMerge,
  type RepositoryContext,
} from './backup-repository';
import { createDbOpener, type GetDb } from './open';
import { readSearchRows } from './search-projection';
import { readAllRecords, toSearchRow } from '../../tests/support/store-reads';
import { say } from '../ui/ui-text';

const EXPORTED_AT = '2026-11-23T10:00:00.000Z';

function makeContext(): RepositoryContext {
  return {
    getDb: createDbOpener(`clientele-backup-${crypto.randomUUID()}`),
    clock: () => Date.UTC(2026, 10, 23),
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
}

async function backupText(getDb: GetDb): Promise<string> {
  return writeBackup({ exportedAt: EXPORTED_AT, schemaVersion: 1 }, await readAllRecords(getDb));
}

/** A backup file read back as the background does: shape, then every record by schema. */
function parseBackupText(text: string): BackupRecords {
  const file = readBackup(text);
  if (!file.ok) throw new Error(file.error.message.code);
  const out = {} as Record<string, unknown>;
  for (const store of BACKUP_STORES) {
    const parsed = parseBackupRecords(store, file.value.stores[store]);
    if (!parsed.ok) throw new Error(`${parsed.error.path}: ${parsed.error.message.code}`);
    out[store] = parsed.value;
  }
  return out as unknown as BackupRecords;
}

async function seed(getDb: GetDb, book: BackupRecords) {
  const restored = await restoreIntoEmpty(getDb, book);
  if (!restored.ok) throw new Error(restored.error.message.code);
}

const empty = (): BackupRecords => ({
  parties: [],
  interactions: [],
  followUps: [],
  services: [],
  engagements: [],
  purchases: [],
});

describe('backup → restore into an empty book → backup', () => {
  it('round-trips generated books with zero differences', async () => {
    await fc.assert(
      fc.asyncProperty(bookArb(), async (book) => {
        const first = makeContext();
        await seed(first.getDb, book);
        const text = await backupText(first.getDb);

        const second = makeContext();
        const records = parseBackupText(text);
        expect(findConflicts(records)).toBeUndefined();
        await seed(second.getDb, records);
        expect(await backupText(second.getDb)).toBe(text);
        // The projection is rebuilt, not carried: one row per party.
        expect((await readSearchRows(second.getDb)).length).toBe(book.parties.length);
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('keeps every field filled, every optional field empty, and 10,000-character notes', async () => {
    const full = fc.sample(partyArb('full'), { numRuns: 3, seed: 7 });
    const bare = fc.sample(partyArb('bare'), { numRuns: 3, seed: 8 });
    const book = { ...empty(), parties: dedupe([...full, ...bare]) };
    expect(full.every((p) => p.notes.length > 0 && p.title !== undefined && p.prospect)).toBe(true);
    const first = makeContext();
    await seed(first.getDb, book);
    const text = await backupText(first.getDb);
    const second = makeContext();
    await seed(second.getDb, parseBackupText(text));
    expect(await backupText(second.getDb)).toBe(text);
    const back = await readAllRecords(second.getDb);
    expect(sortById(back.parties)).toEqual(sortById(book.parties));
  });

  it('refuses to restore into a book that is not empty, writing nothing', async () => {
    const [party] = fc.sample(partyArb(), { numRuns: 1, seed: 3 }) as [Party];
    const context = makeContext();
    await seed(context.getDb, { ...empty(), parties: [party] });
    const [other] = fc.sample(partyArb(), { numRuns: 1, seed: 4 }) as [Party];
    const again = await restoreIntoEmpty(context.getDb, { ...empty(), parties: [other] });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_empty' } });
    expect((await countRecords(context.getDb)).parties).toBe(1);
  });
});

describe('reading a backup file', () => {
  const valid = writeBackup({ exportedAt: EXPORTED_AT, schemaVersion: 1 }, empty());
  it.each([
    ['', 'The file is empty.'],
    ['{"format":"clientele-backup",', 'JSON is broken'],
    ['{"format":"something-else"}', 'not a Clientele backup'],
    [valid.replace('"version":1', '"version":7'), 'version 7'],
    [valid.replace('"parties":[]', '"parties":{}'), '“parties” is missing or not a list'],
    ['\u0000\u0001PK', 'JSON is broken'],
  ])('names the problem in %j', (text, expected) => {
    const read = readBackup(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(say(read.error.message)).toContain(expected);
  });

  it('names the record and field a bad value sits in', () => {
    const [party] = fc.sample(partyArb(), { numRuns: 1, seed: 5 }) as [Party];
    const broken = [party, { ...party, id: 'second', emails: ['Not An Address'] }];
    const parsed = parseBackupRecords('parties', broken);
    expect(parsed).toMatchObject({
      ok: false,
      error: {
        path: 'stores.parties[1]',
        message: {
          code: 'import_backup_invalid_record',
          params: { field: 'emails.0', id: 'second' },
        },
      },
    });
  });

  it('finds an id used twice before anything is written', () => {
    const [party] = fc.sample(partyArb(), { numRuns: 1, seed: 6 }) as [Party];
    expect(findConflicts({ ...empty(), parties: [party, party] })).toMatchObject({
      path: 'stores.parties[1]',
    });
  });
});

describe('restore by merging into a book', () => {
  const T = Date.UTC(2026, 0, 1);
  const base: Party = {
    id: 'p-on-file',
    type: 'person',
    name: 'Ada Lovelace',
    kind: 'client',
    kindHistory: [{ kind: 'client', at: T }],
    emails: ['ada@northwind.example'],
    phones: ['+12125550100'],
    domains: [],
    title: 'Director',
    tags: ['vip'],
    notes: 'Met at the conference.',
    createdAt: T,
    updatedAt: T + 10,
  };
  const incomingAda: Party = {
    ...base,
    id: 'p-from-backup',
    name: 'Ada King',
    emails: ['ADA@northwind.example'.toLowerCase(), 'ada@home.example'],
    phones: ['+442079460958'],
    title: 'Countess',
    tags: ['math'],
    notes: 'Prefers calls.',
    updatedAt: T + 5,
  };

  it('merges the same person by email, remaps their records, and keeps every value', async () => {
    const context = makeContext();
    await seed(context.getDb, { ...empty(), parties: [base] });
    const outcome = await restoreMerge(context, {
      ...empty(),
      parties: [incomingAda],
      interactions: [
        {
          id: 'i1',
          partyId: 'p-from-backup',
          type: 'call',
          direction: 'outbound',
          at: T + 1,
          summary: 'Called',
          requestId: 'r1',
          createdAt: T + 1,
        },
      ],
      followUps: [
        {
          id: 'f1',
          partyId: 'p-from-backup',
          dueAt: T + 99,
          note: 'x',
          status: 'open',
          createdAt: T,
        },
      ],
      purchases: [
        {
          id: 'b1',
          partyId: 'p-from-backup',
          on: '2026-01-02',
          amount: { amountMinor: 1200, currency: 'EUR' },
          description: 'Audit',
          recurrence: 'one-time',
          createdAt: T,
        },
      ],
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.parties).toEqual({ added: 0, merged: 1, skipped: 0 });
    const book = await readAllRecords(context.getDb);
    expect(book.parties).toHaveLength(1);
    const ada = book.parties[0]!;
    expect(ada.id).toBe('p-on-file');
    // The record on file is newer: its single values stay; the older ones go to the notes.
    expect(ada.name).toBe('Ada Lovelace');
    expect(ada.title).toBe('Director');
    expect(ada.notes).toContain('Met at the conference.');
    expect(ada.notes).toContain('Prefers calls.');
    expect(ada.notes).toContain('name “Ada King”');
    expect(ada.notes).toContain('title “Countess”');
    expect(ada.emails).toEqual(['ada@northwind.example', 'ada@home.example']);
    expect(ada.phones).toEqual(['+12125550100', '+442079460958']);
    expect(ada.tags).toEqual(['vip', 'math']);
    expect(book.interactions.map((i) => i.partyId)).toEqual(['p-on-file']);
    expect(book.followUps.map((f) => f.partyId)).toEqual(['p-on-file']);
    expect(book.purchases.map((p) => p.partyId)).toEqual(['p-on-file']);
    expect(await readSearchRows(context.getDb)).toEqual([toSearchRow(ada)]);
  });

  it('lets a newer incoming record win single values, keeping the older ones in the notes', async () => {
    const context = makeContext();
    await seed(context.getDb, { ...empty(), parties: [base] });
    await restoreMerge(context, {
      ...empty(),
      parties: [{ ...incomingAda, emails: [], phones: ['+12125550100'], updatedAt: T + 50 }],
    });
    const [ada] = (await readAllRecords(context.getDb)).parties;
    expect(ada).toMatchObject({ id: 'p-on-file', name: 'Ada King', title: 'Countess' });
    expect(ada?.notes).toContain('name “Ada Lovelace”');
  });

  it('refuses, changing nothing and saying why, when two records’ notes would not fit in one', async () => {
    const context = makeContext();
    const onFile = { ...base, notes: 'a'.repeat(60_000) };
    await seed(context.getDb, { ...empty(), parties: [onFile] });
    const before = await readAllRecords(context.getDb);
    const outcome = await restoreMerge(context, {
      ...empty(),
      parties: [
        { ...incomingAda, id: 'p-new', name: 'Grace', emails: ['grace@navy.example'], phones: [] },
        { ...incomingAda, notes: 'b'.repeat(60_000) },
      ],
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'too_long' } });
    expect(!outcome.ok && say(outcome.error.message)).toMatch(/Ada Lovelace.*Nothing of the two/);
    // Not even the record added before the refusal: a restore is all there or not there.
    expect(await readAllRecords(context.getDb)).toEqual(before);
  });

  it('is idempotent: merging a book’s own backup into it changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(bookArb(4), async (book) => {
        const context = makeContext();
        await seed(context.getDb, book);
        const before = await backupText(context.getDb);
        const merged = await restoreMerge(context, parseBackupText(before));
        expect(merged.ok).toBe(true);
        const after = parseBackupText(await backupText(context.getDb));
        const expected = parseBackupText(before);
        // Check-in dates are counted again from the cadence; everything else is as it was.
        const strip = (p: Party) => ({ ...p, nextCheckInAt: undefined });
        expect(after.parties.map(strip)).toEqual(expected.parties.map(strip));
        expect({ ...after, parties: [] }).toEqual({ ...expected, parties: [] });
      }),
      { numRuns: 15, endOnFailure: true },
    );
  }, 60_000);
});

function dedupe(parties: Party[]): Party[] {
  return [...new Map(parties.map((p) => [p.id, p])).values()];
}
function sortById<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
