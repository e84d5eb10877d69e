import fc from 'fast-check';
import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { bookArb } from '../../tests/support/test-books';
import type { BackupRecords } from '../transfer/backup-records';
import { restoreIntoEmpty } from './backup-repository';
import { createDbOpener } from './open';
import { readPartyRecords } from './party-records-read';
import { DELETABLE_STORES } from './undo-entry';

/** What a party's records are, read the slow and obvious way. */
function expected(book: BackupRecords, ids: readonly string[]) {
  const parties = [...new Set(ids)]
    .map((id) => book.parties.find((party) => party.id === id))
    .filter((party) => party !== undefined);
  const present = new Set(parties.map((party) => party.id));
  const mine = <T extends { partyId: string; id: string }>(records: T[]) =>
    records
      .filter((record) => present.has(record.partyId))
      .map((record) => record.id)
      .sort();
  return {
    parties: parties.map((party) => party.id),
    interactions: mine(book.interactions),
    followUps: mine(book.followUps),
    engagements: mine(book.engagements),
    purchases: mine(book.purchases),
  };
}

describe('reading the records of many parties', () => {
  it('finds exactly their records, whether a store is read whole or party by party', async () => {
    await fc.assert(
      fc.asyncProperty(
        bookArb(8),
        fc.array(fc.nat(12), { maxLength: 12 }),
        fc.boolean(),
        async (book, picks, withStranger) => {
          const getDb = createDbOpener(`clientele-read-${crypto.randomUUID()}`);
          expect((await restoreIntoEmpty(getDb, book)).ok).toBe(true);
          // Picks beyond the book repeat ids; a stranger id has no party.
          const ids = picks
            .filter(() => book.parties.length > 0)
            .map((pick) => book.parties[pick % book.parties.length]!.id);
          if (withStranger) ids.push('no-such-party');
          const db = await getDb();
          const tx = db.transaction(DELETABLE_STORES, 'readonly');
          const read = await readPartyRecords(unwrap(tx), ids);
          await tx.done;
          db.close();
          const want = expected(book, ids);
          expect(read.parties.map((party) => party.id)).toEqual(want.parties);
          for (const store of ['interactions', 'followUps', 'engagements', 'purchases'] as const)
            expect(read[store].map((record) => record.id).sort()).toEqual(want[store]);
          // Each party's interactions come by date, as the timeline's index gives them.
          for (const id of want.parties) {
            const dates = read.interactions.filter((i) => i.partyId === id).map((i) => i.at);
            expect(dates).toEqual([...dates].sort((a, b) => a - b));
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
