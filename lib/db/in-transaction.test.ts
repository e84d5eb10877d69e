import { describe, expect, it, vi } from 'vitest';
import { inTransaction } from './in-transaction';
import { createDbOpener } from './open';

describe('inTransaction', () => {
  it('resolves after the commit with the work’s result', async () => {
    const db = await createDbOpener(`clientele-tx-${crypto.randomUUID()}`)();
    const tx = db.transaction('services', 'readwrite');
    const service = {
      id: 's1',
      name: 'Audit',
      scope: '',
      terms: { pricingModel: 'fixed-fee' as const, rate: { amountMinor: 1, currency: 'EUR' } },
      archived: false,
      createdAt: 0,
      updatedAt: 0,
    };
    const result = await inTransaction(tx, async () => {
      await tx.store.add(service);
      return 'stored';
    });
    expect(result).toBe('stored');
    expect(await db.get('services', 's1')).toEqual(service);
  });

  it('rethrows a failed write once, keeps nothing of the transaction, and leaves no unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const db = await createDbOpener(`clientele-tx-${crypto.randomUUID()}`)();
    const part = (bucket: number) => ({ bucket, stamp: 's', text: '', last: new Float64Array() });
    await db.put('searchBuckets', part(1));
    const tx = db.transaction('searchBuckets', 'readwrite');
    await expect(
      inTransaction(tx, async () => {
        await tx.store.put(part(2));
        await tx.store.add(part(1)); // key 1 exists: ConstraintError
      }),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    expect(await db.get('searchBuckets', 2)).toBeUndefined();
  });
});
