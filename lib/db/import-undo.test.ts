import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, type PartyDraft } from '../domain';
import { mergeParties } from '../domain/merge';
import { readAllRecords } from '../../tests/support/store-reads';
import { importParties } from './bulk-import';
import { listRecentlyDeleted } from './deletion-repository';
import { listImportBatches, undoImportBatch } from './import-undo';
import { createDbOpener } from './open';
import { createParty, updateParty, type RepositoryContext } from './party-repository';
import { readSearchRows } from './search-projection';
import { undoEntry } from './undo-repository';
import { logInteraction } from './interaction-repository';
import { say } from '../ui/ui-text';

function makeContext(): RepositoryContext & { tick(): void } {
  let now = Date.UTC(2026, 11, 7);
  return {
    getDb: createDbOpener(`clientele-import-undo-${crypto.randomUUID()}`),
    clock: () => now,
    tick: () => (now += 1000),
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
}

const person = (i: number, extra: Partial<PartyDraft> = {}): PartyDraft => ({
  name: `Person ${i}`,
  kind: 'customer',
  emails: [`person${i}@example.com`],
  ...extra,
});

const merge =
  (context: RepositoryContext) =>
  (onFile: Parameters<typeof mergeParties>[0], incoming: Parameters<typeof mergeParties>[1]) => {
    const merged = mergeParties(onFile, incoming, {
      keep: 'on-file',
      cadence: DEFAULT_CADENCE,
      now: context.clock(),
    });
    return merged.ok ? merged.value : onFile;
  };

/** Imports rows as the transfer handler does: one call per message, each a part of one batch. */
async function importInParts(
  context: RepositoryContext,
  rows: PartyDraft[],
  per: number,
  id = 'batch-1',
) {
  for (let offset = 0; offset < rows.length; offset += per)
    await importParties(context, rows.slice(offset, offset + per), {
      chunkSize: 3,
      merge: merge(context),
      batch: { id, fileName: 'contacts.csv', offset },
    });
}

const book = async (context: RepositoryContext) => {
  const { parties, ...rest } = await readAllRecords(context.getDb);
  return { parties: parties.sort((a, b) => a.id.localeCompare(b.id)), ...rest };
};

describe('import batches', () => {
  it('records every chunk of an import as one batch, and undoing it gives back the earlier book', async () => {
    const context = makeContext();
    await createParty(context, person(1, { phones: [] }));
    const earlier = await book(context);
    context.tick();
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => person(100 + i)),
      person(1, { organizationName: 'Merged Ltd' }),
      // Merged into a row this same import added.
      person(100, { organizationName: 'Twice' }),
    ];
    await importInParts(context, rows, 4);
    expect(await listImportBatches(context.getDb)).toEqual([
      { id: 'batch-1', at: context.clock(), fileName: 'contacts.csv', added: 10, merged: 2 },
    ]);
    expect((await readAllRecords(context.getDb)).parties).toHaveLength(11);

    context.tick();
    const undone = await undoImportBatch(context, 'batch-1');
    expect(undone).toMatchObject({
      ok: true,
      value: { removed: 10, restored: 1, keptEdited: 0, keptWithRecords: 0, gone: 0 },
    });
    expect(await book(context)).toEqual(earlier);
    expect((await readSearchRows(context.getDb)).map((row) => row.name)).toEqual(['Person 1']);
    expect((await listImportBatches(context.getDb))[0]?.undoneAt).toBe(context.clock());
    expect(await undoImportBatch(context, 'batch-1')).toMatchObject({ ok: false });
  });

  it('leaves records changed after the import untouched, and says so', async () => {
    const context = makeContext();
    await createParty(context, person(1));
    context.tick();
    await importInParts(context, [person(1, { title: 'CTO' }), person(2), person(3), person(4)], 2);
    const rows = await readAllRecords(context.getDb);
    const id = (n: number) => rows.parties.find((p) => p.name === `Person ${n}`)!.id;
    context.tick();
    await updateParty(context, id(1), { notes: 'edited after' });
    await updateParty(context, id(2), { notes: 'edited after' });
    const logged = await logInteraction(context, {
      partyId: id(3),
      type: 'call',
      direction: 'outbound',
      summary: 'Called',
      at: context.clock(),
      requestId: 'r1',
    });
    expect(logged.ok).toBe(true);
    const undone = await undoImportBatch(context, 'batch-1');
    expect(undone).toMatchObject({
      ok: true,
      value: { removed: 1, restored: 0, keptEdited: 3, keptWithRecords: 0 },
    });
    const after = await readAllRecords(context.getDb);
    expect(after.parties.map((p) => p.name).sort()).toEqual(['Person 1', 'Person 2', 'Person 3']);
    // The edited merge keeps both the import's title and the later note.
    expect(after.parties.find((p) => p.id === id(1))).toMatchObject({
      title: 'CTO',
      notes: 'edited after',
    });
    expect(after.interactions).toHaveLength(1);
  });

  it('keeps an added record that was given a follow-up but not otherwise edited', async () => {
    const context = makeContext();
    await importInParts(context, [person(1), person(2)], 2);
    const rows = await readAllRecords(context.getDb);
    const first = rows.parties.find((p) => p.name === 'Person 1')!;
    // A follow-up written straight to the store, as a sync from elsewhere might: the party's `updatedAt` stays.
    const db = await context.getDb();
    await db.put('followUps', {
      id: 'f1',
      partyId: first.id,
      title: 'Call back',
      dueAt: context.clock(),
      createdAt: context.clock(),
      updatedAt: context.clock(),
      done: false,
    } as never);
    const undone = await undoImportBatch(context, 'batch-1');
    expect(undone).toMatchObject({ ok: true, value: { removed: 1, keptWithRecords: 1 } });
  });

  it('is itself undoable: the removed come back, the merged go back to as imported', async () => {
    const context = makeContext();
    await createParty(context, person(1));
    context.tick();
    await importInParts(context, [person(1, { title: 'CTO' }), person(2), person(3)], 3);
    const imported = await book(context);
    context.tick();
    const undone = await undoImportBatch(context, 'batch-1');
    if (!undone.ok) throw new Error(undone.error.message.code);
    const listed = await listRecentlyDeleted(context.getDb, context.clock());
    expect(listed.map((entry) => say(entry.label))).toEqual(['Import of contacts.csv (2 removed)']);
    context.tick();
    expect(await undoEntry(context, undone.value.entryId)).toMatchObject({
      ok: true,
      value: { restored: { parties: 3 } },
    });
    expect(await book(context)).toEqual(imported);
    expect((await listImportBatches(context.getDb))[0]?.undoneAt).toBeUndefined();
    expect((await undoImportBatch(context, 'batch-1')).ok).toBe(true);
  });
});
