import { describe, expect, it } from 'vitest';
import { TransactionCancelled } from '../../../lib/db/in-transaction';
import { createBulkRuns } from './bulk-runs';

/** Work that ends as a transaction would: cancelled when its signal aborts, else when told. */
function pending() {
  let finish = () => undefined as void;
  const work = (signal?: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      finish = () => resolve('done');
      signal?.addEventListener('abort', () => reject(new TransactionCancelled()));
    });
  return { work, finish: () => finish() };
}

describe('bulk runs', () => {
  it('cancels a named run while it runs, and says it left the book as it was', async () => {
    const runs = createBulkRuns();
    const { work } = pending();
    const running = runs.run('op-1', work);
    expect(await runs.cancel('op-1')).toBe(true);
    await expect(running).rejects.toBeInstanceOf(TransactionCancelled);
  });

  it('says when a run had already finished, or was never named', async () => {
    const runs = createBulkRuns();
    const { work, finish } = pending();
    const running = runs.run('op-2', work);
    finish();
    expect(await running).toBe('done');
    expect(await runs.cancel('op-2')).toBe(false);
    expect(await runs.cancel('never-started')).toBe(false);
  });

  it('a run that commits as the cancel arrives reports it stands', async () => {
    const runs = createBulkRuns();
    // Committed work ignores the abort (tx.abort() throws once committed).
    const running = runs.run('op-3', () => Promise.resolve('done'));
    expect(await runs.cancel('op-3')).toBe(false);
    expect(await running).toBe('done');
  });
});
