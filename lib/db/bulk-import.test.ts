import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, type PartyDraft } from '../domain';
import { importParties } from './bulk-import';
import { createDbOpener } from './open';
import { createParty, findPartiesByEmails, type RepositoryContext } from './party-repository';
import { readSearchRows } from './search-projection';

function makeContext(): RepositoryContext {
  return {
    getDb: createDbOpener(`clientele-bulk-${crypto.randomUUID()}`),
    clock: () => Date.UTC(2026, 10, 23),
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
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
});
