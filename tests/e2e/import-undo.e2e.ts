import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, launchWithExtension, type Launched } from './helpers';

const ROWS = 300;

/** A backup as the options page downloads it, parsed, without the time it was taken. */
async function backUp(options: Page): Promise<Record<string, unknown>> {
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByTestId('backup-export').click(),
  ]);
  const path = await download.path();
  const { exportedAt: _when, ...file } = JSON.parse(await readFile(path, 'utf8')) as Record<
    string,
    unknown
  >;
  return file;
}

/** The stores that hold what is deleted and can be brought back: the undo's own traces. */
const withoutUndoTraces = (file: Record<string, unknown>) => {
  const {
    undoEntries: _entries,
    tombstones: _tombstones,
    ...stores
  } = file.stores as Record<string, unknown[]>;
  return { ...file, stores };
};

describe('undo an import', () => {
  let ext: Launched;
  let options: Page;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'clientele-import-undo-'));
    ext = await launchWithExtension();
    options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
  });

  afterAll(async () => {
    await ext?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('imports 300 from a file, then removing the import gives back the earlier book', async () => {
    const kept = await ask<{ view: { party: { id: string } } }>(options, 'parties/create', {
      name: 'Kept Client',
      kind: 'client',
      emails: ['kept@client.example'],
    });
    await ask(options, 'interactions/log', {
      partyId: kept.view.party.id,
      type: 'call',
      summary: 'Kick-off',
      requestId: 'import-undo-1',
    });
    await ask(options, 'parties/create', {
      name: 'Merge Target',
      kind: 'prospect',
      emails: ['target@merge.example'],
    });
    await options.reload();
    await options.getByTestId('data-section').waitFor();
    const before = await backUp(options);

    // 299 new people and one row for the record on file, which the import merges into.
    const lines = ['Name,E-mail 1 - Value,Organization 1 - Name'];
    for (let i = 0; i < ROWS - 1; i++) lines.push(`Imported ${i},imported.${i}@batch.example,`);
    lines.push('Merge Target,target@merge.example,Merged Org');
    const file = join(folder, 'three-hundred.csv');
    await writeFile(file, lines.join('\n'));

    const dashboard = await ext.context.newPage();
    await dashboard.goto(ext.extensionUrl('dashboard.html'));
    await dashboard.getByTestId('party-count').filter({ hasText: '2 records' }).waitFor();

    await options.getByTestId('import-file').setInputFiles(file);
    await options.getByTestId('import-preview').waitFor();
    await options.getByTestId('import-confirm').click();
    await options.getByTestId('import-result').waitFor();
    expect(await options.getByTestId('import-result').textContent()).toContain(
      'Imported 299 · merged 1',
    );
    // The dashboard, open beside, hears of the import without a reload.
    await dashboard.getByTestId('party-count').filter({ hasText: '301 records' }).waitFor();

    const batch = options.getByTestId('import-batch');
    await batch.filter({ hasText: 'three-hundred.csv' }).waitFor();
    expect(await batch.count()).toBe(1);
    await options.getByTestId('import-undo').click();
    await options.getByTestId('import-undo-confirm').click();
    const outcome = options.getByTestId('import-undo-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('299 removed, 1 put back');
    await options.getByTestId('import-batch-undone').waitFor();
    await dashboard.getByTestId('party-count').filter({ hasText: '2 records' }).waitFor();

    // The book is as before the import. What the product keeps: the undo of this undo
    // (one Recently deleted entry, with the 299 parties) and their tombstones for sync.
    const after = await backUp(options);
    expect(withoutUndoTraces(after)).toEqual(withoutUndoTraces(before));
    const entry = options.getByTestId('recently-deleted-entry');
    await entry.filter({ hasText: 'three-hundred.csv' }).waitFor();

    // And the removal can itself be undone: the import's records are back.
    await entry.filter({ hasText: 'three-hundred.csv' }).getByTestId('restore-entry').click();
    await dashboard.getByTestId('party-count').filter({ hasText: '301 records' }).waitFor();
    const rows = await ask<{ rows: { name: string }[] }>(options, 'search/rows', {});
    expect(rows.rows).toHaveLength(ROWS + 1);
  });
});
