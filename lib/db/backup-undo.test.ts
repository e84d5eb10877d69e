import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../domain';
import {
  BACKUP_STORES,
  readBackup,
  TRANSFER_STORES,
  writeBackup,
  type BackupStores,
} from '../transfer/backup-format';
import { parseBackupRecords, type BackupRecords } from '../transfer/backup-records';
import { readAllRecords } from '../../tests/support/store-reads';
import { readStorePage, restoreIntoEmpty, restoreMerge } from './backup-repository';
import { deleteParties, listRecentlyDeleted } from './deletion-repository';
import { createDbOpener } from './open';
import { createParty, type RepositoryContext } from './party-repository';
import { undoEntry } from './undo-repository';

const NOW = Date.UTC(2026, 11, 7);

function makeContext(): RepositoryContext {
  return {
    getDb: createDbOpener(`clientele-backup-undo-${crypto.randomUUID()}`),
    clock: () => NOW,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
}

/** A backup's text as the options page writes it, every store read a page at a time. */
async function backupText(context: RepositoryContext): Promise<string> {
  const stores = {} as Required<BackupStores>;
  for (const store of TRANSFER_STORES)
    stores[store] = (await readStorePage(context.getDb, store, { limit: 5000 })).records;
  return writeBackup({ exportedAt: new Date(NOW).toISOString(), schemaVersion: 5 }, stores);
}

/** Read back as the background does: the file's shape, then each store by its schema. */
function parsed(text: string): BackupRecords {
  const file = readBackup(text);
  if (!file.ok) throw new Error(file.error.message.code);
  const out: Record<string, unknown> = {};
  for (const store of TRANSFER_STORES) {
    const records = parseBackupRecords(store, file.value.stores[store] ?? []);
    if (!records.ok) throw new Error(`${records.error.path}: ${records.error.message.code}`);
    out[store] = records.value;
  }
  return out as unknown as BackupRecords;
}

async function bookWithADeletion() {
  const context = makeContext();
  await createParty(context, { name: 'Kept', kind: 'client', emails: ['kept@a.example'] });
  const gone = await createParty(context, {
    name: 'Gone',
    kind: 'prospect',
    emails: ['gone@a.example'],
  });
  if (!gone.ok) throw new Error(gone.error.message.code);
  const deleted = await deleteParties(context, [gone.value.party.id]);
  if (!deleted.ok) throw new Error(deleted.error.message.code);
  return context;
}

describe('backups hold the recently deleted', () => {
  it('a restore brings back the same undo list, and its entries still undo', async () => {
    const source = await bookWithADeletion();
    const text = await backupText(source);
    const records = parsed(text);
    expect(records.tombstones).toHaveLength(1);

    for (const restore of [
      (context: RepositoryContext) => restoreIntoEmpty(context.getDb, records),
      (context: RepositoryContext) => restoreMerge(context, records),
    ]) {
      const target = makeContext();
      expect((await restore(target)).ok).toBe(true);
      const listed = await listRecentlyDeleted(target.getDb, NOW);
      expect(listed).toEqual(await listRecentlyDeleted(source.getDb, NOW));
      expect(await backupText(target)).toBe(text);
      expect(await undoEntry(target, listed[0]!.id)).toMatchObject({ ok: true });
      expect((await readAllRecords(target.getDb)).parties.map((p) => p.name).sort()).toEqual([
        'Gone',
        'Kept',
      ]);
    }
  });

  it('an older backup, without the recently deleted, still restores (with none)', async () => {
    const source = await bookWithADeletion();
    const file = JSON.parse(await backupText(source)) as { stores: Record<string, unknown> };
    delete file.stores.undoEntries;
    delete file.stores.tombstones;
    const records = parsed(JSON.stringify(file));
    expect(records.undoEntries).toEqual([]);
    const target = makeContext();
    expect((await restoreIntoEmpty(target.getDb, records)).ok).toBe(true);
    expect(await readAllRecords(target.getDb)).toEqual(await readAllRecords(source.getDb));
    expect(await listRecentlyDeleted(target.getDb, NOW)).toEqual([]);
    for (const store of BACKUP_STORES) expect(file.stores[store]).toBeDefined();
  });

  it('a backup with tombstones kept one per record (written before they were one per action) restores, and its deletion still undoes', async () => {
    const source = await bookWithADeletion();
    const file = JSON.parse(await backupText(source)) as {
      stores: { tombstones: { id: string; at: number; ids: { parties: string[] } }[] };
    };
    const [action] = file.stores.tombstones;
    file.stores.tombstones = action!.ids.parties.map((id) => ({
      id,
      store: 'parties',
      at: action!.at,
      pendingSync: true,
    })) as never;
    const records = parsed(JSON.stringify(file));
    expect(records.tombstones).toHaveLength(1);
    const target = makeContext();
    expect((await restoreIntoEmpty(target.getDb, records)).ok).toBe(true);
    const [entry] = await listRecentlyDeleted(target.getDb, NOW);
    expect(await undoEntry(target, entry!.id)).toMatchObject({ ok: true });
    expect(await (await target.getDb()).count('tombstones')).toBe(0);
  });

  it('refuses an undo entry that does not parse, naming where it is', async () => {
    const source = await bookWithADeletion();
    const file = JSON.parse(await backupText(source)) as {
      stores: { undoEntries: Record<string, unknown>[] };
    };
    file.stores.undoEntries[0]!.removed = { parties: 'not a list' };
    const read = readBackup(JSON.stringify(file));
    if (!read.ok) throw new Error(read.error.message.code);
    const result = parseBackupRecords('undoEntries', read.value.stores.undoEntries ?? []);
    expect(result).toMatchObject({ ok: false, error: { path: 'stores.undoEntries[0]' } });
  });

  it('refuses recently-deleted stores that are there but not lists', () => {
    const read = readBackup(
      JSON.stringify({
        format: 'clientele-backup',
        version: 1,
        exportedAt: 'x',
        schemaVersion: 5,
        stores: {
          ...Object.fromEntries(BACKUP_STORES.map((s) => [s, []])),
          tombstones: 'nope',
        },
      }),
    );
    expect(read).toMatchObject({ ok: false, error: { path: 'stores.tombstones' } });
  });
});
